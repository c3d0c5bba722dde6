package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSLProtocol decides which TLS versions a virtual host's handshakes may use. */
class TlsVersionsTest {

    @TempDir
    Path dir;

    @Test
    void sslProtocolOfTheVirtualHostLimitsTheVersions() throws Exception {
        int https = TestServers.freePort();
        try (MdjServer server = TestServers.start(TestServers.config(dir, """
                Listen 127.0.0.1:%1$d https
                MDStoreDir %2$s
                MDRenewMode manual
                MDomain modern.example.org
                MDomain default.example.org
                <VirtualHost *:%1$d>
                  ServerName default.example.org
                  SSLEngine on
                </VirtualHost>
                <VirtualHost *:%1$d>
                  ServerName modern.example.org
                  SSLEngine on
                  SSLProtocol -all +TLSv1.3
                </VirtualHost>
                """.formatted(https, dir.resolve("md"))))) {
            assertThat(handshake(https, "default.example.org", "TLSv1.2")).isEqualTo("TLSv1.2");
            assertThat(handshake(https, "modern.example.org", "TLSv1.3")).isEqualTo("TLSv1.3");
            assertThatThrownBy(() -> handshake(https, "modern.example.org", "TLSv1.2")).isInstanceOf(SSLException.class);
        }
    }

    private static String handshake(int port, String name, String version) throws Exception {
        try (SSLSocket socket = RawHttp.tlsSocket(port, name)) {
            socket.setEnabledProtocols(new String[] {version});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
