package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.Configuration;
import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.pem.Certificates;
import dev.mdj.testing.OcspResponder;
import dev.mdj.testing.Pem;
import dev.mdj.testing.Processes;
import dev.mdj.testing.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OCSP stapling end to end: a real responder ({@code openssl ocsp}) for a CA made here, a
 * managed domain with an RSA and an ECDSA certificate in {@code domains/<md>/} and a virtual
 * host with SSLCertificateFile, all naming the responder; {@code openssl s_client -status}
 * must receive exactly the staple of the certificate it was served.
 */
class StaplingTest {

    private static final String MD = "staple.example.org";
    private static final String OTHER = "other.example.org";
    private static final KeySpec RSA = new KeySpec.Rsa(2048);
    private static final KeySpec EC = new KeySpec.Ec("secp256r1");
    private static final String RSA_CLIENT = "rsa_pss_rsae_sha256:RSA+SHA256";
    private static final String ECDSA_CLIENT = "ECDSA+SHA256";
    private static final Pattern STAPLED_SERIAL = Pattern.compile("Serial Number: ([0-9A-F]+)");

    @TempDir
    Path dir;
    private TestPki pki;
    private OcspResponder responder;
    private TestPki.Leaf rsa;
    private TestPki.Leaf ec;
    private TestPki.Leaf other;
    private FileStore store;
    private MdjServer server;
    private int port;

    @BeforeEach
    void setUp() {
        pki = TestPki.create(dir.resolve("pki"), "mdj stapling test CA");
        responder = OcspResponder.create(pki, Duration.ofHours(1));
        rsa = pki.issueWithOcsp("rsa", List.of(MD), false, responder.url());
        ec = pki.issueWithOcsp("ec", List.of(MD), true, responder.url());
        other = pki.issueWithOcsp("other", List.of(OTHER), false, responder.url());
        responder.good(rsa.certificate()).good(ec.certificate()).good(other.certificate());
        store = FileStore.open(dir.resolve("md"));
        store.save(StoreGroup.DOMAINS, MD, Aspect.privateKey(RSA), rsa.privateKey());
        store.save(StoreGroup.DOMAINS, MD, Aspect.certificateChain(RSA), List.of(rsa.certificate(), pki.caCertificate()));
        store.save(StoreGroup.DOMAINS, MD, Aspect.privateKey(EC), ec.privateKey());
        store.save(StoreGroup.DOMAINS, MD, Aspect.certificateChain(EC), List.of(ec.certificate(), pki.caCertificate()));
        port = TestServers.freePort();
    }

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
        responder.close();
    }

    private Configuration config(String global, String renewMode) {
        return TestServers.config(dir, """
                Listen 127.0.0.1:%1$d https
                MDStoreDir %2$s
                # a CA that refuses connections: nothing is ever obtained from it
                MDCertificateAuthority https://127.0.0.1:9/directory
                MDCertificateAgreement accepted
                MDRenewMode %6$s
                MDMessageCmd %7$s
                %5$s
                <MDomain %3$s>
                  MDPrivateKeys secp256r1 rsa2048
                </MDomain>
                <VirtualHost *:%1$d>
                  ServerName %3$s
                  SSLEngine on
                  <Location /md-status>
                    SetHandler md-status
                  </Location>
                  <Location /server-status>
                    SetHandler server-status
                  </Location>
                  <Location /metrics>
                    SetHandler metrics
                  </Location>
                </VirtualHost>
                <VirtualHost *:%1$d>
                  ServerName %4$s
                  SSLEngine on
                  SSLCertificateFile %8$s
                  SSLCertificateKeyFile %9$s
                  SSLCertificateChainFile %10$s
                </VirtualHost>
                """.formatted(port, dir.resolve("md"), MD, OTHER, global, renewMode, messageCommand(),
                other.certificateFile(), other.keyFile(), pki.caCertificateFile()));
    }

    /** A MDMessageCmd that appends its arguments to {@code events.log}. */
    private Path messageCommand() {
        try {
            Path script = dir.resolve("events.sh");
            Files.writeString(script, "#!/bin/sh\necho \"$@\" >> " + dir.resolve("events.log") + "\n");
            script.toFile().setExecutable(true);
            return script;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void eachKeyTypeGetsItsOwnStapleAndTheOtherVhostIsStapledToo() {
        responder.start();
        server = TestServers.start(config("MDStapling on", "manual"));

        assertStapled(MD, rsa.certificate(), "-sigalgs", RSA_CLIENT);
        assertStapled(MD, ec.certificate(), "-sigalgs", ECDSA_CLIENT);
        assertStapled(OTHER, other.certificate());
        assertThat(store.fileNames(StoreGroup.OCSP, MD)).contains(
                "ocsp-" + Certificates.sha1Fingerprint(rsa.certificate()) + ".json",
                "ocsp-" + Certificates.sha1Fingerprint(ec.certificate()) + ".json", "job.json");
        assertThat(store.fileNames(StoreGroup.OCSP, "other")).contains(
                "ocsp-" + Certificates.sha1Fingerprint(other.certificate()) + ".json");
        assertThat(eventually(() -> events().contains("ocsp-renewed " + MD))).isTrue();

        String mdStatus = get("/md-status/" + MD);
        assertThat(mdStatus).contains("\"stapling\": true").contains("\"ocsp\": {\n        \"status\": \"good\"")
                .contains("message-ocsp-renewed");
        String auto = get("/server-status?auto");
        assertThat(auto).contains("ManagedStaplingsTotal: 2\nManagedStaplingsOK: 2\nManagedStaplingsRenew: 0\n"
                + "ManagedStaplingsErrored: 0\n")
                .contains("ManagedStapling[0]Domain: " + MD)
                .contains("ManagedStapling[1]CertificateID: " + Certificates.sha1Fingerprint(rsa.certificate()))
                .contains("ManagedStapling[1]ResponderURL: " + responder.url());
        assertThat(get("/server-status")).contains("Managed Staplings");
        assertThat(get("/metrics")).contains("mdj_ocsp_status{md=\"" + MD + "\",key_type=\"rsa\",status=\"good\"} 1");
    }

    /** A status page of the managed domain's virtual host, over TLS. */
    private String get(String path) {
        return Processes.run(List.of("curl", "-sk", "--resolve", MD + ":" + port + ":127.0.0.1",
                "https://" + MD + ":" + port + path), Map.of(), null, Duration.ofSeconds(20)).orThrow().output();
    }

    @Test
    void withStapleOthersOffOnlyTheManagedDomainIsStapled() {
        responder.start();
        server = TestServers.start(config("MDStapling on\nMDStapleOthers off", "manual"));

        assertStapled(MD, rsa.certificate(), "-sigalgs", RSA_CLIENT);
        assertThat(status(OTHER)).contains("OCSP response: no response sent");
        assertThat(store.names(StoreGroup.OCSP)).containsExactly(MD);
    }

    @Test
    void withStaplingOffNothingIsStapled() {
        responder.start();
        server = TestServers.start(config("", "manual"));

        assertThat(status(MD)).contains("OCSP response: no response sent");
        assertThat(status(OTHER)).contains("OCSP response: no response sent");
        // not only "not fetched yet": nothing is to be stapled at all
        assertThat(get("/server-status?auto")).contains("ManagedStaplingsTotal: 0\n");
    }

    @Test
    void thePersistedResponseIsStapledWhenTheResponderIsDownAtStart() {
        responder.start();
        server = TestServers.start(config("MDStapling on", "manual"));
        assertStapled(MD, rsa.certificate(), "-sigalgs", RSA_CLIENT);
        server.close();
        responder.stop();

        server = TestServers.start(config("MDStapling on", "manual"));

        assertStapled(MD, rsa.certificate(), "-sigalgs", RSA_CLIENT);
        assertStapled(OTHER, other.certificate());
    }

    @Test
    void aRenewedCertificateIsStapledAsSoonAsItIsLive() {
        responder.start();
        server = TestServers.start(config("MDStapling on", "manual"));
        assertStapled(MD, rsa.certificate(), "-sigalgs", RSA_CLIENT);
        TestPki.Leaf renewed = pki.issueWithOcsp("renewed", List.of(MD), false, responder.url());
        responder.good(renewed.certificate()).restart();

        store.save(StoreGroup.DOMAINS, MD, Aspect.privateKey(RSA), renewed.privateKey());
        store.save(StoreGroup.DOMAINS, MD, Aspect.certificateChain(RSA),
                List.of(renewed.certificate(), pki.caCertificate()));
        server.activated(MD).join();

        assertStapled(MD, renewed.certificate(), "-sigalgs", RSA_CLIENT);
    }

    @Test
    void aRevokedAnswerStartsARenewal() {
        responder.revoke(ec.certificate()).start();
        server = TestServers.start(config("MDStapling on", "auto"));

        assertThat(eventually(() -> events().contains("renewing " + MD))).as("events: %s", events()).isTrue();
        String status = status(MD, "-sigalgs", ECDSA_CLIENT);
        assertThat(status).contains("Cert Status: revoked");
        assertThat(get("/server-status?auto")).contains("ManagedStaplingsRenew: 1\n");
    }

    private String events() {
        try {
            Path log = dir.resolve("events.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code openssl s_client -status} keeps being asked until it gets a staple; it must be {@code expected}'s. */
    private void assertStapled(String name, X509Certificate expected, String... options) {
        String[] output = new String[1];
        boolean stapled = eventually(() -> {
            output[0] = status(name, options);
            return output[0].contains("OCSP Response Status: successful");
        });
        assertThat(stapled).as("staple for %s: %s", name, output[0]).isTrue();
        // the staple's own certificates come first in the output; the served chain follows
        String chain = output[0].substring(output[0].indexOf("Certificate chain"));
        X509Certificate served = Pem.certificates(chain).get(0);
        assertThat(served.getSerialNumber()).isEqualTo(expected.getSerialNumber());
        Matcher serial = STAPLED_SERIAL.matcher(output[0]);
        assertThat(serial.find()).isTrue();
        assertThat(new java.math.BigInteger(serial.group(1), 16)).isEqualTo(expected.getSerialNumber());
        assertThat(output[0]).contains("Cert Status: good");
    }

    private String status(String name, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + port,
                "-servername", name, "-status", "-showcerts"));
        command.addAll(List.of(options));
        return Processes.run(command, Map.of(), "", Duration.ofSeconds(20)).output();
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        return Processes.waitFor(Duration.ofSeconds(15), condition);
    }
}
