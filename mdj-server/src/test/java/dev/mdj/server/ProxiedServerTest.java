package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mdj.testing.TestTls;
import dev.mdj.md.KeySpec;
import dev.mdj.store.pem.CertificatePem;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.PrivateKeyPem;
import dev.mdj.store.pem.SelfSignedCertificates;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server in front of a backend: a virtual host with its own SSLCertificateFile, h2 and
 * HTTP/1.1 clients through ProxyPass, and a slow backend answered with 504 rather than a
 * connection closed by the idle timeout.
 */
class ProxiedServerTest {

    @TempDir
    Path dir;

    private HttpServer backend;
    private X509Certificate certificate;

    @BeforeEach
    void backend() throws Exception {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/app/", exchange -> {
            if (exchange.getRequestURI().getPath().endsWith("/slow")) {
                try {
                    Thread.sleep(4000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = ("backend saw " + exchange.getRequestURI() + " for "
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-Host")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
    }

    @AfterEach
    void stop() {
        backend.stop(0);
    }

    private MdjServer start(int https) throws Exception {
        KeyPair key = KeyPairs.generate(new KeySpec.Ec("secp256r1"));
        certificate = SelfSignedCertificates.of(key, "static.example.org", List.of("static.example.org"),
                Instant.now().minusSeconds(60), Duration.ofDays(1)).forServerAuth().create();
        Path cert = Files.writeString(dir.resolve("cert.pem"), CertificatePem.encodeChain(List.of(certificate)));
        Path pem = Files.writeString(dir.resolve("key.pem"), PrivateKeyPem.encode(key.getPrivate()));
        return TestServers.start(TestServers.config(dir, """
                Listen 127.0.0.1:%1$d https
                Timeout 2
                <VirtualHost *:%1$d>
                  ServerName static.example.org
                  SSLEngine on
                  SSLCertificateFile %2$s
                  SSLCertificateKeyFile %3$s
                  ProxyPass /app/ http://127.0.0.1:%4$d/app/
                </VirtualHost>
                """.formatted(https, cert, pem, backend.getAddress().getPort())));
    }

    private HttpClient client(HttpClient.Version version) throws Exception {
        SSLContext context = TestTls.trusting(certificate);
        SSLParameters parameters = new SSLParameters();
        parameters.setServerNames(List.of(new javax.net.ssl.SNIHostName("static.example.org")));
        // The JDK client offers h2 only when the parameters name a TLS version that allows it.
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
        return HttpClient.newBuilder().version(version).sslContext(context).sslParameters(parameters).build();
    }

    private static HttpRequest get(int port, String path) {
        // The URL names 127.0.0.1, the SNI the virtual host (the only one, so also the default).
        return HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void h2AndHttp11ClientsReachTheBackendThroughTheStaticCertificateHost() throws Exception {
        int https = TestServers.freePort();
        try (MdjServer server = start(https)) {
            for (HttpClient.Version version : HttpClient.Version.values()) {
                HttpResponse<String> response = client(version).send(get(https, "/app/x?y=1"),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.version()).isEqualTo(version);
                assertThat(response.body()).isEqualTo("backend saw /app/x?y=1 for 127.0.0.1:" + https);
                assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(certificate);
            }
        }
    }

    @Test
    void aSlowBackendGets504NotAClosedConnection() throws Exception {
        int https = TestServers.freePort();
        try (MdjServer server = start(https)) {
            HttpResponse<String> response = client(HttpClient.Version.HTTP_1_1).send(get(https, "/app/slow"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(504);
        }
    }

    @Test
    void aClientThatStallsInTheMiddleOfItsBodyIsClosedAfterTimeout() throws Exception {
        int https = TestServers.freePort();
        try (MdjServer server = start(https);
                javax.net.ssl.SSLSocket socket = RawHttp.tlsSocket(https, "static.example.org")) {
            socket.setSoTimeout(15_000);
            long start = System.nanoTime();
            socket.getOutputStream().write(("POST /app/upload HTTP/1.1\r\nHost: static.example.org\r\n"
                    + "Content-Length: 100\r\n\r\nonly 17 bytes of ").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            socket.getInputStream().readAllBytes();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closed after Timeout 2")
                    .isLessThan(Duration.ofSeconds(6));
        }
    }
}
