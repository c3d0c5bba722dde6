package dev.mdj.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.server.TestServers;
import java.net.InetAddress;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Virtual hosts chosen as httpd chooses them: by address first, then by name, the first as default. */
class SiteTableTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path dir;
    private InetAddress other;
    private SiteTable sites;

    @BeforeEach
    void read() throws Exception {
        other = InetAddress.getByName("127.0.0.2");
        sites = SiteTable.of(TestServers.config(dir, """
                ServerName main.example.org
                Listen 80
                Listen 8080
                MDStoreDir %s
                <VirtualHost *:80>
                  ServerName first.example.org
                </VirtualHost>
                <VirtualHost *:80>
                  ServerName second.example.org
                  ServerAlias *.second.example.org www?.example.org
                </VirtualHost>
                <VirtualHost 127.0.0.1:80>
                  ServerName ip.example.org
                </VirtualHost>
                <VirtualHost 127.0.0.1:80>
                  ServerName ip2.example.org
                </VirtualHost>
                <VirtualHost *:*>
                  ServerName anyport.example.org
                </VirtualHost>
                """.formatted(dir.resolve("md"))));
    }

    private String name(InetAddress ip, int port, String host) {
        return sites.select(ip, port, host).host().names().get(0);
    }

    @Test
    void hostsNamingTheAddressWinOverWildcardHosts() {
        assertThat(name(LOOPBACK, 80, "ip2.example.org")).isEqualTo("ip2.example.org");
        // On 127.0.0.1 only the address's own hosts count, even for a name a *:80 host has.
        assertThat(name(LOOPBACK, 80, "second.example.org")).isEqualTo("ip.example.org");
        assertThat(name(other, 80, "second.example.org")).isEqualTo("second.example.org");
    }

    @Test
    void theFirstHostOfAnAddressIsItsDefault() {
        assertThat(name(other, 80, "unknown.example.org")).isEqualTo("first.example.org");
        assertThat(name(other, 80, "")).isEqualTo("first.example.org");
        assertThat(name(other, 80, null)).isEqualTo("first.example.org");
        assertThat(name(LOOPBACK, 80, "unknown.example.org")).isEqualTo("ip.example.org");
        assertThat(sites.candidates(other, 80).get(0).host().names()).containsExactly("first.example.org");
    }

    @Test
    void namesAndAliasesMatchWithoutRegardToCaseAndAliasesMayBeGlobs() {
        assertThat(name(other, 80, "SECOND.example.org")).isEqualTo("second.example.org");
        assertThat(name(other, 80, "a.b.second.example.org")).isEqualTo("second.example.org");
        assertThat(name(other, 80, "www1.example.org")).isEqualTo("second.example.org");
        assertThat(name(other, 80, "www12.example.org")).isEqualTo("first.example.org");
        assertThat(name(other, 80, "second.example.org.evil")).isEqualTo("first.example.org");
    }

    @Test
    void theFirstHostThatAnswersWinsWhetherByNameOrByPattern() {
        SiteTable ordered = SiteTable.of(TestServers.config(dir, """
                Listen 80
                MDStoreDir %s
                <VirtualHost *:80>
                  ServerName a.example.org
                </VirtualHost>
                <VirtualHost *:80>
                  ServerName pattern.example.net
                  ServerAlias *.example.org
                </VirtualHost>
                <VirtualHost *:80>
                  ServerName b.example.org
                  ServerAlias a.example.org
                </VirtualHost>
                <VirtualHost *:80>
                  ServerName c.example.net
                  ServerAlias c.example.net
                </VirtualHost>
                """.formatted(dir.resolve("md"))));
        java.util.function.Function<String, String> chosen = host -> ordered.select(other, 80, host).names().get(0);
        assertThat(chosen.apply("a.example.org")).as("by name before the pattern").isEqualTo("a.example.org");
        assertThat(chosen.apply("b.example.org")).as("the pattern comes first").isEqualTo("pattern.example.net");
        assertThat(chosen.apply("x.y.example.org")).isEqualTo("pattern.example.net");
        assertThat(chosen.apply("C.example.net")).isEqualTo("c.example.net");
        assertThat(chosen.apply("example.org")).as("the default").isEqualTo("a.example.org");
    }

    @Test
    void aPortWithOnlyAnyPortHostsUsesThemAndOtherwiseTheMainServer() {
        assertThat(name(other, 8080, "x.example.org")).isEqualTo("anyport.example.org");
        SiteTable plain = SiteTable.of(TestServers.config(dir, """
                ServerName main.example.org
                Listen 80
                MDStoreDir %s
                """.formatted(dir.resolve("md"))));
        assertThat(plain.select(LOOPBACK, 80, "x.example.org").names()).containsExactly("main.example.org");
        assertThat(plain.all()).hasSize(1);
    }

    @Test
    void tlsOnAPortComesFromItsHosts() {
        SiteTable tls = SiteTable.of(TestServers.config(dir, """
                Listen 443
                Listen 80
                MDStoreDir %s
                <VirtualHost *:443>
                  ServerName a.example.org
                  SSLEngine on
                </VirtualHost>
                <VirtualHost *:80>
                  ServerName a.example.org
                </VirtualHost>
                """.formatted(dir.resolve("md"))));
        assertThat(tls.tlsOnPort(443)).isTrue();
        assertThat(tls.tlsOnPort(80)).isFalse();
    }
}
