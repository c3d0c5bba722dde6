package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KeepAlive, MaxKeepAliveRequests and KeepAliveTimeout on HTTP/1.1 connections, with pipelined
 * requests on one socket: the server answers as many as httpd would and then closes.
 */
class KeepAliveTest {

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3} ");

    @TempDir
    Path dir;

    private MdjServer start(int port, String mainSettings, String vhostSettings) {
        return TestServers.start(TestServers.config(dir, """
                Listen 127.0.0.1:%1$d
                MDStoreDir %2$s
                %3$s
                <VirtualHost *:%1$d>
                  ServerName default.example.org
                </VirtualHost>
                <VirtualHost *:%1$d>
                  ServerName other.example.org
                  %4$s
                </VirtualHost>
                """.formatted(port, dir.resolve("md"), mainSettings, vhostSettings)));
    }

    private static String requests(String host, int count) {
        return ("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").repeat(count);
    }

    private static int responses(String answer) {
        Matcher matcher = STATUS_LINE.matcher(answer);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void keepAliveOffAnswersOneRequestPerConnection() {
        int port = TestServers.freePort();
        try (MdjServer server = start(port, "KeepAlive Off", "")) {
            String answer = RawHttp.exchange(port, requests("default.example.org", 3));
            assertThat(responses(answer)).isEqualTo(1);
            assertThat(answer.toLowerCase()).contains("\r\nconnection: close\r\n");
        }
    }

    @Test
    void maxKeepAliveRequestsCountsTheRequestsAfterTheFirstAsHttpdDoes() {
        int port = TestServers.freePort();
        try (MdjServer server = start(port, "MaxKeepAliveRequests 2", "")) {
            String answer = RawHttp.exchange(port, requests("default.example.org", 5));
            assertThat(responses(answer)).isEqualTo(3);
            String last = answer.substring(answer.lastIndexOf("HTTP/1.1 "));
            assertThat(last.toLowerCase()).contains("\r\nconnection: close\r\n");
            assertThat(answer.substring(0, answer.lastIndexOf("HTTP/1.1 ")).toLowerCase()).doesNotContain("connection: close");
        }
    }

    @Test
    void theDefaultKeepsUpToAHundredAndOneRequestsAndZeroMeansUnlimited() {
        int port = TestServers.freePort();
        try (MdjServer server = start(port, "", "MaxKeepAliveRequests 0")) {
            assertThat(responses(RawHttp.exchange(port, requests("default.example.org", 105)))).isEqualTo(101);
            assertThat(responses(RawHttp.exchange(port, requests("other.example.org", 150)
                    + "GET / HTTP/1.1\r\nHost: other.example.org\r\nConnection: close\r\n\r\n"))).isEqualTo(151);
        }
    }

    @Test
    void theSiteThatAnswersARequestDecidesWhetherTheConnectionStaysOpen() {
        int port = TestServers.freePort();
        try (MdjServer server = start(port, "", "KeepAlive Off")) {
            String answer = RawHttp.exchange(port, requests("default.example.org", 2) + requests("other.example.org", 3));
            assertThat(responses(answer)).isEqualTo(3);
        }
    }

    @Test
    void anIdleKeepAliveConnectionClosesAfterKeepAliveTimeoutNotTimeout() {
        int port = TestServers.freePort();
        try (MdjServer server = start(port, "Timeout 30\nKeepAliveTimeout 1", "")) {
            long start = System.nanoTime();
            String answer = RawHttp.exchange(port, requests("default.example.org", 1));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(responses(answer)).isEqualTo(1);
            assertThat(millis).isBetween(900L, 5000L);
        }
    }
}
