package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Require, Redirect and Header in the server and in {@code <Location>}, applied as httpd applies them. */
class LocationRulesTest {

    @TempDir
    Path dir;

    private int http;

    @BeforeEach
    void ports() {
        http = TestServers.freePort();
    }

    private MdjServer start() throws Exception {
        Path docs = Files.createDirectories(dir.resolve("htdocs"));
        Files.writeString(docs.resolve("index.html"), "hello\n");
        Files.createDirectories(docs.resolve("private"));
        Files.writeString(docs.resolve("private/index.html"), "secret\n");
        Files.createDirectories(docs.resolve("plain"));
        Files.writeString(docs.resolve("plain/index.html"), "plain\n");
        return TestServers.start(TestServers.config(dir, """
                Listen 127.0.0.1:%d
                DocumentRoot %s
                Header set X-Site main
                Header always set X-Always yes
                Redirect permanent /old https://new.example.org/base/
                Redirect gone /gone
                <Location /private>
                  Require ip 10.0.0.0/8
                </Location>
                <Location /private/open>
                  Require all granted
                </Location>
                <Location /moved>
                  Redirect 307 https://elsewhere.example.org/x
                </Location>
                <Location /plain>
                  Header unset X-Site
                  Header append X-Extra one
                  Header merge X-Extra one
                </Location>
                """.formatted(http, docs)));
    }

    private String get(String path) {
        return RawHttp.exchange(http, "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    @Test
    void requireDeniesAndTheInnermostLocationDecides() throws Exception {
        try (MdjServer server = start()) {
            assertThat(get("/private/")).startsWith("HTTP/1.1 403 Forbidden\r\n")
                    .contains("You don't have permission to access this resource.");
            assertThat(get("/private/open")).startsWith("HTTP/1.1 404 Not Found\r\n");
            assertThat(get("/")).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nhello\n");
        }
    }

    @Test
    void redirectsKeepTheRestOfThePathAndTheQuery() throws Exception {
        try (MdjServer server = start()) {
            assertThat(get("/old/a/b?q=1")).startsWith("HTTP/1.1 301 Moved Permanently\r\n")
                    .contains("\r\nlocation: https://new.example.org/base/a/b?q=1\r\n");
            assertThat(get("/old")).contains("\r\nlocation: https://new.example.org/base/\r\n");
            assertThat(get("/older")).startsWith("HTTP/1.1 404");
            assertThat(get("/gone/x")).startsWith("HTTP/1.1 410 Gone\r\n");
            assertThat(get("/moved/y")).startsWith("HTTP/1.1 307 Temporary Redirect\r\n")
                    .contains("\r\nlocation: https://elsewhere.example.org/x/y\r\n");
        }
    }

    @Test
    void headerRulesApplyOnSuccessAndAlwaysOnErrors() throws Exception {
        try (MdjServer server = start()) {
            assertThat(get("/")).contains("\r\nX-Site: main\r\n").contains("\r\nX-Always: yes\r\n");
            assertThat(get("/missing")).doesNotContain("X-Site").contains("\r\nX-Always: yes\r\n");
            assertThat(get("/plain/")).startsWith("HTTP/1.1 200").doesNotContain("X-Site").contains("\r\nX-Extra: one\r\n")
                    .doesNotContain("one, one");
        }
    }
}
