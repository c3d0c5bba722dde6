package dev.mdj.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The directive table holds every mod_md name and the core/ssl/proxy subset mdj serves. */
class DirectiveTableTest {

    /** The 47 names mod_md registers (src/mod_md_config.c). */
    static final List<String> MOD_MD = List.of("MDomain", "<MDomainSet>", "<MDomain>",
            "MDMember", "MDMembers", "MDCertificateAuthority", "MDCertificateAgreement",
            "MDCertificateProtocol", "MDCAChallenges", "MDContactEmail", "MDRenewMode",
            "MDDriveMode", "MDMustStaple", "MDPortMap", "MDPrivateKeys", "MDHttpProxy",
            "MDHttpProxyCACertificateFile", "MDCACertificateFile", "MDStoreDir", "MDRenewWindow",
            "MDWarnWindow", "MDRequireHttps", "MDNotifyCmd", "MDMessageCmd", "MDBaseServer",
            "MDChallengeDns01", "MDChallengeDns01Version", "MDCertificateFile",
            "MDCertificateKeyFile", "MDServerStatus", "MDCertificateStatus", "MDStapling",
            "MDStapleOthers", "MDStaplingKeepResponse", "MDStaplingRenewWindow",
            "MDCertificateCheck", "MDActivationDelay", "MDExternalAccountBinding", "MDRetryDelay",
            "MDRetryFailover", "MDStoreLocks", "MDMatchNames", "MDInitialDelay", "MDCheckInterval",
            "MDProfile", "MDProfileMandatory", "MDRenewViaARI");

    static final List<String> CORE_SSL_PROXY = List.of("ServerRoot", "Listen", "ServerName",
            "ServerAlias", "ServerAdmin", "<VirtualHost>", "DocumentRoot", "DirectoryIndex",
            "Protocols", "SSLEngine", "SSLCertificateFile", "SSLCertificateKeyFile",
            "SSLCertificateChainFile", "SSLProtocol", "SSLCipherSuite", "SSLUseStapling",
            "<Location>", "<Directory>", "SetHandler", "Require", "ProxyPass", "ProxyPassReverse",
            "ProxyPreserveHost", "Header", "Redirect", "ErrorLog", "CustomLog", "LogLevel",
            "PidFile", "User", "Group", "Timeout", "KeepAlive", "MaxKeepAliveRequests",
            "KeepAliveTimeout", "TypesConfig");

    private static Set<String> displayNames() {
        return Directives.all().stream().map(DirectiveSpec::displayName).collect(Collectors.toSet());
    }

    @Test
    void modMdHasFortySevenNames() {
        assertThat(MOD_MD).hasSize(47).doesNotHaveDuplicates();
        assertThat(displayNames()).containsAll(MOD_MD);
    }

    @Test
    void everyMdDirectiveOfTheTableIsAModMdNameOrTheManualsAlias() {
        List<String> md = Directives.all().stream().filter(s -> s.module().equals("md"))
                .map(DirectiveSpec::displayName).toList();
        assertThat(md).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(MOD_MD.stream(), java.util.stream.Stream.of("MDCertificateMonitor")).toList());
    }

    @Test
    void theManualsNameMdCertificateMonitorIsAnAlias() {
        assertThat(displayNames()).contains("MDCertificateMonitor");
        DirectiveSpec alias = spec("MDCertificateMonitor");
        DirectiveSpec check = spec("MDCertificateCheck");
        assertThat(alias.arity()).isEqualTo(check.arity());
        assertThat(alias.scopes()).isEqualTo(check.scopes());
    }

    @Test
    void coreSslAndProxySubset() {
        assertThat(displayNames()).containsAll(CORE_SSL_PROXY);
    }

    @Test
    void modulesAreNamed() {
        assertThat(spec("SSLEngine").module()).isEqualTo("ssl");
        assertThat(spec("ProxyPass").module()).isEqualTo("proxy");
        assertThat(spec("ServerName").module()).isEqualTo("core");
        assertThat(spec("MDRenewWindow").module()).isEqualTo("md");
    }

    @ParameterizedTest
    @MethodSource("allNames")
    void lookupsIgnoreCase(String displayName) {
        // <IfDirective> style: sections as "<Name", without the closing bracket
        String name = displayName.endsWith(">") ? displayName.substring(0, displayName.length() - 1) : displayName;
        assertThat(Directives.isKnown(name)).as(name).isTrue();
        assertThat(Directives.isKnown(name.toLowerCase(Locale.ROOT))).as(name).isTrue();
        assertThat(Directives.isKnown(name.toUpperCase(Locale.ROOT))).as(name).isTrue();
    }

    static List<String> allNames() {
        return java.util.stream.Stream.concat(MOD_MD.stream(), CORE_SSL_PROXY.stream()).toList();
    }

    @Test
    void sectionsAndPlainDirectivesAreSeparate() {
        assertThat(Directives.isKnown("mdrenewwindow")).isTrue();
        assertThat(Directives.isKnown("<mdrenewwindow")).isFalse();
        assertThat(Directives.isKnownSection("mdomainset")).isTrue();
        assertThat(Directives.isKnownSection("MDomain")).isTrue();
        assertThat(Directives.isKnown("MDomain")).isTrue();
        assertThat(Directives.isKnown("<virtualhost")).isTrue();
        assertThat(Directives.isKnown("VirtualHost")).isFalse();
        assertThat(Directives.isKnown("MDNoSuchThing")).isFalse();
    }

    @Test
    void lowerCaseDirectiveNamesWorkInAConfiguration(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Configuration c = TestConfigs.read(dir, """
                mdrenewwindow 21d
                <mdomain example.org>
                  mdmustSTAPLE on
                </MDOMAIN>
                """);
        var md = TestConfigs.md(c, "example.org");
        assertThat(md.get(dev.mdj.md.MdSetting.RENEW_WINDOW).format()).isEqualTo("21d");
        assertThat(md.get(dev.mdj.md.MdSetting.MUST_STAPLE)).isTrue();
    }

    @Test
    void everyEntryHasHelpAndScopes() {
        for (DirectiveSpec spec : Directives.all()) {
            assertThat(spec.help()).as(spec.displayName()).isNotBlank();
            assertThat(spec.scopes()).as(spec.displayName()).isNotEmpty();
        }
    }

    private static DirectiveSpec spec(String name) {
        return Directives.all().stream().filter(s -> s.displayName().equals(name)).findFirst().orElseThrow();
    }
}
