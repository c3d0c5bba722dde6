package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the CA can reach, from the reference scenarios' configurations. */
class ReachabilitiesTest {

    private static final String VHOSTS = """
            MDomain test1.example.org www.test1.example.org
            <VirtualHost *:5002>
                ServerName test1.example.org
                ServerAlias www.test1.example.org
            </VirtualHost>
            <VirtualHost *:5001>
                ServerName test1.example.org
                ServerAlias www.test1.example.org
                SSLEngine on
            </VirtualHost>
            """;

    @TempDir
    Path dir;

    private DriveRun.Reachability reach(String config) throws IOException {
        Path file = Files.writeString(dir.resolve("httpd.conf"), config);
        Configuration c = ConfigReader.read(file, ParseOptions.defaults().withServerRoot(dir));
        return Reachabilities.of(c, c.managedDomains().get(0));
    }

    @Test
    void aBasicCanAnswerHttpAndHttpsButNoTlsAlpn() throws IOException {
        DriveRun.Reachability r = reach("Listen 127.0.0.1:5002\nListen 127.0.0.1:5001 https\n"
                + "MDPortMap http:5002 https:5001\n" + VHOSTS);
        assertThat(r.httpReachable()).isTrue();
        assertThat(r.httpsReachable()).isTrue();
        assertThat(r.acmeTlsNames()).isEmpty();
    }

    @Test
    void bTlsAlpnListsEveryNameWhenProtocolsAllowAcmeTls() throws IOException {
        DriveRun.Reachability r = reach("Listen 127.0.0.1:5002\nListen 127.0.0.1:5001 https\n"
                + "MDPortMap http:5002 https:5001\nMDCAChallenges tls-alpn-01\n"
                + "Protocols h2 http/1.1 acme-tls/1\n" + VHOSTS);
        assertThat(r.acmeTlsNames()).containsExactly("test1.example.org", "www.test1.example.org");
    }

    @Test
    void hNoChallengeHasNoPort80() throws IOException {
        DriveRun.Reachability r = reach("Listen 127.0.0.1:5002\nListen 127.0.0.1:5001 https\n"
                + "MDPortMap http:- https:5001\n" + VHOSTS);
        assertThat(r.httpReachable()).isFalse();
        assertThat(r.httpsReachable()).isTrue();
    }

    @Test
    void withoutAListenerOnTheMappedPortNothingIsReachable() throws IOException {
        DriveRun.Reachability r = reach("Listen 8080\n" + VHOSTS);
        assertThat(r.httpReachable()).isFalse();
        assertThat(r.httpsReachable()).isFalse();
    }
}
