package dev.mdj.config;

import static dev.mdj.config.TestConfigs.errors;
import static dev.mdj.config.TestConfigs.md;
import static dev.mdj.config.TestConfigs.read;
import static dev.mdj.config.TestConfigs.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.MdSetting;
import dev.mdj.md.MemberMode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Managed domains and virtual hosts: who serves whom, which names join, what is fatal. */
class DomainAssignmentTest {

    @TempDir
    Path dir;

    private static final String TLS_VHOST = """
            <VirtualHost *:443>
              ServerName %s
              %s
              SSLEngine on
            </VirtualHost>
            """;

    private static String tls(String name, String aliases) {
        return TLS_VHOST.formatted(name, aliases.isEmpty() ? "" : "ServerAlias " + aliases);
    }

    private static String plain(String name, String aliases) {
        return """
                <VirtualHost *:80>
                  ServerName %s
                  %s
                </VirtualHost>
                """.formatted(name, aliases.isEmpty() ? "" : "ServerAlias " + aliases);
    }

    @Test
    void autoAddsTheTlsServersNames() {
        Configuration c = read(dir, "MDomain example.org\n" + tls("www.example.org", "example.org mail.example.org"));
        assertThat(md(c, "example.org").domains()).containsExactly("example.org", "www.example.org", "mail.example.org");
        assertThat(c.serversOf(md(c, "example.org"))).extracting(VirtualHost::serverName)
                .containsExactly(java.util.Optional.of("www.example.org"));
        assertThat(warnings(c)).noneMatch(w -> w.contains("No VirtualHost"));
    }

    @Test
    void manualLeavesThemOutWithWarning() {
        Configuration c = read(dir, "MDomain example.org manual\n" + tls("example.org", "www.example.org"));
        assertThat(md(c, "example.org").domains()).containsExactly("example.org");
        assertThat(md(c, "example.org").get(MdSetting.MEMBERS)).isEqualTo(MemberMode.MANUAL);
        assertThat(warnings(c)).anyMatch(w -> w.startsWith("Virtual Host example.org [*:443] matches Managed Domain"
                + " 'example.org', but the name/alias www.example.org itself is not managed. A requested MD"
                + " certificate will not match ServerName."));
    }

    @Test
    void manualFromTopLevelAndFromSection() {
        Configuration c = read(dir, """
                MDMembers manual
                MDomain a.example.org
                <MDomain b.example.org>
                  MDMembers auto
                </MDomain>
                """ + tls("a.example.org", "www.a.example.org") + tls("b.example.org", "www.b.example.org"));
        assertThat(md(c, "a.example.org").domains()).containsExactly("a.example.org");
        assertThat(md(c, "b.example.org").domains()).containsExactly("b.example.org", "www.b.example.org");
    }

    @Test
    void plainHttpServersAddNothing() {
        Configuration c = read(dir, "MDomain example.org\n" + plain("example.org", "www.example.org"));
        assertThat(md(c, "example.org").domains()).containsExactly("example.org");
        assertThat(c.serversOf(md(c, "example.org"))).hasSize(1);
    }

    @Test
    void matchNamesAllMatchesByAlias() {
        Configuration c = read(dir, "MDomain shop.example.org\n" + tls("www.example.org", "shop.example.org"));
        assertThat(c.serversOf(md(c, "shop.example.org"))).hasSize(1);
        assertThat(md(c, "shop.example.org").domains()).containsExactly("shop.example.org", "www.example.org");
    }

    @Test
    void wildcardAliasMatchesTheDomain() {
        Configuration c = read(dir, "MDomain www.example.org\n" + plain("example.org", "*.example.org"));
        assertThat(c.serversOf(md(c, "www.example.org"))).hasSize(1);
    }

    @Test
    void servernamesMatchesOnlyTheServerName() {
        Configuration c = read(dir, "MDMatchNames servernames\nMDomain shop.example.org\n"
                + tls("www.example.org", "shop.example.org"));
        assertThat(c.serversOf(md(c, "shop.example.org"))).isEmpty();
        assertThat(warnings(c)).contains("No VirtualHost matches Managed Domain shop.example.org; it is not"
                + " renewed until a server uses it (or MDRenewMode always)");
        Configuration wildcardAlias = read(dir, "MDMatchNames servernames\nMDomain www.example.org\n"
                + plain("example.org", "*.example.org"));
        assertThat(wildcardAlias.serversOf(md(wildcardAlias, "www.example.org"))).isEmpty();
    }

    @Test
    void servernamesExactBeatsWildcard() {
        Configuration c = read(dir, "MDMatchNames servernames\nMDomain *.example.org\nMDomain www.example.org\n"
                + tls("www.example.org", "") + tls("mail.example.org", ""));
        assertThat(c.serversOf(md(c, "www.example.org"))).extracting(v -> v.serverName().orElseThrow())
                .containsExactly("www.example.org");
        assertThat(c.serversOf(md(c, "*.example.org"))).extracting(v -> v.serverName().orElseThrow())
                .containsExactly("mail.example.org");
    }

    @Test
    void baseServerLetsTheMainServerMatch() {
        String config = "ServerName example.org\nMDomain example.org\n";
        Configuration off = read(dir, config);
        assertThat(off.serversOf(md(off, "example.org"))).isEmpty();
        Configuration on = read(dir, "MDBaseServer on\n" + config);
        assertThat(on.serversOf(md(on, "example.org"))).singleElement()
                .satisfies(s -> assertThat(s.isMainServer()).isTrue());
    }

    @Test
    void tlsServerMatchingTwoDomainsIsFatal() {
        assertThat(errors(dir, "MDomain a.example.org\nMDomain b.example.org\n" + tls("a.example.org", "b.example.org")))
                .containsExactly("the TLS server a.example.org [*:443] matches 2 managed domains (a.example.org,"
                        + " b.example.org), however there can only be one");
    }

    @Test
    void plainServerMayMatchTwoDomains() {
        Configuration c = read(dir, "MDomain a.example.org\nMDomain b.example.org\n" + plain("a.example.org", "b.example.org"));
        assertThat(c.serversOf(md(c, "a.example.org"))).hasSize(1);
        assertThat(c.serversOf(md(c, "b.example.org"))).hasSize(1);
    }

    @Test
    void sameNameInTwoDomains() {
        String config = "MDomain a.example.org www.example.org\nMDomain b.example.org www.example.org\n";
        assertThat(errors(dir, config)).singleElement().asString()
                .startsWith("two Managed Domains have an overlap in domain 'www.example.org', first definition in ")
                .contains(", second definition in ");
        Configuration c = read(dir, "MDMatchNames servernames\n" + config);
        assertThat(warnings(c)).anyMatch(w -> w.startsWith("two Managed Domains have an overlap in domain 'www.example.org'"));
    }

    @Test
    void namesAddedFromVirtualHostsMustNotOverlap() {
        assertThat(errors(dir, "MDomain a.example.org\nMDomain b.example.org\n"
                + tls("a.example.org", "shared.example.org") + tls("b.example.org", "shared.example.org")))
                .containsExactly("the name 'shared.example.org' ends up in both managed domains 'a.example.org'"
                        + " and 'b.example.org' (added from a virtual host's ServerName or ServerAlias by MDMembers auto)");
    }

    @Test
    void unusedDomainWarns() {
        Configuration c = read(dir, "MDomain example.org\n<MDomain always.example.org>\nMDRenewMode always\n</MDomain>\n");
        assertThat(warnings(c)).contains(
                "No VirtualHost matches Managed Domain example.org; it is not renewed until a server uses it (or MDRenewMode always)",
                "No VirtualHost matches Managed Domain always.example.org; MDRenewMode always: it is renewed all the same");
    }

    @Test
    void requireHttpsWithoutTlsServerWarns() {
        Configuration c = read(dir, "MDRequireHttps permanent\nMDomain example.org\n" + plain("example.org", ""));
        assertThat(warnings(c)).contains("The Managed Domain example.org is configured to require https, but there"
                + " seems to be no VirtualHost for it that has SSL enabled");
        Configuration ok = read(dir, "MDRequireHttps permanent\nMDomain example.org\n" + plain("example.org", "")
                + tls("example.org", ""));
        assertThat(warnings(ok)).noneMatch(w -> w.contains("require https"));
    }

    @Test
    void mustStapleWithLetsEncryptIsWarnedAbout() {
        Configuration c = read(dir, "MDMustStaple on\nMDomain example.org\n" + tls("example.org", ""));
        assertThat(warnings(c)).contains("MDMustStaple is on for example.org, but LetsEncrypt refuses must-staple"
                + " orders (since May 2025; it no longer runs OCSP): its renewals will fail");
        Configuration other = read(dir, "MDMustStaple on\nMDCertificateAuthority https://ca.example.net/dir\n"
                + "MDomain example.org\n" + tls("example.org", ""));
        assertThat(warnings(other)).noneMatch(w -> w.contains("MDMustStaple"));
    }

    @Test
    void staticFilesMustPairUp() {
        TestConfigs.write(dir, "a.pem", "c");
        TestConfigs.write(dir, "b.pem", "c");
        TestConfigs.write(dir, "a.key", "k");
        assertThat(errors(dir, """
                <MDomain example.org>
                  MDCertificateFile a.pem
                  MDCertificateFile b.pem
                  MDCertificateKeyFile a.key
                </MDomain>
                """)).containsExactly("managed domain 'example.org' has 2 MDCertificateFile and 1"
                + " MDCertificateKeyFile; they must pair up, one key per certificate");
    }

    @Test
    void contactFallbackOrder() {
        String vhosts = """
                <VirtualHost *:443>
                  ServerName example.org
                  SSLEngine on
                  %s
                  %s
                </VirtualHost>
                """;
        String main = "ServerAdmin main@example.org\nMDomain example.org\n";
        Configuration global = read(dir, "MDContactEmail global@example.org\n" + main
                + vhosts.formatted("MDContactEmail vhost@example.org", "ServerAdmin admin@example.org"));
        assertThat(md(global, "example.org").get(MdSetting.CONTACT)).isEqualTo("mailto:global@example.org");
        Configuration vhost = read(dir, main + vhosts.formatted("MDContactEmail vhost@example.org", "ServerAdmin admin@example.org"));
        assertThat(md(vhost, "example.org").get(MdSetting.CONTACT)).isEqualTo("mailto:vhost@example.org");
        Configuration admin = read(dir, main + vhosts.formatted("", "ServerAdmin admin@example.org"));
        assertThat(md(admin, "example.org").get(MdSetting.CONTACT)).isEqualTo("mailto:admin@example.org");
        Configuration mainAdmin = read(dir, main + vhosts.formatted("", ""));
        assertThat(md(mainAdmin, "example.org").get(MdSetting.CONTACT)).isEqualTo("mailto:main@example.org");
        Configuration none = read(dir, "MDomain example.org\n" + vhosts.formatted("", ""));
        assertThat(md(none, "example.org").settings().find(MdSetting.CONTACT)).isEmpty();
        Configuration own = read(dir, "MDContactEmail global@example.org\n<MDomain example.org>\nMDContactEmail own@example.org\n</MDomain>\n"
                + vhosts.formatted("MDContactEmail vhost@example.org", ""));
        assertThat(md(own, "example.org").get(MdSetting.CONTACT)).isEqualTo("mailto:own@example.org");
    }

    @Test
    void namesAreNormalized() {
        Configuration c = read(dir, "MDomain Example.ORG www.example.org WWW.Example.org bücher.example.org example.org.\n");
        assertThat(md(c, "example.org").domains())
                .containsExactly("example.org", "www.example.org", "xn--bcher-kva.example.org");
        assertThat(c.managedDomains()).singleElement().satisfies(m -> assertThat(m.name()).isEqualTo("example.org"));
    }

    @Test
    void autoOrManualAnywhereOnTheLine() {
        Configuration c = read(dir, """
                MDomain manual a.example.org www.a.example.org
                MDomain b.example.org auto www.b.example.org
                <MDomain c.example.org www.c.example.org manual>
                </MDomain>
                MDomain d.example.org
                """);
        assertThat(md(c, "a.example.org").domains()).containsExactly("a.example.org", "www.a.example.org");
        assertThat(md(c, "a.example.org").get(MdSetting.MEMBERS)).isEqualTo(MemberMode.MANUAL);
        assertThat(md(c, "b.example.org").domains()).containsExactly("b.example.org", "www.b.example.org");
        assertThat(md(c, "b.example.org").get(MdSetting.MEMBERS)).isEqualTo(MemberMode.AUTO);
        assertThat(md(c, "c.example.org").domains()).containsExactly("c.example.org", "www.c.example.org");
        assertThat(md(c, "c.example.org").get(MdSetting.MEMBERS)).isEqualTo(MemberMode.MANUAL);
        assertThat(md(c, "d.example.org").settings().isGiven(MdSetting.MEMBERS)).isFalse();
    }

    @Test
    void ipAddressesAreNotDomainNames() {
        assertThat(errors(dir, "MDomain 192.0.2.1\n")).containsExactly(
                "MDomain: '192.0.2.1' is an IP address; managed domains need DNS names");
    }

    @Test
    void definedAtNamesFileAndLine() {
        Configuration c = read(dir, "\n\nMDomain example.org\n");
        assertThat(md(c, "example.org").definedAt()).endsWith(TestConfigs.FILE_NAME + ":3");
    }
}
