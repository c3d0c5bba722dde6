package dev.mdj.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.store.FileStore;
import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.json.StoreTime;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * mdj's md-status and certificate-status for the stores mod_md left in the reference scenarios
 * (resources {@code reference/status/<case>/}: the captured documents and the store they were
 * taken from, keys left out), read at the moment mod_md answered, compared with what mod_md
 * answered: the same text once the {@code mdj} objects are removed. Normalised, as they
 * naturally differ: {@code renew-at} while a certificate is missing (it is "now"), and the
 * directories of static certificate files.
 *
 * <p>{@code e-events-expiring} has no captured store: it is the store of
 * {@code e-events/2-after-graceful} with the staged job.json md-status showed
 * ({@code 4-after-restart}).
 */
class ReferenceStatusTest {

    private static final String BASE = """
            ServerName localhost
            ServerAdmin admin@example.org
            Listen 127.0.0.1:5002
            Listen 127.0.0.1:5001 https
            MDStoreDir "%s"
            MDCertificateAuthority https://localhost:14000/dir
            MDCertificateAgreement accepted
            MDContactEmail admin@example.org
            MDPortMap http:5002 https:5001
            %s
            <VirtualHost *:5002>
                ServerName %s
                %s
            </VirtualHost>
            <VirtualHost *:5001>
                ServerName %s
                %s
                SSLEngine on
            </VirtualHost>
            """;
    static final String TEST1 = "MDomain test1.example.org www.test1.example.org";

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a-basic-staged", "test1.example.org", "www.test1.example.org", TEST1),
                Arguments.of("a-basic-active", "test1.example.org", "www.test1.example.org", TEST1),
                Arguments.of("c-keytypes-staged", "test1.example.org", "www.test1.example.org",
                        "MDCAChallenges http-01\nMDPrivateKeys secp256r1 rsa2048\n" + TEST1),
                Arguments.of("c-keytypes-active", "test1.example.org", "www.test1.example.org",
                        "MDCAChallenges http-01\nMDPrivateKeys secp256r1 rsa2048\n" + TEST1),
                Arguments.of("e-events-expiring", "test1.example.org", "www.test1.example.org",
                        "MDCAChallenges http-01\nMDWarnWindow 91d\n" + TEST1),
                Arguments.of("h-errors-validationfail", "fail.example.org", null,
                        "MDCAChallenges http-01\nMDomain fail.example.org"),
                Arguments.of("h-errors-rejected", "blocked-domain.example", null,
                        "MDCAChallenges http-01\nMDomain blocked-domain.example"),
                Arguments.of("i-renew-active-staged", "test1.example.org", "www.test1.example.org",
                        "MDCAChallenges http-01\nMDRenewWindow 91d\n" + TEST1),
                Arguments.of("g-static", "static.example.org", null, """
                        <MDomain static.example.org>
                            MDCertificateFile static.example.org.cert.pem
                            MDCertificateKeyFile static.example.org.key.pem
                        </MDomain>"""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mdStatusListsEveryDomainAsModMd(String name, String md, String alias, String mdConfig) throws Exception {
        StatusReader reader = reader(name, md, alias, mdConfig);

        ObjectNode actual = StatusJson.mdStatus(reader.all());

        actual.withArray("managed-domains").forEach(d -> ((ObjectNode) d).remove("mdj"));
        assertSameText(actual, readJson(resource(name).resolve("md-status.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void mdStatusOfOneDomainHasTheRenewalLog(String name, String md, String alias, String mdConfig) throws Exception {
        StatusReader reader = reader(name, md, alias, mdConfig);

        for (String domain : alias == null ? new String[] {md} : new String[] {md, alias}) {
            Path expected = resource(name).resolve("md-status_" + domain + ".json");
            if (!domain.equals(md) && !Files.exists(expected)) {
                continue; // mod_md's answer for the alias was captured in some scenarios only
            }
            ObjectNode actual = StatusJson.managedDomain(reader.find(domain).orElseThrow(), true);
            assertThat(actual.get("mdj")).as("mdj's own facts").isNotNull();
            actual.remove("mdj");
            assertSameText(actual, readJson(expected));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void certificateStatusAsModMd(String name, String md, String alias, String mdConfig) throws Exception {
        StatusReader reader = reader(name, md, alias, mdConfig);

        ObjectNode actual = StatusJson.certificateStatus(reader.forHost(md).orElseThrow());

        assertSameText(actual, JsonFiles.readObject(body(resource(name).resolve("certificate-status_" + md + ".http.txt"))));
    }

    private StatusReader reader(String name, String md, String alias, String mdConfig) throws IOException {
        return reader(dir, name, md, alias, mdConfig, StatusReader.RenewalWindows.NONE);
    }

    /**
     * A reader of reference case {@code name} at the moment mod_md answered, configured in
     * {@code dir} with {@code mdConfig}; the engine's ARI windows from {@code windows}.
     */
    static StatusReader reader(Path dir, String name, String md, String alias, String mdConfig,
            StatusReader.RenewalWindows windows) throws IOException {
        return reader(dir, name, resource(name).resolve("store"), md, alias, mdConfig, windows);
    }

    /** The same on {@code storeDir} (a copy of the case's store that a test may change). */
    static StatusReader reader(Path dir, String name, Path storeDir, String md, String alias, String mdConfig,
            StatusReader.RenewalWindows windows) throws IOException {
        Path resource = resource(name);
        Path cert = resource.resolve("static.example.org.cert.pem");
        if (Files.exists(cert)) {
            Files.copy(cert, dir.resolve(cert.getFileName()));
            Files.writeString(dir.resolve("static.example.org.key.pem"), "not read by status\n");
        }
        String aliasLine = alias == null ? "" : "ServerAlias " + alias;
        Path file = Files.writeString(dir.resolve("mdj.conf"), BASE.formatted(storeDir, mdConfig,
                md, aliasLine, md, aliasLine));
        Configuration config = ConfigReader.read(file, ParseOptions.defaults().withServerRoot(dir));
        Clock clock = Clock.fixed(answeredAt(resource), ZoneOffset.UTC);
        return new StatusReader(config, FileStore.openExisting(storeDir), clock,
                StatusReader.NextChecks.NONE, windows);
    }

    /** When mod_md answered GET /md-status: its Date header. */
    static Instant answeredAt(Path resource) throws IOException {
        return Files.readAllLines(resource.resolve("md-status.http.txt")).stream()
                .filter(line -> line.startsWith("Date: ")).findFirst()
                .map(line -> StoreTime.parse(line.substring("Date: ".length()).strip())).orElseThrow();
    }

    static Path resource(String name) {
        try {
            return Path.of(ReferenceStatusTest.class.getResource("/reference/status/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a captured HTTP answer. */
    static String body(Path httpText) throws IOException {
        String text = Files.readString(httpText);
        return text.substring(text.indexOf("\r\n\r\n") + 4);
    }

    private static ObjectNode readJson(Path file) throws IOException {
        return JsonFiles.readObject(Files.readString(file));
    }

    private static void assertSameText(ObjectNode actual, ObjectNode expected) {
        assertThat(JsonFiles.write(normalised(actual.deepCopy())))
                .isEqualTo(JsonFiles.write(normalised(expected.deepCopy())));
    }

    /** What naturally differs replaced: renew-at while incomplete, the directories of static files. */
    private static JsonNode normalised(ObjectNode doc) {
        if (doc.has("managed-domains")) {
            doc.withArray("managed-domains").forEach(md -> normaliseMd((ObjectNode) md));
        } else if (doc.has("name")) {
            normaliseMd(doc);
        }
        return doc;
    }

    private static void normaliseMd(ObjectNode md) {
        if (md.path("state").asInt() == 1 && md.has("renew-at")) {
            md.put("renew-at", "<now>");
        }
        for (String key : new String[] {"cert-files", "pkey-files"}) {
            if (md.get(key) instanceof ArrayNode files) {
                for (int i = 0; i < files.size(); i++) {
                    files.set(i, files.get(i).asString().replaceAll(".*/", ""));
                }
            }
        }
    }
}
