package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.server.tls.TestClientHellos;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What clients should not send: each gets httpd's 4xx or a closed connection, nothing is logged
 * as an error or left uncaught, and the server keeps answering good requests.
 */
class BadInputTest {

    private static final String HOST = "bad.example.org";
    private static final String TOKEN = "evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ-PCt92wr-oA";
    private static final String KEY_AUTHORIZATION = TOKEN + ".9jg46WB3rR_AHD-EBXdN7cBkH1WOu0tA3M9fm21mqTI";
    private static final int TIMEOUT_SECONDS = 2;

    @TempDir
    static Path dir;
    private static int http;
    private static int https;
    private static MdjServer server;
    private static LogCapture log;

    @BeforeAll
    static void start() {
        http = TestServers.freePort();
        https = TestServers.freePort();
        FileStore.open(dir.resolve("md")).save(StoreGroup.CHALLENGES, HOST, Aspect.HTTP01_CHALLENGE, KEY_AUTHORIZATION);
        log = LogCapture.start();
        server = TestServers.start(TestServers.config(dir, """
                Listen 127.0.0.1:%1$d
                Listen 127.0.0.1:%2$d https
                MDStoreDir %3$s
                MDRenewMode manual
                MDCertificateAgreement accepted
                Timeout %4$d
                MDomain %5$s
                <VirtualHost *:%1$d>
                  ServerName %5$s
                </VirtualHost>
                <VirtualHost *:%2$d>
                  ServerName %5$s
                  SSLEngine on
                  Protocols h2 http/1.1 acme-tls/1
                </VirtualHost>
                """.formatted(http, https, dir.resolve("md"), TIMEOUT_SECONDS, HOST)));
    }

    @AfterAll
    static void stop() {
        server.close();
        log.close();
    }

    /** After every bad input: nothing logged as a problem, and a good request is still answered. */
    @AfterEach
    void serverStaysUp() {
        List<String> problems = log.problems();
        log.clear();
        assertThat(problems).isEmpty();
        assertThat(plain("GET /.well-known/acme-challenge/" + TOKEN + " HTTP/1.1\r\nHost: " + HOST
                + "\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200 ");
        assertThat(RawHttp.exchangeTls(https, HOST, "GET / HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 503 ");
    }

    private static String plain(String request) {
        return new String(send(http, request.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }

    private static String status(String request) {
        String answer = plain(request);
        return answer.isEmpty() ? "closed" : answer.substring(0, answer.indexOf("\r\n"));
    }

    private static String get(String target, String headers) {
        return status("GET " + target + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n");
    }

    /**
     * Sends {@code bytes}, half-closes nothing, and reads until the server closes: what it sent.
     * Fails if the server does not close within twice the Timeout.
     */
    private static byte[] send(int port, byte[] bytes) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout((TIMEOUT_SECONDS * 2 + 1) * 1000);
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (SocketException e) {
                // closed while we were still sending: what was answered counts
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                in.transferTo(out);
            } catch (SocketTimeoutException e) {
                throw new AssertionError("the server kept the connection open", e);
            } catch (SocketException e) {
                // reset: what was read counts
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The server's first bytes after {@code bytes}, or none if it closes. */
    private static byte[] firstAnswer(int port, byte[] bytes) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout((TIMEOUT_SECONDS * 2 + 1) * 1000);
            socket.getOutputStream().write(bytes);
            byte[] buffer = new byte[1];
            return socket.getInputStream().read(buffer) < 0 ? new byte[0] : buffer;
        } catch (SocketException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- malformed and oversized requests

    @Test
    void aRequestLineLongerThanHttpdsLimitIs414() {
        assertThat(get("/" + "a".repeat(8200), "Host: " + HOST + "\r\n")).isEqualTo("HTTP/1.1 414 Request-URI Too Long");
    }

    @Test
    void hugeHeadersAre431() {
        assertThat(get("/", "Host: " + HOST + "\r\nX-Big: " + "b".repeat(40_000) + "\r\n"))
                .isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
        String many = IntStream.range(0, 4000).mapToObj(i -> "X-H" + i + ": v\r\n").reduce("", String::concat);
        assertThat(get("/", "Host: " + HOST + "\r\n" + many)).isEqualTo("HTTP/1.1 431 Request Header Fields Too Large");
    }

    @Test
    void moreThanHttpdsHundredHeaderFieldsIs400() {
        String fields = IntStream.range(0, 99).mapToObj(i -> "X-H" + i + ": v\r\n").reduce("", String::concat);
        assertThat(get("/", "Host: " + HOST + "\r\n" + fields)).as("Host + 99 + Connection = 101")
                .isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(get("/", "Host: " + HOST + "\r\n" + fields.substring(fields.indexOf('\n') + 1)))
                .as("exactly 100").isNotEqualTo("HTTP/1.1 400 Bad Request");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "G(T / HTTP/1.1", "GET / HTTP/1.x", "GET / FOO/1.1", "GET /", "GET  HTTP/1.1", "\u0001\u0002\u0003 / HTTP/1.1"})
    void badRequestLinesAre400(String line) {
        assertThat(status(line + "\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n"))
                .isIn("HTTP/1.1 400 Bad Request", "HTTP/1.0 400 Bad Request");
    }

    @Test
    void garbageBytesAreRefused() {
        byte[] garbage = new byte[4096];
        new Random(42).nextBytes(garbage);
        String answer = new String(send(http, garbage), StandardCharsets.ISO_8859_1);
        assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 400 ")).as(answer).isTrue();
    }

    // ---- Host

    @Test
    void http11WithoutHostIs400AndHttp10WithoutHostIsServed() {
        assertThat(get("/", "")).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(status("GET / HTTP/1.0\r\n\r\n")).isEqualTo("HTTP/1.1 404 Not Found");
    }

    @Test
    void twoHostHeadersAre400() {
        assertThat(get("/", "Host: " + HOST + "\r\nHost: other.example.org\r\n")).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bad_ex!mple.org", "a b.example.org", "../etc", "user@" + HOST, HOST + ":80x", "[::1",
        "[zz::1]", "a..example.org", ".example.org", "%2e%2e", "-a.example.org", HOST + ":123456"})
    void badHostCharactersAre400(String host) {
        assertThat(get("/", "Host: " + host + "\r\n")).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    @Test
    void absoluteFormTargetsNameTheHost() {
        // the target's authority wins over the Host header, as RFC 9112 says
        assertThat(status("GET http://" + HOST + "/.well-known/acme-challenge/" + TOKEN
                + " HTTP/1.1\r\nHost: other.example.org\r\nConnection: close\r\n\r\n")).isEqualTo("HTTP/1.1 200 OK");
        assertThat(get("http://" + HOST + "/", "Host: " + HOST + "\r\n")).isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(get("http://user@" + HOST + "/", "Host: " + HOST + "\r\n")).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(get("http:///x", "Host: " + HOST + "\r\n")).isEqualTo("HTTP/1.1 400 Bad Request");
        assertThat(get("ftp://" + HOST + "/", "Host: " + HOST + "\r\n")).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    // ---- http-01 answers

    @Test
    void theChallengeIsAnsweredExactlyAsModMdDoes() {
        String answer = plain("GET /.well-known/acme-challenge/" + TOKEN + " HTTP/1.1\r\nHost: " + HOST
                + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n")
                .contains("\r\ncontent-length: " + KEY_AUTHORIZATION.length() + "\r\n")
                .endsWith("\r\n\r\n" + KEY_AUTHORIZATION);
        assertThat(answer.toLowerCase()).doesNotContain("content-type");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/.well-known/acme-challenge/wrong-token",
        "/.well-known/acme-challenge/",
        "/.well-known/acme-challenge/" + TOKEN + ".9jg46WB3rR_AHD",
        "/.well-known/acme-challenge/" + TOKEN + "x",
        "/.well-known/acme-challenge/evaGxfADs6pSRb2LAv9IZf17Dt3juxGJ",
        "/.well-known/acme-challenge/" + TOKEN + "/x",
        "/.well-known/acme-challenge/" + TOKEN + "%2f",
        "/.well-known/acme-challenge/..%2f..%2fetc%2fpasswd",
        "/.well-known/acme-challenge/../../etc/passwd",
        "/.well-known/acme-challenge/./../acme-challenge/wrong"})
    void anythingButTheRightTokenIs404(String target) {
        String answer = plain("GET " + target + " HTTP/1.1\r\nHost: " + HOST + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 404 Not Found\r\n").doesNotContain(KEY_AUTHORIZATION)
                .doesNotContain("root:");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/.well-known/acme-challenge/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/.well-known/acme-challenge/../../../etc/passwd",
        "/.well-known/acme-challenge/%00"})
    void climbingAboveTheRootIs400(String target) {
        assertThat(get(target, "Host: " + HOST + "\r\n")).isEqualTo("HTTP/1.1 400 Bad Request");
    }

    @Test
    void theAnswerIsForItsHostOnlyAndOnlyOverPlainHttp() {
        assertThat(get("/.well-known/acme-challenge/" + TOKEN, "Host: other.example.org\r\n"))
                .isEqualTo("HTTP/1.1 404 Not Found");
        assertThat(RawHttp.exchangeTls(https, HOST, "GET /.well-known/acme-challenge/" + TOKEN + " HTTP/1.1\r\nHost: "
                + HOST + "\r\nConnection: close\r\n\r\n")).doesNotContain(KEY_AUTHORIZATION);
    }

    // ---- slowloris

    @Test
    void aClientThatSendsNothingIsClosedAfterTimeout() {
        for (int port : new int[] {http, https}) {
            long start = System.nanoTime();
            assertThat(send(port, new byte[0])).isEmpty();
            assertThat((System.nanoTime() - start) / 1_000_000).isBetween(TIMEOUT_SECONDS * 1000L - 200,
                    TIMEOUT_SECONDS * 1000L + 1500);
        }
        long start = System.nanoTime();
        assertThat(plain("GET / HT")).isEmpty();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(TIMEOUT_SECONDS * 1000L + 1500);
    }

    // ---- TLS garbage and odd SNI

    @Test
    void garbageOnTheTlsPortIsClosed() {
        byte[] garbage = new byte[2048];
        new Random(7).nextBytes(garbage);
        garbage[0] = 0x16; // looks like a handshake record at first
        assertThat(send(https, garbage)).isEmpty();
        garbage[0] = 0x42;
        assertThat(send(https, garbage)).isEmpty();
    }

    @Test
    void plainHttpOnTheTlsPortIsClosed() {
        assertThat(send(https, ("GET / HTTP/1.1\r\nHost: " + HOST + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
    }

    @Test
    void aTruncatedClientHelloIsClosed() {
        byte[] hello = TestClientHellos.jdk(HOST, List.of("h2"), null, "TLSv1.3", "TLSv1.2");
        assertThat(send(https, Arrays.copyOf(hello, hello.length / 2))).isEmpty(); // by Timeout
        byte[] lying = hello.clone();
        lying[9 + 2 + 32] = (byte) 0xff; // a session id longer than the hello
        assertThat(send(https, lying)).isEmpty();
    }

    @Test
    void aClientHelloLargerThan16KibIsClosed() {
        List<String> protocols = IntStream.range(0, 80).mapToObj(i -> "p" + i + "x".repeat(200)).toList();
        byte[] hello = TestClientHellos.handMade(HOST.getBytes(StandardCharsets.US_ASCII), protocols);
        assertThat(hello.length).isGreaterThan(16 * 1024);
        assertThat(send(https, hello)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "BAD.EXAMPLE.ORG", "127.0.0.1", "::1", "bücher.example.org", "..", "../domains",
        "a/b", "nul\u0000name"})
    void oddServerNamesGetAHandshakeOrAClose(String name) {
        for (List<String> protocols : List.of(List.<String>of(), List.of("acme-tls/1"))) {
            // a ServerHello (handshake record) or an alert, then the close: never silence until Timeout
            long start = System.nanoTime();
            byte[] answer = firstAnswer(https, TestClientHellos.handMade(name.getBytes(StandardCharsets.UTF_8),
                    protocols));
            assertThat(answer.length == 0 || answer[0] == 0x16 || answer[0] == 0x15).as(name).isTrue();
            assertThat((System.nanoTime() - start) / 1_000_000).as(name).isLessThan(TIMEOUT_SECONDS * 1000L);
        }
    }

    @Test
    void aVeryLongServerNameGetsAnAlert() {
        byte[] answer = firstAnswer(https, TestClientHellos.handMade("a".repeat(1000).getBytes(StandardCharsets.US_ASCII),
                List.of("acme-tls/1")));
        assertThat(answer).as("an answer, not a silent close").isNotEmpty();
        assertThat(answer[0]).as("an alert record: no DNS name is 1,000 characters long").isEqualTo((byte) 0x15);
    }

    @Test
    void realHandshakesWithOddButValidNamesAreServed() {
        for (String name : List.of("BAD.EXAMPLE.ORG", "127.0.0.1", "xn--bcher-kva.example.org",
                "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63) + ".example.org")) {
            assertThat(RawHttp.exchangeTls(https, name, "GET / HTTP/1.1\r\nHost: " + HOST
                    + "\r\nConnection: close\r\n\r\n")).as(name).startsWith("HTTP/1.1 ");
        }
    }
}
