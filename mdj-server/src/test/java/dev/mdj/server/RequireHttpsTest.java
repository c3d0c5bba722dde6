package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MDRequireHttps, the 503 before a certificate exists and the fallback certificate, compared with
 * what mod_md answered in the reference runs (d-requirehttps, a-basic/1-before-cert).
 */
class RequireHttpsTest {

    @TempDir
    Path dir;

    private MdjServer start(String mode, int http, int https) {
        return TestServers.start(TestServers.config(dir, TestServers.NOT_RENEWING + """
                Listen 127.0.0.1:%1$d
                Listen 127.0.0.1:%2$d https
                MDStoreDir %3$s
                <MDomain test1.example.org www.test1.example.org>
                  MDRequireHttps %4$s
                </MDomain>
                <VirtualHost *:%1$d>
                  ServerName test1.example.org
                  ServerAlias www.test1.example.org
                </VirtualHost>
                <VirtualHost *:%2$d>
                  ServerName test1.example.org
                  ServerAlias www.test1.example.org
                  SSLEngine on
                </VirtualHost>
                """.formatted(http, https, dir.resolve("md"), mode)));
    }

    @Test
    void temporaryRedirectsGetAndHeadWith302AndOtherMethodsWith307WithoutPort() {
        int http = TestServers.freePort();
        int https = TestServers.freePort();
        try (MdjServer server = start("temporary", http, https)) {
            String get = RawHttp.exchange(http, "GET /some/path.html?x=1&y=%20z HTTP/1.1\r\nHost: test1.example.org:"
                    + http + "\r\nConnection: close\r\n\r\n");
            assertThat(get).startsWith("HTTP/1.1 302 Found\r\n")
                    .contains("\r\nlocation: https://test1.example.org/some/path.html?x=1&y=%20z\r\n")
                    .contains("\r\ncontent-length: 279\r\n")
                    .contains("\r\ncontent-type: text/html; charset=iso-8859-1\r\n")
                    .endsWith("<p>The document has moved <a href=\"https://test1.example.org/some/path.html?x=1&amp;y=%20z\">"
                            + "here</a>.</p>\n</body></html>\n");
            assertThat(RawHttp.exchange(http, "HEAD / HTTP/1.1\r\nHost: test1.example.org\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 302 Found\r\n").endsWith("\r\n\r\n");
            assertThat(RawHttp.exchange(http, "POST / HTTP/1.1\r\nHost: test1.example.org\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 307 Temporary Redirect\r\n")
                    .contains("\r\nlocation: https://test1.example.org/\r\n")
                    .contains("\r\ncontent-length: 276\r\n");
            assertThat(RawHttp.exchange(http, "GET /.well-known/other HTTP/1.1\r\nHost: test1.example.org\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 404 Not Found\r\n").contains("content-length: 236");
        }
    }

    @Test
    void permanentRedirectsWith301And308() {
        int http = TestServers.freePort();
        int https = TestServers.freePort();
        try (MdjServer server = start("permanent", http, https)) {
            assertThat(RawHttp.exchange(http, "GET /a HTTP/1.1\r\nHost: www.test1.example.org\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 301 Moved Permanently\r\n")
                    .contains("\r\nlocation: https://www.test1.example.org/a\r\n");
            assertThat(RawHttp.exchange(http, "PUT /a HTTP/1.1\r\nHost: test1.example.org\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 308 Permanent Redirect\r\n");
        }
    }

    @Test
    void beforeACertificateHttpsServesTheFallbackAndAnswers503() {
        int http = TestServers.freePort();
        int https = TestServers.freePort();
        try (MdjServer server = start("permanent", http, https)) {
            var chain = RawHttp.servedChain(https, "test1.example.org");
            assertThat(chain[0].getSubjectX500Principal().getName()).isEqualTo("CN=Apache Managed Domain Fallback");
            assertThat(chain[0].getNotAfter().getTime() - chain[0].getNotBefore().getTime())
                    .isEqualTo(java.time.Duration.ofDays(14).toMillis());
            String response = RawHttp.exchangeTls(https, "test1.example.org",
                    "GET / HTTP/1.1\r\nHost: test1.example.org\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 503 Service Unavailable\r\n")
                    .contains("\r\nconnection: close\r\n").contains("\r\ncontent-length: 339\r\n")
                    .contains("\r\nstrict-transport-security: max-age=15768000\r\n");
            assertThat(dir.resolve("md/domains/test1.example.org/fallback-pubcert.pem")).exists();
        }
    }
}
