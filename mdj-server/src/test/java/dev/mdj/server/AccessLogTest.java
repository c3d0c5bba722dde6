package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.server.log.LogFormat;
import dev.mdj.testing.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CustomLog and LogFormat: lines laid out as mod_log_config laid out the reference runs' lines
 * (captured access_log, format "reflog"), the vhost's own logs or else the main server's, httpd's
 * escaping, the built-in nicknames, and logs reopened by a reload.
 */
class AccessLogTest {

    private static final String REFLOG = "LogFormat \"%h %l %u %t \\\"%r\\\" %>s %b host=%{Host}i proto=%H ssl=%{HTTPS}e\" reflog";

    @TempDir
    Path dir;

    @Test
    void linesHaveTheLayoutOfTheReferenceRunsOverHttpTlsAndH2() throws Exception {
        List<String> reference = reference();
        assertThat(reference.get(0)).as("the format is the reference's").isEqualTo(REFLOG);
        int http = TestServers.freePort();
        int https = TestServers.freePort();
        Files.createDirectories(dir.resolve("logs"));
        try (MdjServer server = TestServers.start(TestServers.config(dir, TestServers.NOT_RENEWING + """
                ServerRoot %3$s
                Listen 127.0.0.1:%1$d
                Listen 127.0.0.1:%2$d https
                MDStoreDir md
                %4$s
                CustomLog logs/access_log reflog
                <MDomain test1.example.org>
                </MDomain>
                <VirtualHost *:%1$d>
                  ServerName test1.example.org
                </VirtualHost>
                <VirtualHost *:%2$d>
                  ServerName test1.example.org
                  SSLEngine on
                </VirtualHost>
                """.formatted(http, https, dir, REFLOG)))) {
            RawHttp.exchange(http, "GET / HTTP/1.1\r\nHost: test1.example.org:" + http + "\r\nConnection: close\r\n\r\n");
            RawHttp.exchangeTls(https, "test1.example.org",
                    "GET / HTTP/1.1\r\nHost: test1.example.org:" + https + "\r\nConnection: close\r\n\r\n");
            // The JDK client sends the SNI name given but the IP as authority (it may not set Host).
            HttpResponse<String> h2 = h2Client().send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + https + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(h2.version()).isEqualTo(HttpClient.Version.HTTP_2);

            List<String> lines = awaitLines(dir.resolve("logs/access_log"), 3);
            assertThat(lines).hasSize(3);
            assertThat(lines).allMatch(l -> l.matches("127\\.0\\.0\\.1 - - \\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:\\d{2}:\\d{2}:\\d{2} [+-]\\d{4}] .*"));
            for (int i = 0; i < 2; i++) {
                assertThat(shape(lines.get(i))).as(lines.get(i)).isEqualTo(shape(reference.get(i + 1)));
            }
            assertThat(shape(lines.get(2)).replaceFirst("host=\\S+", "host=H")).as(lines.get(2))
                    .isEqualTo(shape(reference.get(3)).replaceFirst("host=\\S+", "host=H"));
            assertThat(lines.get(0)).contains("\"GET / HTTP/1.1\" 404 ").endsWith(" host=test1.example.org:" + http
                    + " proto=HTTP/1.1 ssl=-");
            assertThat(lines.get(1)).contains("\"GET / HTTP/1.1\" 503 ").endsWith(" ssl=on");
            assertThat(lines.get(2)).contains("\"GET / HTTP/2.0\" 503 " + h2.body().length() + " ").endsWith(" ssl=on");
        }
    }

    @Test
    void aVirtualHostWithItsOwnLogsLogsThereOnlyOthersUseTheMainServersWithHttpdEscaping() throws Exception {
        int port = TestServers.freePort();
        Path main = dir.resolve("main.log");
        Path own = dir.resolve("own.log");
        try (MdjServer server = TestServers.start(TestServers.config(dir, """
                Listen 127.0.0.1:%1$d
                MDStoreDir %2$s
                CustomLog %3$s combined
                <VirtualHost *:%1$d>
                  ServerName plain.example.org
                </VirtualHost>
                <VirtualHost *:%1$d>
                  ServerName own.example.org
                  Header always set X-Test "a b"
                  CustomLog %4$s "%%v|%%U|%%q|%%m|%%{User-Agent}i|%%>s|%%B|%%b|%%{X-Test}o|%%{X-None}o|%%!404s|%%404,500s|%%%%|%%{HTTPS}e"
                  CustomLog %3$s common
                </VirtualHost>
                """.formatted(port, dir.resolve("md"), main, own)))) {
            String notFound = RawHttp.exchange(port, "GET /a/b?x=1&y=%20 HTTP/1.1\r\nHost: own.example.org\r\n"
                    + "User-Agent: ua \"q\" \\ \u00e9\r\nConnection: close\r\n\r\n");
            assertThat(notFound).startsWith("HTTP/1.1 404 ");
            assertThat(notFound.toLowerCase(java.util.Locale.ROOT)).contains("\r\nx-test: a b\r\n");
            int length = notFound.length() - notFound.indexOf("\r\n\r\n") - 4;
            RawHttp.exchange(port, "HEAD /c HTTP/1.1\r\nHost: plain.example.org\r\nUser-Agent: curl\r\n"
                    + "Referer: http://r.example/\r\nConnection: close\r\n\r\n");

            assertThat(awaitLines(own, 1)).containsExactly("own.example.org|/a/b|?x=1&y=%20|GET|ua \\\"q\\\" \\\\ \\xe9|404|"
                    + length + "|" + length + "|a b|-|-|404|%|-");
            List<String> mainLines = awaitLines(main, 2);
            assertThat(mainLines).hasSize(2);
            assertThat(mainLines.get(0)).as("the vhost's common line").matches(
                    "127\\.0\\.0\\.1 - - \\[[^]]+] \"GET /a/b\\?x=1&y=%20 HTTP/1\\.1\" 404 " + length);
            assertThat(mainLines.get(1)).as("combined for the other vhost, HEAD sends no body").matches(
                    "127\\.0\\.0\\.1 - - \\[[^]]+] \"HEAD /c HTTP/1\\.1\" 404 - \"http://r\\.example/\" \"curl\"");
        }
    }

    @Test
    void aReloadReopensTheLogsSoRotationWorksAsWithAGracefulRestart() throws Exception {
        int port = TestServers.freePort();
        Path log = dir.resolve("access.log");
        String text = """
                Listen 127.0.0.1:%d
                MDStoreDir %s
                CustomLog %s "%%U"
                """.formatted(port, dir.resolve("md"), log);
        try (MdjServer server = TestServers.start(TestServers.config(dir, text))) {
            RawHttp.exchange(port, "GET /before HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            awaitLines(log, 1);
            Files.move(log, dir.resolve("access.log.1"));
            server.reload(TestServers.config(dir, text));
            RawHttp.exchange(port, "GET /after HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(awaitLines(log, 1)).containsExactly("/after");
        }
        assertThat(Files.readAllLines(dir.resolve("access.log.1"))).containsExactly("/before");
    }

    @Test
    void unknownDirectivesAreWarnedAboutAndLoggedAsDash() {
        List<String> warnings = new ArrayList<>();
        LogFormat.parse("%h %Z %{FOO}e %{HTTPS}e %{ms}T %{x}T %%", warnings::add);
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).contains("%Z is not supported");
        assertThat(warnings.get(1)).contains("FOO");
        assertThat(warnings.get(2)).contains("%{x}T is not supported");
        assertThat(LogFormat.resolve("common", java.util.Map.of())).isEqualTo(LogFormat.COMMON);
        assertThat(LogFormat.resolve("common", java.util.Map.of("common", "%h"))).isEqualTo("%h");
        assertThat(LogFormat.resolve("%h %u", java.util.Map.of())).isEqualTo("%h %u");
    }

    /** The format line, then lines of a plain, a TLS and an h2 request, from the reference runs. */
    private static List<String> reference() throws IOException {
        try (InputStream in = Objects.requireNonNull(AccessLogTest.class.getResourceAsStream("/reference/access_log"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    /** A line with its time, numbers and port runs made alike: what is left is the layout. */
    private static String shape(String line) {
        return line.replaceFirst("\\[[^]]+]", "[T]").replaceAll("\\d+", "9");
    }

    static List<String> awaitLines(Path file, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> lines = List.of();
        while (System.nanoTime() < deadline) {
            lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
            if (lines.size() >= count) {
                Thread.sleep(100); // anything beyond count would be a failure: give it a chance to show
                return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            }
            Thread.sleep(20);
        }
        return lines;
    }

    private static HttpClient h2Client() throws Exception {
        SSLContext context = TestTls.trustingAnything();
        SSLParameters parameters = new SSLParameters();
        parameters.setServerNames(List.of(new SNIHostName("test1.example.org")));
        parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"}); // without, the client offers no h2
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).sslContext(context)
                .sslParameters(parameters).build();
    }
}
