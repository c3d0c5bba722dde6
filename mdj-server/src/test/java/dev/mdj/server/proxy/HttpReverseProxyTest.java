package dev.mdj.server.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.server.RawHttp;
import dev.mdj.server.TestServers;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy between a real JDK HTTP client and a real backend, through the server's HTTP/1.1
 * pipeline: streaming both ways, the headers mod_proxy_http sets and strips, ProxyPassReverse,
 * 502 and 504, pooled backend connections. Netty's leak detector runs at its paranoid level and
 * every test ends without a leaked buffer.
 */
class HttpReverseProxyTest {

    private static final int MB = 1024 * 1024;

    static {
        LeakWatch.start();
    }

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Backend backend = new Backend();
    private final CountDownLatch never = new CountDownLatch(1);
    private int port;
    private ProxyFront front;

    @AfterEach
    void stop() {
        never.countDown();
        if (front != null) {
            front.close();
        }
        backend.close();
        client.close();
        assertThat(LeakWatch.leaks()).isEmpty();
    }

    /** A front on a free port with {@code settings} in its one virtual host. */
    private void front(String settings) {
        port = TestServers.freePort();
        front = new ProxyFront(dir, port, """
                Listen 127.0.0.1:%1$d
                MDStoreDir %2$s
                <VirtualHost *:%1$d>
                  ServerName front.example.org
                  ProxyPass /app http://127.0.0.1:%3$d/
                  %4$s
                </VirtualHost>
                """.formatted(port, dir.resolve("md"), backend.port(), settings));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Test
    void getsTheBackendsAnswerForThePathBelowTheMapping() throws Exception {
        backend.handle("/", e -> answer(e, 200, "hello from " + e.getRequestURI()));
        front("");

        HttpResponse<String> response = get("/app/greeting/x%20y?name=a+b&z=%2F");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello from /greeting/x%20y?name=a+b&z=%2F");
        assertThat(backend.last().uri()).isEqualTo("/greeting/x%20y?name=a+b&z=%2F");
        assertThat(response.headers().firstValue("server")).hasValue("mdj");
    }

    @Test
    void headAnswersWithTheLengthAndNoBody() throws Exception {
        backend.handle("/", e -> {
            e.getResponseHeaders().set("Content-Length", "5");
            e.sendResponseHeaders(200, -1);
        });
        front("");

        String answer = RawHttp.exchange(port, "HEAD /app/x HTTP/1.1\r\nHost: front.example.org\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 ").containsIgnoringCase("content-length: 5\r\n").endsWith("\r\n\r\n");
        assertThat(backend.last().method()).isEqualTo("HEAD");
    }

    @Test
    void streamsAFiveMegabyteRequestBodyToTheBackend() throws Exception {
        backend.handle("/", e -> {
            MessageDigest digest = sha256();
            long count;
            try (InputStream in = new DigestInputStream(e.getRequestBody(), digest)) {
                count = in.transferTo(OutputStream.nullOutputStream());
            }
            answer(e, 200, count + " " + HexFormat.of().formatHex(digest.digest()));
        });
        front("");
        byte[] body = new byte[5 * MB];
        new Random(1).nextBytes(body);

        // From a stream: the client sends it chunked, and the proxy passes it on as it comes.
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app/upload"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> sized = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app/upload"))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());

        String expected = body.length + " " + HexFormat.of().formatHex(sha256().digest(body));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(expected);
        assertThat(sized.body()).isEqualTo(expected);
        assertThat(backend.requests.get(0).header("transfer-encoding")).isEqualToIgnoringCase("chunked");
        assertThat(backend.requests.get(1).header("content-length")).isEqualTo(String.valueOf(body.length));
    }

    @Test
    void streamsALargeResponseOfUnknownLengthInChunks() throws Exception {
        byte[] block = new byte[64 * 1024];
        new Random(2).nextBytes(block);
        int blocks = 400; // 25 MB
        backend.handle("/", e -> {
            e.sendResponseHeaders(200, 0); // no length: chunked from the backend
            for (int i = 0; i < blocks; i++) {
                e.getResponseBody().write(block);
            }
        });
        front("");

        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/app/big")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest digest = sha256();
        long count;
        try (InputStream in = new DigestInputStream(response.body(), digest)) {
            count = in.transferTo(OutputStream.nullOutputStream());
        }

        MessageDigest expected = sha256();
        for (int i = 0; i < blocks; i++) {
            expected.update(block);
        }
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("transfer-encoding")).hasValue("chunked");
        assertThat(count).isEqualTo((long) blocks * block.length);
        assertThat(digest.digest()).isEqualTo(expected.digest());
    }

    @Test
    void forwardsWithXForwardedHeadersAndWithoutHopByHopOnes() throws Exception {
        backend.handle("/", e -> {
            e.getResponseHeaders().set("X-Kept", "yes");
            e.getResponseHeaders().set("Keep-Alive", "timeout=99");
            e.getResponseHeaders().set("Proxy-Authenticate", "Basic");
            e.getResponseHeaders().set("Upgrade", "h2c");
            answer(e, 200, "ok");
        });
        front("");

        String answer = RawHttp.exchange(port, """
                GET /app/h HTTP/1.1\r
                Host: Front.example.org:%d\r
                Connection: close, X-Private\r
                X-Private: secret\r
                Keep-Alive: timeout=5\r
                TE: trailers\r
                Proxy-Authorization: Basic eDp5\r
                Proxy: http://evil.example/\r
                X-Forwarded-For: 192.0.2.7\r
                X-Custom: kept\r
                \r
                """.formatted(port));

        Backend.Seen seen = backend.last();
        assertThat(seen.header("host")).isEqualTo("127.0.0.1:" + backend.port());
        assertThat(seen.header("x-forwarded-for")).isEqualTo("192.0.2.7, 127.0.0.1");
        assertThat(seen.header("x-forwarded-host")).isEqualTo("Front.example.org:" + port);
        assertThat(seen.header("x-forwarded-server")).isEqualTo("front.example.org");
        assertThat(seen.header("x-forwarded-proto")).isEqualTo("http");
        assertThat(seen.header("x-custom")).isEqualTo("kept");
        for (String hop : new String[] {"x-private", "keep-alive", "te", "proxy-authorization", "proxy"}) {
            assertThat(seen.header(hop)).as(hop).isNull();
        }
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
        assertThat(head).startsWith("http/1.1 200 ").contains("\r\nx-kept: yes")
                .doesNotContain("keep-alive:", "proxy-authenticate", "upgrade");
        assertThat(answer).endsWith("\r\n\r\nok");
    }

    @Test
    void proxyPreserveHostSendsTheClientsHost() throws Exception {
        backend.handle("/", e -> answer(e, 200, "ok"));
        front("ProxyPreserveHost On");

        get("/app/");

        assertThat(backend.last().header("host")).isEqualTo("127.0.0.1:" + port);
    }

    @Test
    void proxyPassReverseRewritesBackendRedirectsToTheFront() throws Exception {
        backend.handle("/", e -> {
            e.getResponseHeaders().set("Location", "http://127.0.0.1:" + backend.port() + "/login?next=%2F");
            e.getResponseHeaders().set("Content-Location", "http://elsewhere.example/x");
            answer(e, 302, "");
        });
        front("ProxyPassReverse /app http://127.0.0.1:%d/".formatted(backend.port()));

        HttpResponse<String> response = get("/app/private");

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("location")).hasValue("http://127.0.0.1:" + port + "/app/login?next=%2F");
        assertThat(response.headers().firstValue("content-location")).hasValue("http://elsewhere.example/x");
    }

    @Test
    void aBackendThatIsNotThereGives502() throws Exception {
        int dead = TestServers.freePort();
        front("""
                ProxyPass /dead http://127.0.0.1:%d/
                ProxyPass /nowhere http://nowhere.invalid/
                """.formatted(dead));

        HttpResponse<String> response = get("/dead/x");
        HttpResponse<String> unresolvable = get("/nowhere/x");

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("<title>502 Bad Gateway</title>");
        assertThat(unresolvable.statusCode()).isEqualTo(502);
    }

    @Test
    void aBackendThatDoesNotAnswerWithinTheTimeoutGives504() throws Exception {
        backend.handle("/", e -> {
            try {
                never.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        front("Timeout 1");

        long start = System.nanoTime();
        HttpResponse<String> response = get("/app/slow");

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void backendConnectionsAreKeptAliveAndReused() throws Exception {
        backend.handle("/", e -> answer(e, 200, "n"));
        front("");

        for (int i = 0; i < 20; i++) {
            assertThat(get("/app/" + i).statusCode()).isEqualTo(200);
        }

        assertThat(backend.requests).hasSize(20);
        assertThat(backend.connections).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aBackendThatBreaksOffMidResponseClosesTheClientConnection() throws Exception {
        backend.handle("/", e -> {
            e.sendResponseHeaders(200, 100_000);
            e.getResponseBody().write("only this".getBytes(StandardCharsets.UTF_8));
            e.getResponseBody().flush();
            throw new java.io.IOException("the backend breaks off"); // the JDK server closes the connection
        });
        front("");

        // A keep-alive request: only a closed connection ends the read.
        String answer = RawHttp.exchange(port, "GET /app/x HTTP/1.1\r\nHost: front.example.org\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 200 ").containsIgnoringCase("content-length: 100000").endsWith("only this");
    }

    @Test
    void aClientThatGoesAwayTakesTheBackendConnectionWithIt() throws Exception {
        CountDownLatch cutOff = new CountDownLatch(1);
        backend.handle("/", e -> {
            e.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 1000; i++) {
                    e.getResponseBody().write(new byte[16 * 1024]);
                    e.getResponseBody().flush();
                    Thread.sleep(10);
                }
            } catch (java.io.IOException gone) {
                cutOff.countDown();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        });
        front("");

        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write("GET /app/stream HTTP/1.1\r\nHost: front.example.org\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(socket.getInputStream().readNBytes(64 * 1024)).hasSize(64 * 1024);
        }

        assertThat(cutOff.await(5, TimeUnit.SECONDS)).as("the backend connection was closed").isTrue();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
