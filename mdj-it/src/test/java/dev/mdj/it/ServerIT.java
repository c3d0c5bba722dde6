package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.testing.FreePorts;
import dev.mdj.testing.OpenSsl;
import dev.mdj.testing.PebbleServer;
import dev.mdj.testing.Processes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mdj serve} end to end against a real Pebble: an MD without certificate is served with
 * the fallback and 503, then gets its certificate through the server's own challenge answers and
 * serves it without a restart, to openssl s_client and the JDK HttpClient.
 */
class ServerIT {

    @TempDir
    Path dir;

    @Test
    void http01CertificateIsObtainedAndServedWithoutRestart() throws Exception {
        int https = FreePorts.find();
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), FreePorts.find(), FreePorts.find())) {
            Path conf = config(pebble, https, "", "MDomain a.example.org www.a.example.org");
            try (MdjServerProcess mdj = MdjServerProcess.start(conf, pebble.httpPort(), https)) {
                X509Certificate fallback = OpenSsl.servedChain("127.0.0.1", https, "a.example.org").get(0);
                assertThat(fallback.getSubjectX500Principal().getName()).isEqualTo("CN=Apache Managed Domain Fallback");

                HttpClient insecure = ServerClients.trustingAll();
                HttpResponse<String> before = insecure.send(HttpRequest.newBuilder(
                        URI.create("https://a.example.org:" + https + "/")).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(before.statusCode()).isEqualTo(503);
                assertThat(before.body()).contains("<title>503 Service Unavailable</title>");

                awaitIssuedBy(pebble, https, "a.example.org", mdj);
                HttpClient client = ServerClients.trusting(pebble.issuingRoot());
                HttpResponse<String> after = client.send(HttpRequest.newBuilder(
                        URI.create("https://www.a.example.org:" + https + "/index.html")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(after.statusCode()).isEqualTo(200);
                assertThat(after.body()).isEqualTo("<html><body>mdj</body></html>\n");
                assertThat(after.version()).isEqualTo(HttpClient.Version.HTTP_2);
                assertThat(mdj.log()).contains("a.example.org: now serving certificate serial");
            }
        }
    }

    @Test
    void tlsAlpn01AloneGetsTheCertificate() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), FreePorts.find(), FreePorts.find())) {
            int https = pebble.tlsPort();
            Path conf = Files.writeString(dir.resolve("mdj.conf"), """
                    Listen 127.0.0.1:%1$d https
                    MDPortMap http:- https:%1$d
                    MDCertificateAuthority %2$s
                    MDCACertificateFile %3$s
                    MDCertificateAgreement accepted
                    MDContactEmail admin@example.org
                    Protocols h2 http/1.1 acme-tls/1
                    MDomain alpn.example.org
                    <VirtualHost *:%1$d>
                      ServerName alpn.example.org
                      SSLEngine on
                    </VirtualHost>
                    """.formatted(https, pebble.directoryUrl(), pebble.listenerCaFile()));
            try (MdjServerProcess mdj = MdjServerProcess.start(conf, https)) {
                awaitIssuedBy(pebble, https, "alpn.example.org", mdj);
                assertThat(mdj.log()).contains("tls-alpn-01");
            }
        }
    }

    @Test
    void twoKeyTypesServeEcdsaAndRsaByWhatTheClientAccepts() throws Exception {
        int https = FreePorts.find();
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), FreePorts.find(), FreePorts.find())) {
            Path conf = config(pebble, https, "MDPrivateKeys secp256r1 rsa2048", "MDomain keys.example.org");
            try (MdjServerProcess mdj = MdjServerProcess.start(conf, pebble.httpPort(), https)) {
                awaitIssuedBy(pebble, https, "keys.example.org", mdj);
                X509Certificate ecdsa = OpenSsl.servedChain("127.0.0.1", https, "keys.example.org").get(0);
                X509Certificate rsa = OpenSsl.servedChain("127.0.0.1", https, "keys.example.org",
                        "-sigalgs", "rsa_pss_rsae_sha256:RSA+SHA256").get(0);
                X509Certificate rsaTls12 = OpenSsl.servedChain("127.0.0.1", https, "keys.example.org",
                        "-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256").get(0);
                assertThat(ecdsa.getPublicKey().getAlgorithm()).isEqualTo("EC");
                assertThat(rsa.getPublicKey().getAlgorithm()).isEqualTo("RSA");
                assertThat(rsaTls12.getPublicKey().getAlgorithm()).isEqualTo("RSA");
            }
        }
    }

    private Path config(PebbleServer pebble, int https, String extra, String mdomain) throws Exception {
        Path docs = Files.createDirectories(dir.resolve("htdocs"));
        Files.writeString(docs.resolve("index.html"), "<html><body>mdj</body></html>\n");
        return Files.writeString(dir.resolve("mdj.conf"), """
                Listen 127.0.0.1:%1$d
                Listen 127.0.0.1:%2$d https
                MDPortMap http:%1$d https:%2$d
                MDCertificateAuthority %3$s
                MDCACertificateFile %4$s
                MDCertificateAgreement accepted
                MDContactEmail admin@example.org
                DocumentRoot %5$s
                %6$s
                %7$s
                <VirtualHost *:%2$d>
                  ServerName a.example.org
                  ServerAlias www.a.example.org keys.example.org
                  SSLEngine on
                </VirtualHost>
                <VirtualHost *:%1$d>
                  ServerName a.example.org
                  ServerAlias www.a.example.org keys.example.org
                </VirtualHost>
                """.formatted(pebble.httpPort(), https, pebble.directoryUrl(), pebble.listenerCaFile(), docs,
                extra, mdomain));
    }

    /** Waits until the name is served with a certificate Pebble issued (no restart in between). */
    private static void awaitIssuedBy(PebbleServer pebble, int port, String name, MdjServerProcess mdj) {
        boolean issued = Processes.waitFor(Duration.ofSeconds(90), () -> {
            List<X509Certificate> chain = OpenSsl.servedChain("127.0.0.1", port, name);
            return !chain.get(0).getIssuerX500Principal().getName().contains("Fallback");
        });
        assertThat(issued).as("%s served with Pebble's certificate; mdj log:%n%s%nPebble:%n%s", name, mdj.log(),
                pebble.logs()).isTrue();
    }
}
