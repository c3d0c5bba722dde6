package dev.mdj.server;

import static dev.mdj.server.RawHttp.body;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.renew.AriWindow;
import dev.mdj.server.metrics.MdMetrics;
import dev.mdj.status.StatusReader;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.json.StoreTime;
import dev.mdj.testing.Processes;
import dev.mdj.testing.TestPki;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SetHandler metrics}: the Prometheus text format 0.0.4 (every line checked against its
 * grammar), the values of known certificates and jobs, the JVM meters, and Require.
 */
class MetricsTest {

    private static final String EAB_HMAC = "c2VjcmV0LWhtYWMta2V5LXRoYXQtbXVzdC1uZXZlci1zaG93";
    private static final String TEST1 = "test1.example.org";
    private static final String TEST2 = "test2.example.org";

    @TempDir
    Path dir;

    private int http;

    private MdjServer start() {
        http = TestServers.freePort();
        return TestServers.start(TestServers.config(dir, TestServers.NOT_RENEWING + """
                Listen 127.0.0.1:%1$d
                MDStoreDir %2$s
                MDCertificateAuthority https://localhost:14000/dir
                MDExternalAccountBinding kid-1 %3$s
                MDPrivateKeys secp256r1 rsa2048
                MDomain test1.example.org www.test1.example.org
                MDomain test2.example.org
                <Location /metrics>
                  SetHandler metrics
                </Location>
                <Location /md-status>
                  SetHandler md-status
                </Location>
                <Location /private-metrics>
                  SetHandler metrics
                  Require ip 192.0.2.1
                </Location>
                <VirtualHost *:%1$d>
                  ServerName test1.example.org
                  ServerAlias www.test1.example.org
                </VirtualHost>
                <VirtualHost *:%1$d>
                  ServerName test2.example.org
                </VirtualHost>
                """.formatted(http, dir.resolve("md"), EAB_HMAC)));
    }

    @Test
    void certificatesAndRenewalsOfEachDomainAndKeyType() {
        FileStore store = FileStore.open(dir.resolve("md"));
        TestPki pki = TestPki.create(dir.resolve("pki"), "Metrics Test CA");
        Path ecParams = dir.resolve("pki/p256.pem");
        Processes.run("openssl", "ecparam", "-name", "prime256v1", "-out", ecParams.toString()).orThrow();
        X509Certificate rsa = pki.issue("rsa", List.of(TEST1, "www." + TEST1), "rsa:2048", 90).certificate();
        X509Certificate ec = pki.issue("ec", List.of(TEST1, "www." + TEST1), "ec:" + ecParams, 30).certificate();
        store.save(StoreGroup.DOMAINS, TEST1, Aspect.certificateChain(new KeySpec.Rsa(2048)), List.of(rsa));
        store.save(StoreGroup.DOMAINS, TEST1, Aspect.certificateChain(new KeySpec.Ec("secp256r1")), List.of(ec));
        Instant renewed = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        store.save(StoreGroup.DOMAINS, TEST1, Aspect.JOB_JSON, JobJson.of(TEST1).withFinished(true)
                .withLogEntry(JobLogEntry.of(renewed, JobJson.FINISHED_ENTRY, null, null)).toJson());

        try (MdjServer server = start()) {
            // after the start: the watchdog starts an MD whose last runs failed afresh, as mod_md
            store.save(StoreGroup.STAGING, TEST2, Aspect.JOB_JSON, JobJson.of(TEST2).withErrors(3).toJson());
            String answer = get("/metrics");
            String renewAt = JsonFiles.readObject(body(get("/md-status/" + TEST1))).get("renew-at").asString();

            assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n")
                    .containsIgnoringCase("\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n");
            Map<String, Double> samples = parse(body(answer));
            assertThat(samples)
                    .containsEntry("mdj_certificate_not_after_seconds{md=\"test1.example.org\",key_type=\"rsa\"}",
                            (double) rsa.getNotAfter().toInstant().getEpochSecond())
                    .containsEntry("mdj_certificate_not_after_seconds{md=\"test1.example.org\",key_type=\"secp256r1\"}",
                            (double) ec.getNotAfter().toInstant().getEpochSecond())
                    .containsEntry("mdj_certificate_not_before_seconds{md=\"test1.example.org\",key_type=\"rsa\"}",
                            (double) rsa.getNotBefore().toInstant().getEpochSecond())
                    .containsEntry("mdj_renew_at_seconds{md=\"test1.example.org\"}",
                            (double) StoreTime.parse(renewAt).getEpochSecond())
                    .containsEntry("mdj_renewal_last_success_seconds{md=\"test1.example.org\"}",
                            (double) renewed.getEpochSecond())
                    .containsEntry("mdj_md_state{md=\"test1.example.org\",state=\"complete\"}", 1.0)
                    .containsEntry("mdj_md_state{md=\"test2.example.org\",state=\"incomplete\"}", 1.0)
                    .containsEntry("mdj_md_info{md=\"test1.example.org\",ca=\"https://localhost:14000/dir\"}", 1.0)
                    .containsEntry("mdj_renewal_errors{md=\"test1.example.org\"}", 0.0)
                    .containsEntry("mdj_renewal_errors{md=\"test2.example.org\"}", 3.0)
                    .containsEntry("mdj_renewal_job_state{md=\"test1.example.org\",state=\"idle\"}", 1.0)
                    .containsEntry("mdj_renewal_job_state{md=\"test2.example.org\",state=\"failing\"}", 1.0)
                    .doesNotContainKey("mdj_certificate_not_after_seconds{md=\"test2.example.org\",key_type=\"rsa\"}")
                    .doesNotContainKey("mdj_renewal_last_success_seconds{md=\"test2.example.org\"}");
            assertThat(samples.keySet()).as("Micrometer's JVM and process meters")
                    .anyMatch(name -> name.startsWith("jvm_memory_used_bytes{"))
                    .anyMatch(name -> name.startsWith("jvm_threads_live_threads"))
                    .anyMatch(name -> name.startsWith("process_uptime_seconds"));
            assertThat(answer).doesNotContain(EAB_HMAC).doesNotContain("kid-1").doesNotContain("PRIVATE KEY");
        }
    }

    @Test
    void ariWindowsOfTheRunningWatchdogByKeyType() {
        FileStore store = FileStore.open(dir.resolve("md"));
        X509Certificate rsa = TestPki.create(dir.resolve("pki"), "Metrics Test CA")
                .issue("rsa", List.of(TEST1, "www." + TEST1)).certificate();
        store.save(StoreGroup.DOMAINS, TEST1, Aspect.certificateChain(new KeySpec.Rsa(2048)), List.of(rsa));
        Instant start = Instant.parse("2027-01-10T00:00:00Z");
        AriWindow window = new AriWindow(start, start.plusSeconds(7200), Optional.empty(), Optional.empty());
        StatusReader reader = new StatusReader(TestServers.config(dir, "MDStoreDir " + dir.resolve("md") + "\n"
                + "MDPrivateKeys secp256r1 rsa2048\nMDomain " + TEST1 + "\n"), store, Clock.systemUTC(),
                StatusReader.NextChecks.NONE, StatusReader.RenewalWindows.of(md -> Map.of(rsa, window), md -> Optional.empty()));

        Map<String, Double> samples = parse(MdMetrics.scrape(reader));

        assertThat(samples)
                .containsEntry("mdj_ari_window_start_seconds{md=\"test1.example.org\",key_type=\"rsa\"}",
                        (double) start.getEpochSecond())
                .containsEntry("mdj_ari_window_end_seconds{md=\"test1.example.org\",key_type=\"rsa\"}",
                        (double) start.getEpochSecond() + 7200)
                .doesNotContainKey("mdj_ari_window_start_seconds{md=\"test1.example.org\",key_type=\"secp256r1\"}");
    }

    @Test
    void headIsAnsweredAndOtherMethodsAreNot() {
        try (MdjServer server = start()) {
            assertThat(RawHttp.exchange(http, "HEAD /metrics HTTP/1.1\r\nHost: " + TEST1 + "\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n");
            assertThat(RawHttp.exchange(http, "POST /metrics HTTP/1.1\r\nHost: " + TEST1 + "\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 501 ");
        }
    }

    @Test
    void requireInTheLocationProtectsIt() {
        try (MdjServer server = start()) {
            String answer = get("/private-metrics");
            assertThat(answer).startsWith("HTTP/1.1 403 Forbidden\r\n").doesNotContain("mdj_");
        }
    }

    private String get(String path) {
        return RawHttp.exchange(http, "GET " + path + " HTTP/1.1\r\nHost: " + TEST1 + "\r\nConnection: close\r\n\r\n");
    }

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") .*");
    private static final Pattern TYPE = Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|histogram|summary|untyped)");
    private static final String LABEL = "[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\"";
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(?:" + LABEL + "(?:," + LABEL + ")*,?)?})?"
            + " ([-+]?(?:[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|NaN|Inf))( -?[0-9]+)?");

    /**
     * The samples of a text format 0.0.4 exposition by {@code name{labels}}, failing on any line
     * that is not a HELP, TYPE or sample line, on a family declared twice, on a sample whose family
     * was not declared before it or is not the current one (a family's samples are together), and
     * on a series given twice.
     */
    static Map<String, Double> parse(String text) {
        assertThat(text).endsWith("\n");
        Map<String, Double> samples = new LinkedHashMap<>();
        Set<String> families = new HashSet<>();
        String current = null;
        for (String line : text.split("\n")) {
            Matcher help = HELP.matcher(line);
            Matcher type = TYPE.matcher(line);
            Matcher sample = SAMPLE.matcher(line);
            if (help.matches()) {
                assertThat(families).as("HELP after the family's samples: %s", line).doesNotContain(help.group(1));
            } else if (type.matches()) {
                assertThat(families.add(type.group(1))).as("family declared twice: %s", line).isTrue();
                current = type.group(1);
            } else if (sample.matches()) {
                String name = sample.group(1);
                assertThat(current).as("sample outside its family: %s", line).isNotNull();
                assertThat(name.equals(current) || name.matches(Pattern.quote(current)
                        + "_(bucket|count|sum|total|created)")).as("sample outside its family: %s", line).isTrue();
                String series = name + (sample.group(2) == null ? "" : sample.group(2));
                String value = sample.group(3);
                double parsed = value.endsWith("Inf") ? (value.startsWith("-") ? Double.NEGATIVE_INFINITY
                        : Double.POSITIVE_INFINITY) : Double.parseDouble(value);
                assertThat(samples.put(series, parsed)).as("series given twice: %s", line).isNull();
            } else {
                throw new AssertionError("not a line of the text format 0.0.4: '" + line + "'");
            }
        }
        return samples;
    }
}
