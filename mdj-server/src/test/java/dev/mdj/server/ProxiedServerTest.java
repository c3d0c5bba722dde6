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
            for (HttpClient.Version version : HttpClient.Version.values()) {
                HttpResponse<String> response = client(version).send(get(https, "/app/slow"),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("%s", version).isEqualTo(504);
                assertThat(response.version()).isEqualTo(version);
            }
        }
    }

    /** An h2 stream whose request body never comes does not keep the connection forever. */
    @Test
    void anH2ClientThatStallsInTheMiddleOfARequestIsClosedAfterTimeout() throws Exception {
        List<int[]> frames = assertH2ConnectionClosedAfterTimeout(new byte[0], "POST", false);
        assertThat(frames).as("the stream was neither reset nor refused")
                .noneMatch(f -> f[0] == 3 && f[2] == 1 || f[0] == 7 && f[3] != 0);
    }

    /** An h2 client that gives the server no flow-control window to answer in is closed too. */
    @Test
    void anH2ClientThatDoesNotReadIsClosedAfterTimeout() throws Exception {
        byte[] noWindow = {0, 4, 0, 0, 0, 0}; // SETTINGS_INITIAL_WINDOW_SIZE = 0
        List<int[]> frames = assertH2ConnectionClosedAfterTimeout(noWindow, "GET", true);
        assertThat(frames).as("the answer began: HEADERS on stream 1").anyMatch(f -> f[0] == 1 && f[2] == 1);
    }

    /** @return the frames the server sent: {type, flags, stream, GOAWAY's error code} */
    private List<int[]> assertH2ConnectionClosedAfterTimeout(byte[] settings, String method, boolean endStream)
            throws Exception {
        int https = TestServers.freePort();
        try (MdjServer server = start(https);
                javax.net.ssl.SSLSocket socket = RawHttp.tlsSocket(https, "static.example.org", "h2")) {
            socket.setSoTimeout(15_000);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.write(h2Frame(4, 0, 0, settings));      // SETTINGS
            out.write(h2Frame(4, 1, 0, new byte[0]));   // ACK of the server's SETTINGS
            java.io.ByteArrayOutputStream headers = new java.io.ByteArrayOutputStream();
            headers.write(method.equals("GET") ? 0x82 : 0x83); // :method from HPACK's static table
            headers.write(0x87);                                // :scheme https
            hpackLiteral(headers, 4, "/app/x");                 // :path
            hpackLiteral(headers, 1, "static.example.org");     // :authority
            out.write(h2Frame(1, endStream ? 0x5 : 0x4, 1, headers.toByteArray())); // HEADERS on stream 1
            long start = System.nanoTime();
            socket.getOutputStream().write(out.toByteArray());
            socket.getOutputStream().flush();
            byte[] received = socket.getInputStream().readAllBytes(); // until the server closes the connection
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("closed after Timeout 2")
                    .isGreaterThan(Duration.ofMillis(1500)).isLessThan(Duration.ofSeconds(6));
            return h2Frames(received);
        }
    }

    private static List<int[]> h2Frames(byte[] bytes) {
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        List<int[]> frames = new java.util.ArrayList<>();
        while (in.remaining() >= 9) {
            int length = (in.get() & 0xff) << 16 | (in.get() & 0xff) << 8 | in.get() & 0xff;
            int type = in.get() & 0xff;
            int flags = in.get() & 0xff;
            int stream = in.getInt() & 0x7fffffff;
            int error = type == 7 && length >= 8 ? in.getInt(in.position() + 4) : 0;
            in.position(Math.min(in.limit(), in.position() + length));
            frames.add(new int[] {type, flags, stream, error});
        }
        return frames;
    }

    private static byte[] h2Frame(int type, int flags, int stream, byte[] payload) {
        java.nio.ByteBuffer frame = java.nio.ByteBuffer.allocate(9 + payload.length);
        frame.put((byte) (payload.length >>> 16)).put((byte) (payload.length >>> 8)).put((byte) payload.length);
        frame.put((byte) type).put((byte) flags).putInt(stream).put(payload);
        return frame.array();
    }

    /** A header with a name from HPACK's static table and a literal value, not indexed. */
    private static void hpackLiteral(java.io.ByteArrayOutputStream block, int nameIndex, String value) {
        block.write(nameIndex); // 0000xxxx: literal without indexing, indexed name (index < 15)
        block.write(value.length());
        block.writeBytes(value.getBytes(StandardCharsets.ISO_8859_1));
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
