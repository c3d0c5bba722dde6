package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping closes idle keep-alive connections at once instead of waiting out their timeout. */
class StopTest {

    @TempDir
    Path dir;

    @Test
    void stopClosesIdleKeepAliveConnectionsPromptly() throws Exception {
        int http = TestServers.freePort();
        MdjServer server = TestServers.start(TestServers.config(dir, """
                Listen 127.0.0.1:%d
                KeepAliveTimeout 60
                Timeout 60
                """.formatted(http)));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", http), 5000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int n = in.read(buffer);
            assertThat(new String(buffer, 0, n, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 404");
            while (!new String(buffer, 0, n, StandardCharsets.ISO_8859_1).endsWith("</html>\n")) {
                n += in.read(buffer, n, buffer.length - n);
            }

            long start = System.nanoTime();
            server.close();
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(took).isLessThan(Duration.ofSeconds(5));
            assertThat(in.read()).as("the idle connection was closed").isEqualTo(-1);
        }
    }
}
