package dev.mdj.config;

import static dev.mdj.config.TestConfigs.error;
import static dev.mdj.config.TestConfigs.md;
import static dev.mdj.config.TestConfigs.read;
import static dev.mdj.config.TestConfigs.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.Setting;
import dev.mdj.md.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every mod_md directive at the directive level: its default, a valid value at the top level
 * and inside {@code <MDomain>}, its placement rules with mod_md's texts, rejected values, and
 * what happens when it is written inside a {@code <VirtualHost>}.
 */
class DirectiveMdTest {

    @TempDir
    Path dir;

    /** Two managed domains and nothing else; {@code extra} goes first, {@code inA} inside a's section. */
    private Configuration twoMds(String topLevel, String insideA) {
        return read(dir, topLevel + "\n<MDomain a.example.org>\n" + insideA + "\n</MDomain>\nMDomain b.example.org\n");
    }

    private static <T> Object json(Settings settings, Setting<T> setting) {
        return settings.find(setting).map(setting::toJson).orElse(null);
    }

    private static <T> Object json(ManagedDomain md, Setting<T> setting) {
        return json(md.settings(), setting);
    }

    // =====================================================================================
    // per-domain settings: (directive, value, setting, expected JSON of the value, default JSON)

    record PerMd(String directive, String value, Setting<?> setting, Object expected, Object defaultJson) {
        @Override
        public String toString() {
            return directive + " " + value;
        }
    }

    static Stream<PerMd> perMd() {
        return Stream.of(
                new PerMd("MDRequireHttps", "temporary", MdSetting.REQUIRE_HTTPS, "temporary", "off"),
                new PerMd("MDRequireHttps", "permanent", MdSetting.REQUIRE_HTTPS, "permanent", "off"),
                new PerMd("MDMembers", "manual", MdSetting.MEMBERS, "manual", "auto"),
                new PerMd("MDMember", "manual", MdSetting.MEMBERS, "manual", "auto"),
                new PerMd("MDRenewMode", "always", MdSetting.RENEW_MODE, "always", "auto"),
                new PerMd("MDRenewMode", "stick", MdSetting.RENEW_MODE, "manual", "auto"),
                new PerMd("MDDriveMode", "manual", MdSetting.RENEW_MODE, "manual", "auto"),
                new PerMd("MDMustStaple", "on", MdSetting.MUST_STAPLE, true, false),
                new PerMd("MDPrivateKeys", "secp256r1 rsa3072", MdSetting.PRIVATE_KEYS, "secp256r1 rsa3072", "rsa2048"),
                new PerMd("MDPrivateKeys", "RSA 4096", MdSetting.PRIVATE_KEYS, "rsa4096", "rsa2048"),
                new PerMd("MDRenewWindow", "21d", MdSetting.RENEW_WINDOW, "21d", "33%"),
                new PerMd("MDRenewWindow", "50%", MdSetting.RENEW_WINDOW, "50%", "33%"),
                new PerMd("MDWarnWindow", "14", MdSetting.WARN_WINDOW, "14d", "10%"),
                new PerMd("MDCertificateAuthority", "https://ca.example.net/dir", MdSetting.CA_URLS,
                        List.of("https://ca.example.net/dir"), List.of("https://acme-v02.api.letsencrypt.org/directory")),
                new PerMd("MDCertificateProtocol", "ACME", MdSetting.CA_PROTOCOL, "ACME", "ACME"),
                new PerMd("MDCertificateAgreement", "accepted", MdSetting.CA_AGREEMENT, "accepted", null),
                new PerMd("MDContactEmail", "admin@example.org", MdSetting.CONTACT, "mailto:admin@example.org", null),
                new PerMd("MDCAChallenges", "tls-alpn-01 http-01", MdSetting.CA_CHALLENGES,
                        List.of("tls-alpn-01", "http-01"), null),
                new PerMd("MDProfile", "shortlived", MdSetting.PROFILE, "shortlived", null),
                new PerMd("MDProfileMandatory", "on", MdSetting.PROFILE_MANDATORY, true, false),
                new PerMd("MDRenewViaARI", "off", MdSetting.RENEW_VIA_ARI, false, true),
                new PerMd("MDStapling", "on", MdSetting.STAPLING, true, false));
    }

    /** Per-domain inside a section, server-wide anywhere else (even in a virtual host). */
    static Stream<PerMd> perMdOrServer() {
        return Stream.of(
                new PerMd("MDChallengeDns01", "/usr/bin/dns-setup \"a b\"", MdSetting.DNS01_COMMAND,
                        "/usr/bin/dns-setup \"a b\"", null),
                new PerMd("MDHttpProxy", "http://proxy.example.net:3128", MdSetting.HTTP_PROXY,
                        "http://proxy.example.net:3128", null),
                new PerMd("MDCACertificateFile", "none", MdSetting.CA_CERTIFICATE_FILE, "none", "none"),
                new PerMd("MDHttpProxyCACertificateFile", "none", MdSetting.HTTP_PROXY_CA_CERTIFICATE_FILE,
                        "none", "none"));
    }

    static Stream<PerMd> allPerMd() {
        return Stream.concat(perMd(), perMdOrServer());
    }

    @ParameterizedTest(name = "default of {0}")
    @MethodSource("allPerMd")
    void perMdDefault(PerMd row) {
        Configuration c = read(dir, "MDomain example.org\n");
        assertThat(json(md(c, "example.org"), row.setting())).isEqualTo(row.defaultJson());
    }

    @ParameterizedTest(name = "{0} at the top level")
    @MethodSource("allPerMd")
    void perMdAtTopLevelIsEveryDomainsDefault(PerMd row) {
        Configuration c = twoMds(row.directive() + " " + row.value(), "");
        assertThat(json(md(c, "a.example.org"), row.setting())).isEqualTo(row.expected());
        assertThat(json(md(c, "b.example.org"), row.setting())).isEqualTo(row.expected());
        assertThat(c.server().mdDefaults().isGiven(row.setting())).isTrue();
    }

    @ParameterizedTest(name = "{0} inside <MDomain>")
    @MethodSource("allPerMd")
    void perMdInsideSectionIsOnlyThatDomain(PerMd row) {
        Configuration c = twoMds("", row.directive() + " " + row.value());
        assertThat(json(md(c, "a.example.org"), row.setting())).isEqualTo(row.expected());
        if (!row.setting().equals(MdSetting.CA_CERTIFICATE_FILE)
                && !row.setting().equals(MdSetting.HTTP_PROXY_CA_CERTIFICATE_FILE)
                && !row.value().equals("ACME")) {
            assertThat(json(md(c, "b.example.org"), row.setting())).isEqualTo(row.defaultJson());
        }
        assertThat(c.server().mdDefaults().isGiven(row.setting())).isFalse();
    }

    @ParameterizedTest(name = "{0} inside <MDomain> overrides the top level")
    @MethodSource("perMd")
    void sectionBeatsTopLevel(PerMd row) {
        if (row.defaultJson() == null || row.expected().equals(row.defaultJson())) {
            return; // nothing to override with
        }
        String reset = switch (row.directive()) {
            case "MDPrivateKeys" -> "Default";
            case "MDCertificateAuthority" -> "LetsEncrypt";
            case "MDMember", "MDMembers" -> "auto";
            case "MDRenewMode", "MDDriveMode" -> "auto";
            case "MDRenewWindow" -> "33%";
            case "MDWarnWindow" -> "10%";
            case "MDRequireHttps" -> "off";
            default -> row.defaultJson() instanceof Boolean b ? (b ? "on" : "off") : null;
        };
        Configuration c = twoMds(row.directive() + " " + row.value(), row.directive() + " " + reset);
        assertThat(json(md(c, "a.example.org"), row.setting())).isEqualTo(row.defaultJson());
        assertThat(json(md(c, "b.example.org"), row.setting())).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0} inside <VirtualHost> has no effect on domains")
    @MethodSource("perMd")
    void perMdInVirtualHostDoesNotApply(PerMd row) {
        if (row.directive().equals("MDContactEmail")) {
            return; // serves the matched domain, see below
        }
        Configuration c = read(dir, """
                MDomain example.org
                <VirtualHost *:443>
                  ServerName example.org
                  %s %s
                </VirtualHost>
                """.formatted(row.directive(), row.value()));
        assertThat(json(md(c, "example.org"), row.setting())).isEqualTo(row.defaultJson());
        assertThat(warnings(c)).contains(row.directive() + " inside <VirtualHost> does not apply to any"
                + " managed domain (as in mod_md); write it at the top level or inside <MDomain>");
    }

    @ParameterizedTest(name = "{0} inside <VirtualHost> acts server-wide")
    @MethodSource("perMdOrServer")
    void serverWideFromVirtualHost(PerMd row) {
        String value = row.value().equals("none") ? "trust.pem" : row.value();
        Object expected = row.value().equals("none") ? dir.resolve("trust.pem").toString() : row.expected();
        Configuration c = read(dir, """
                MDomain example.org
                MDomain other.example.org
                <VirtualHost *:443>
                  ServerName example.org
                  %s %s
                </VirtualHost>
                """.formatted(row.directive(), value));
        assertThat(json(md(c, "example.org"), row.setting())).isEqualTo(expected);
        assertThat(json(md(c, "other.example.org"), row.setting())).isEqualTo(expected);
        assertThat(warnings(c)).noneMatch(w -> w.contains("does not apply"));
    }

    @Test
    void contactEmailInVirtualHostServesTheMatchedDomain() {
        Configuration c = read(dir, """
                MDomain example.org
                MDomain other.example.org
                <VirtualHost *:443>
                  ServerName example.org
                  SSLEngine on
                  MDContactEmail vhost@example.org
                </VirtualHost>
                """);
        assertThat(md(c, "example.org").get(MdSetting.CONTACT)).isEqualTo("mailto:vhost@example.org");
        assertThat(md(c, "other.example.org").settings().find(MdSetting.CONTACT)).isEmpty();
        assertThat(c.server().virtualHosts().get(0).contactEmail()).contains("mailto:vhost@example.org");
    }

    // =====================================================================================
    // server-wide settings

    record Global(String directive, String value, Setting<?> setting, Object expected, Object defaultJson) {
        @Override
        public String toString() {
            return directive + " " + value;
        }
    }

    /** mod_md's NOT_MD directives: anywhere but in a section, global effect. */
    static Stream<Global> notMd() {
        return Stream.of(
                new Global("MDPortMap", "http:- https:8433", GlobalSetting.PORT_MAP, "http:- https:8433", "http:80 https:443"),
                new Global("MDNotifyCmd", "/usr/bin/notify \"quoted arg\" x", GlobalSetting.NOTIFY_COMMAND,
                        "/usr/bin/notify \"quoted arg\" x", null),
                new Global("MDMessageCmd", "/usr/bin/msg 'a b'", GlobalSetting.MESSAGE_COMMAND, "/usr/bin/msg 'a b'", null),
                new Global("MDBaseServer", "on", GlobalSetting.BASE_SERVER, true, false),
                new Global("MDChallengeDns01Version", "2", GlobalSetting.DNS01_VERSION, 2, 1),
                new Global("MDActivationDelay", "2d", GlobalSetting.ACTIVATION_DELAY, "2d", "0"),
                new Global("MDRetryDelay", "5mi", GlobalSetting.RETRY_DELAY, "5mi", "30s"),
                new Global("MDRetryFailover", "3", GlobalSetting.RETRY_FAILOVER, 3, 13),
                new Global("MDStoreLocks", "on", GlobalSetting.STORE_LOCKS, "5s", "off"),
                new Global("MDStoreLocks", "10", GlobalSetting.STORE_LOCKS, "10s", "off"),
                new Global("MDMatchNames", "servernames", GlobalSetting.MATCH_NAMES, "servernames", "all"),
                new Global("MDInitialDelay", "30", GlobalSetting.INITIAL_DELAY, "30s", "0"),
                new Global("MDCheckInterval", "1h", GlobalSetting.CHECK_INTERVAL, "1h", "12h"));
    }

    /** Accepted inside a section too, but acting globally. */
    static Stream<Global> globalEvenInSection() {
        return Stream.of(
                new Global("MDServerStatus", "off", GlobalSetting.SERVER_STATUS, false, true),
                new Global("MDCertificateStatus", "off", GlobalSetting.CERTIFICATE_STATUS, false, true),
                new Global("MDStaplingKeepResponse", "2d", GlobalSetting.STAPLING_KEEP_RESPONSE, "2d", "7d"),
                new Global("MDStaplingRenewWindow", "50%", GlobalSetting.STAPLING_RENEW_WINDOW, "50%", "33%"),
                new Global("MDCertificateCheck", "Censys https://search.censys.io/search?q=",
                        GlobalSetting.CERTIFICATE_CHECK,
                        java.util.Map.of("name", "Censys", "url", "https://search.censys.io/search?q="),
                        java.util.Map.of("name", "crt.sh", "url", "https://crt.sh?q=")),
                new Global("MDCertificateMonitor", "Censys https://search.censys.io/search?q=",
                        GlobalSetting.CERTIFICATE_CHECK,
                        java.util.Map.of("name", "Censys", "url", "https://search.censys.io/search?q="),
                        java.util.Map.of("name", "crt.sh", "url", "https://crt.sh?q=")));
    }

    static Stream<Global> allGlobal() {
        return Stream.concat(Stream.concat(notMd(), globalEvenInSection()), Stream.of(
                new Global("MDStapleOthers", "off", GlobalSetting.STAPLE_OTHERS, false, true)));
    }

    @ParameterizedTest(name = "default of {0}")
    @MethodSource("allGlobal")
    void globalDefault(Global row) {
        Configuration c = read(dir, "MDomain example.org\n");
        assertThat(json(c.server().global(), row.setting())).isEqualTo(row.defaultJson());
    }

    @ParameterizedTest(name = "{0} at the top level")
    @MethodSource("allGlobal")
    void globalAtTopLevel(Global row) {
        Configuration c = read(dir, row.directive() + " " + row.value() + "\nMDomain example.org\n");
        assertThat(json(c.server().global(), row.setting())).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0} inside <VirtualHost> is global")
    @MethodSource("allGlobal")
    void globalInVirtualHost(Global row) {
        Configuration c = read(dir, """
                <VirtualHost *:80>
                  ServerName example.org
                  %s %s
                </VirtualHost>
                """.formatted(row.directive(), row.value()));
        assertThat(json(c.server().global(), row.setting())).isEqualTo(row.expected());
    }

    @ParameterizedTest(name = "{0} inside <MDomain> is refused")
    @MethodSource("notMd")
    void notMdInsideSection(Global row) {
        assertThat(error(dir, "<MDomain example.org>\n" + row.directive() + " " + row.value() + "\n</MDomain>\n"))
                .isEqualTo(row.directive() + " is not allowed inside an '<MDomainSet' context");
    }

    @ParameterizedTest(name = "{0} inside <MDomain> acts globally")
    @MethodSource("globalEvenInSection")
    void globalEffectFromSection(Global row) {
        Configuration c = twoMds("", row.directive() + " " + row.value());
        assertThat(json(c.server().global(), row.setting())).isEqualTo(row.expected());
    }

    @Test
    void lastGlobalValueWins() {
        Configuration c = read(dir, """
                MDRetryFailover 3
                <VirtualHost *:80>
                  MDRetryFailover 5
                </VirtualHost>
                """);
        assertThat(c.server().global().get(GlobalSetting.RETRY_FAILOVER)).isEqualTo(5);
    }

    @Test
    void stapleOthersInsideSectionIsDroppedWithWarning() {
        Configuration c = twoMds("", "MDStapleOthers off");
        assertThat(c.server().global().get(GlobalSetting.STAPLE_OTHERS)).isTrue();
        assertThat(warnings(c)).contains("MDStapleOthers has no effect inside <MDomain> (as in mod_md);"
                + " it is about certificates outside managed domains");
    }

    @Test
    void storeDirDefaultsToMdBelowServerRoot() {
        Configuration c = read(dir, "MDomain example.org\n");
        assertThat(c.server().global().get(GlobalSetting.STORE_DIR)).isEqualTo(dir.resolve("md"));
    }

    @Test
    void storeDirRelativeIsBelowServerRoot() {
        Configuration c = read(dir, "MDStoreDir state/md-store\n");
        assertThat(c.server().global().get(GlobalSetting.STORE_DIR)).isEqualTo(dir.resolve("state/md-store"));
        Configuration abs = read(dir, "MDStoreDir /var/lib/mdj\n");
        assertThat(abs.server().global().get(GlobalSetting.STORE_DIR)).isEqualTo(Path.of("/var/lib/mdj"));
        assertThat(error(dir, "<MDomain example.org>\nMDStoreDir x\n</MDomain>\n"))
                .isEqualTo("MDStoreDir is not allowed inside an '<MDomainSet' context");
    }

    // =====================================================================================
    // rejected values, with the exact texts

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            MDRenewWindow 100%                    | MDRenewWindow: a length of 100% or more is not allowed.
            MDRenewWindow 1y                      | MDRenewWindow: '1y' has unrecognized format
            MDRenewWindow -5%                     | MDRenewWindow: percent must not be negative: '-5%'
            MDWarnWindow 120%                     | MDWarnWindow: a length of 100% or more is not allowed.
            MDStaplingRenewWindow 100%            | MDStaplingRenewWindow: a length of 100% or more is not allowed.
            MDStaplingKeepResponse 1y             | MDStaplingKeepResponse: '1y' has unrecognized format
            MDRenewMode sometimes                 | MDRenewMode: unknown MDDriveMode 'sometimes'; supported are 'auto', 'always' and 'manual'
            MDDriveMode never                     | MDDriveMode: unknown MDDriveMode 'never'; supported are 'auto', 'always' and 'manual'
            MDMustStaple yes                      | MDMustStaple: unknown 'yes', supported parameter values are 'on' and 'off'
            MDStapling 1                          | MDStapling: unknown '1', supported parameter values are 'on' and 'off'
            MDStapleOthers maybe                  | MDStapleOthers: unknown 'maybe', supported parameter values are 'on' and 'off'
            MDServerStatus yes                    | MDServerStatus: unknown 'yes', supported parameter values are 'on' and 'off'
            MDCertificateStatus true              | MDCertificateStatus: unknown 'true', supported parameter values are 'on' and 'off'
            MDBaseServer yes                      | MDBaseServer: unknown 'yes', supported parameter values are 'on' and 'off'
            MDProfileMandatory yes                | MDProfileMandatory: unknown 'yes', supported parameter values are 'on' and 'off'
            MDRenewViaARI enabled                 | MDRenewViaARI: unknown 'enabled', supported parameter values are 'on' and 'off'
            MDRequireHttps always                 | MDRequireHttps: unknown 'always', supported parameter values are 'temporary' and 'permanent'
            MDMembers sometimes                   | MDMembers: domain names are only valid inside a '<MDomainSet' context, not here; outside use 'auto' or 'manual'
            MDMember a.example.org                | MDMember: domain names are only valid inside a '<MDomainSet' context, not here; outside use 'auto' or 'manual'
            MDPrivateKeys RSA 1024                | MDPrivateKeys: must be 2048 or higher in order to be considered safe.
            MDPrivateKeys                         | MDPrivateKeys: needs to specify the private key type
            MDPrivateKeys RSA RSA3072             | MDPrivateKeys: two keys of type 'RSA' are not possible.
            MDPrivateKeys Default secp384r1       | MDPrivateKeys: 'Default' must be the only key specification.
            MDHttpProxy ftp://proxy.example.net   | MDHttpProxy: uri scheme must be http or https
            MDHttpProxy http://proxy:99999        | MDHttpProxy: invalid port
            MDChallengeDns01Version 3             | MDChallengeDns01Version: Only versions `1` and `2` are supported
            MDRetryDelay 0                        | MDRetryDelay: invalid argument, must be a duration > 0
            MDRetryFailover 0                     | MDRetryFailover: invalid argument, must be a number > 0
            MDRetryFailover many                  | MDRetryFailover: invalid argument, must be a number > 0
            MDMatchNames some                     | MDMatchNames: invalid argument, must be a 'all' or 'servernames'
            MDInitialDelay -5                     | MDInitialDelay: '-5' must not be negative
            MDCheckInterval 500ms                 | MDCheckInterval: check interval '500ms' must be at least 1 second
            MDActivationDelay 1y                  | MDActivationDelay: '1y' has unrecognized format
            MDContactEmail not-an-address@        | MDContactEmail: 'not-an-address@' is not a valid e-mail address
            MDNotifyCmd                           | MDNotifyCmd: needs the command to run
            MDMessageCmd                          | MDMessageCmd: needs the command to run
            MDChallengeDns01                      | MDChallengeDns01: needs the command to run
            MDCertificateCheck crt.sh no-url      | MDCertificateCheck: 'no-url' is not an absolute URL
            MDExternalAccountBinding kid not+base64 | MDExternalAccountBinding: the EAB hmac key is not base64url encoded
            MDPortMap 8080:80                     | MDPortMap: mapped port number must be 80 or 443
            MDPortMap http:70000                  | MDPortMap: invalid port number '70000', must be between 1 and 65535
            MDPortMap http:80 http:81             | MDPortMap: public port 80 is mapped more than once
            MDStoreLocks -3                       | MDStoreLocks: '-3' must not be negative
            """)
    void rejected(String line, String message) {
        assertThat(error(dir, line + "\n")).isEqualTo(message);
    }

    @Test
    void unknownCaNameNamesTheKnownOnes() {
        assertThat(error(dir, "MDCertificateAuthority no-such-ca\n"))
                .startsWith("MDCertificateAuthority: The CA name 'no-such-ca' is not known and it is not a URL either (")
                .endsWith("). Known CA names are: LetsEncrypt, LetsEncrypt-Test, Buypass, Buypass-Test.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MDRenewWindow            | MDRenewWindow takes one argument, Time length for renewal before certificate expires (defaults to days)
            MDRenewWindow 1d 2d      | MDRenewWindow takes one argument, Time length for renewal before certificate expires (defaults to days)
            MDRenewMode manual # x   | MDRenewMode takes one argument, Controls how renewal of Managed Domain certificates shall be handled.
            MDCertificateCheck crt.sh | MDCertificateCheck takes two arguments, Set name and URL pattern for a certificate monitoring site.
            MDPortMap                | MDPortMap takes 1-2 arguments, Declare the mapped ports 80 and 443 on the local server. E.g. 80:8000 to indicate that the server port 8000 is reachable as port 80 from the internet. Use 80:- to indicate that port 80 is not reachable from the outside.
            MDExternalAccountBinding a b c | MDExternalAccountBinding takes 1-2 arguments, 'none', a JSON file or the values key-id and hmac-64 for External Account Binding
            MDomain                  | MDomain requires at least one argument, A group of server names with one certificate
            """)
    void arity(String line, String message) {
        assertThat(error(dir, line + "\n")).isEqualTo(message);
    }

    /** Directives whose values mod_md takes as they are: only the argument count can be wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MDCertificateAgreement accepted twice    | MDCertificateAgreement takes one argument, either 'accepted' or the URL of CA Terms-of-Service agreement you accept
            MDCertificateProtocol                    | MDCertificateProtocol takes one argument, Protocol used to obtain/renew certificates
            MDCAChallenges                           | MDCAChallenges requires at least one argument, A list of challenge types to be used.
            MDContactEmail a@example.org b@example.org | MDContactEmail takes one argument, Email address used for account registration
            MDProfile a b                            | MDProfile takes one argument, The name of an ACME profile to order
            MDCACertificateFile                      | MDCACertificateFile takes one argument, path to pem file with the root certificate(s) of the ACME server, or 'none'
            MDHttpProxyCACertificateFile a b         | MDHttpProxyCACertificateFile takes one argument, path to the PEM file of trust anchors for the HTTP proxy's TLS, or 'none'
            MDStoreDir                               | MDStoreDir takes one argument, the directory for file system storage of managed domain data.
            MDMember                                 | MDMember requires at least one argument, A domain name to be included in the managed domain
            MDMembers                                | MDMembers requires at least one argument, Control if the alias domain names are automatically added
            MDHttpProxy                              | MDHttpProxy takes one argument, URL of a HTTP(S) proxy to use for outgoing connections
            """)
    void argumentCounts(String line, String message) {
        assertThat(error(dir, line + "\n")).isEqualTo(message);
    }

    @Test
    void sectionArgumentCounts() {
        assertThat(error(dir, "<MDomainSet>\n</MDomainSet>\n"))
                .isEqualTo("<MDomainSet> requires at least one argument, Container for directives applied to the same managed domains");
        assertThat(error(dir, "<MDomain example.org>\nMDCertificateFile\n</MDomain>\n"))
                .isEqualTo("MDCertificateFile takes one argument, set the static certificate (chain) file to use for this domain.");
        assertThat(error(dir, "<MDomain example.org>\nMDCertificateKeyFile a b\n</MDomain>\n"))
                .isEqualTo("MDCertificateKeyFile takes one argument, set the static private key file to use for this domain.");
    }

    // =====================================================================================
    // context rules

    @Test
    void staticFilesOnlyInsideSection() {
        TestConfigs.write(dir, "cert.pem", "x");
        assertThat(error(dir, "MDCertificateFile cert.pem\n"))
                .isEqualTo("MDCertificateFile is only valid inside a '<MDomainSet' context, not here");
        assertThat(error(dir, "MDCertificateKeyFile cert.pem\n"))
                .isEqualTo("MDCertificateKeyFile is only valid inside a '<MDomainSet' context, not here");
        assertThat(error(dir, "<VirtualHost *:443>\nMDCertificateFile cert.pem\n</VirtualHost>\n"))
                .isEqualTo("MDCertificateFile is only valid inside a '<MDomainSet' context, not here");
    }

    @Test
    void staticFilesInsideSection() {
        TestConfigs.write(dir, "static/a.pem", "cert");
        TestConfigs.write(dir, "static/a.key", "key");
        TestConfigs.write(dir, "static/b.pem", "cert");
        TestConfigs.write(dir, "static/b.key", "key");
        Configuration c = twoMds("", """
                MDCertificateFile static/a.pem
                MDCertificateKeyFile static/a.key
                MDCertificateFile static/b.pem
                MDCertificateKeyFile static/b.key
                """);
        ManagedDomain a = md(c, "a.example.org");
        assertThat(a.get(MdSetting.CERTIFICATE_FILES)).containsExactly(dir.resolve("static/a.pem"), dir.resolve("static/b.pem"));
        assertThat(a.get(MdSetting.KEY_FILES)).containsExactly(dir.resolve("static/a.key"), dir.resolve("static/b.key"));
        assertThat(a.hasStaticCertificates()).isTrue();
        assertThat(md(c, "b.example.org").hasStaticCertificates()).isFalse();
    }

    @Test
    void staticFileMustExist() {
        assertThat(error(dir, "<MDomain example.org>\nMDCertificateFile missing.pem\nMDCertificateKeyFile missing.pem\n</MDomain>\n".replace("MDCertificateKeyFile missing.pem\n", "")))
                .isEqualTo("MDCertificateFile: file '" + dir.resolve("missing.pem") + "' does not exist or is not a file");
    }

    @Test
    void mdomainAndSectionsNotInsideSectionsOrVirtualHosts() {
        assertThat(error(dir, "<MDomain a.example.org>\nMDomain b.example.org\n</MDomain>\n"))
                .isEqualTo("MDomain is not allowed inside an '<MDomainSet' context");
        assertThat(error(dir, "<MDomain a.example.org>\n<MDomain b.example.org>\n</MDomain>\n</MDomain>\n"))
                .isEqualTo("<MDomain> is not allowed inside an '<MDomainSet' context");
    }

    @Test
    void mdDirectivesNotInPathSections() {
        assertThat(TestConfigs.errors(dir, "<Location /x>\nMDRenewWindow 10d\n</Location>\n"))
                .singleElement().asString().startsWith("MDRenewWindow not allowed here (inside <Location>)");
        assertThat(TestConfigs.errors(dir, "<Directory /tmp>\nMDRequireHttps permanent\n</Directory>\n"))
                .singleElement().asString().startsWith("MDRequireHttps not allowed here (inside <Directory>)");
    }

    // =====================================================================================
    // directives with more to them

    @Nested
    class Members {
        @Test
        void namesInsideSection() {
            Configuration c = read(dir, """
                    <MDomainSet example.org>
                      MDMember www.example.org
                      MDMembers mail.example.org "ftp.example.org"
                    </MDomainSet>
                    """);
            assertThat(md(c, "example.org").domains())
                    .containsExactly("example.org", "www.example.org", "mail.example.org", "ftp.example.org");
        }

        @Test
        void modeOutsideIsTheDefault() {
            Configuration c = read(dir, "MDMembers manual\nMDomain example.org\n<MDomain b.example.org>\nMDMembers auto\n</MDomain>\n");
            assertThat(md(c, "example.org").get(MdSetting.MEMBERS)).hasToString("MANUAL");
            assertThat(md(c, "b.example.org").get(MdSetting.MEMBERS)).hasToString("AUTO");
        }

        @Test
        void mdomainNeedsAName() {
            assertThat(error(dir, "MDomain auto\n")).isEqualTo("MDomain: needs at least one domain name");
            assertThat(error(dir, "<MDomain manual>\n</MDomain>\n")).isEqualTo("<MDomain>: needs at least one domain name");
        }
    }

    @Nested
    class CertificateAuthority {
        @Test
        void severalUrlsAreAFailoverList() {
            Configuration c = read(dir, "MDCertificateAuthority https://ca1.example.net/dir LetsEncrypt-Test https://ca3.example.net/acme\nMDomain example.org\n");
            assertThat(md(c, "example.org").get(MdSetting.CA_URLS)).containsExactly(
                    URI.create("https://ca1.example.net/dir"),
                    URI.create("https://acme-staging-v02.api.letsencrypt.org/directory"),
                    URI.create("https://ca3.example.net/acme"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', textBlock = """
                LetsEncrypt      | https://acme-v02.api.letsencrypt.org/directory
                letsencrypt      | https://acme-v02.api.letsencrypt.org/directory
                LetsEncrypt-Test | https://acme-staging-v02.api.letsencrypt.org/directory
                LETSENCRYPT-TEST | https://acme-staging-v02.api.letsencrypt.org/directory
                Buypass          | https://api.buypass.com/acme/directory
                buypass-test     | https://api.test4.buypass.no/acme/directory
                """)
        void knownNames(String name, String url) {
            Configuration c = read(dir, "MDCertificateAuthority " + name + "\nMDomain example.org\n");
            assertThat(md(c, "example.org").get(MdSetting.CA_URLS)).containsExactly(URI.create(url));
        }

        @Test
        void buypassWarns() {
            Configuration c = read(dir, "MDCertificateAuthority Buypass\nMDomain example.org\n");
            assertThat(warnings(c)).anyMatch(w -> w.startsWith("'Buypass': Buypass closed its ACME service"));
            Configuration le = read(dir, "MDCertificateAuthority LetsEncrypt\nMDomain example.org\n");
            assertThat(warnings(le)).noneMatch(w -> w.contains("Buypass"));
        }

        @Test
        void emptyKeepsTheDefault() {
            Configuration c = read(dir, "MDCertificateAuthority\nMDomain example.org\n");
            assertThat(md(c, "example.org").get(MdSetting.CA_URLS))
                    .containsExactly(URI.create("https://acme-v02.api.letsencrypt.org/directory"));
        }

        @Test
        void perDomain() {
            Configuration c = twoMds("MDCertificateAuthority LetsEncrypt-Test", "MDCertificateAuthority https://someotherca.com/ACME");
            assertThat(md(c, "a.example.org").get(MdSetting.CA_URLS)).containsExactly(URI.create("https://someotherca.com/ACME"));
            assertThat(md(c, "b.example.org").get(MdSetting.CA_URLS))
                    .containsExactly(URI.create("https://acme-staging-v02.api.letsencrypt.org/directory"));
        }
    }

    @Nested
    class Protocol {
        @Test
        void otherProtocolsAreKeptWithWarning() {
            Configuration c = read(dir, "MDCertificateProtocol tailscale\nMDomain example.org\n");
            assertThat(md(c, "example.org").get(MdSetting.CA_PROTOCOL)).isEqualTo("tailscale");
            assertThat(warnings(c)).contains("MDCertificateProtocol 'tailscale' is not supported; only ACME is,"
                    + " and managed domains using it will not be renewed");
        }

        @Test
        void unknownChallengeWarns() {
            Configuration c = read(dir, "MDCAChallenges http-01 carrier-pigeon-01\nMDomain example.org\n");
            assertThat(md(c, "example.org").get(MdSetting.CA_CHALLENGES)).containsExactly("http-01", "carrier-pigeon-01");
            assertThat(warnings(c)).contains("unknown challenge type 'carrier-pigeon-01'; mdj answers http-01,"
                    + " tls-alpn-01 and dns-01");
        }
    }

    @Nested
    class Commands {
        @Test
        void rawRestOfLineWithQuotes() {
            Configuration c = read(dir, """
                    MDNotifyCmd /usr/local/bin/notify "first arg"   'second'
                    MDMessageCmd /etc/apache/md-message "x"
                    MDChallengeDns01 /usr/bin/dns01.sh "--zone" example.org
                    """);
            assertThat(c.server().global().get(GlobalSetting.NOTIFY_COMMAND))
                    .startsWith("/usr/local/bin/notify \"first arg\"").endsWith("'second'");
            assertThat(c.server().global().get(GlobalSetting.MESSAGE_COMMAND)).isEqualTo("/etc/apache/md-message \"x\"");
            assertThat(c.server().mdDefaults().get(MdSetting.DNS01_COMMAND)).isEqualTo("/usr/bin/dns01.sh \"--zone\" example.org");
        }
    }

    @Nested
    class ExternalAccountBinding {
        private static final String HMAC = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

        @Test
        void kidAndHmac() {
            Configuration c = read(dir, "MDExternalAccountBinding kid-1 " + HMAC + "\nMDomain example.org\n");
            var eab = md(c, "example.org").get(MdSetting.EAB).orElseThrow();
            assertThat(eab.keyId()).isEqualTo("kid-1");
            assertThat(eab.hmacKey()).isEqualTo(HMAC);
        }

        @Test
        void noneOverridesTheInheritedOneInsideSection() {
            Configuration c = twoMds("MDExternalAccountBinding kid-1 " + HMAC, "MDExternalAccountBinding none");
            assertThat(md(c, "a.example.org").get(MdSetting.EAB)).isEmpty();
            assertThat(md(c, "b.example.org").get(MdSetting.EAB)).isPresent();
        }

        @Test
        void jsonFileRelativeToServerRoot() {
            TestConfigs.write(dir, "eab/eab.json", "{\"kid\": \"kid-2\", \"hmac\": \"" + HMAC + "\"}");
            Configuration c = read(dir, "MDExternalAccountBinding eab/eab.json\nMDomain example.org\n");
            assertThat(md(c, "example.org").get(MdSetting.EAB)).contains(new dev.mdj.md.ExternalAccountBinding("kid-2", HMAC));
        }

        @Test
        void jsonFileMissingValues() {
            TestConfigs.write(dir, "eab.json", "{\"kid\": \"kid-2\"}");
            assertThat(error(dir, "MDExternalAccountBinding eab.json\n")).isEqualTo("MDExternalAccountBinding: EAB file '"
                    + dir.resolve("eab.json") + "' needs non-empty \"kid\" and \"hmac\" values");
        }

        @Test
        void hmacNeverShown() {
            Configuration c = read(dir, """
                    MDExternalAccountBinding kid-1 %s
                    <MDomain example.org>
                      MDExternalAccountBinding kid-3 %s
                    </MDomain>
                    """.formatted(HMAC, HMAC));
            assertThat(c.toString()).doesNotContain(HMAC).contains("kid-1");
            assertThat(ConfigDump.of(c).toString()).doesNotContain(HMAC).contains("kid-3");
            assertThat(md(c, "example.org").toString()).doesNotContain(HMAC);
        }
    }

    @Nested
    class Windows {
        @Test
        void durationsAndPercentages() {
            Configuration c = read(dir, """
                    MDRenewWindow 14days
                    MDWarnWindow 12h
                    MDStaplingKeepResponse 50%
                    MDStaplingRenewWindow 2d
                    MDomain example.org
                    """);
            ManagedDomain md = md(c, "example.org");
            assertThat(md.get(MdSetting.RENEW_WINDOW).length()).contains(Duration.ofDays(14));
            assertThat(md.get(MdSetting.WARN_WINDOW).length()).contains(Duration.ofHours(12));
            assertThat(c.server().global().get(GlobalSetting.STAPLING_KEEP_RESPONSE).format()).isEqualTo("50%");
            assertThat(c.server().global().get(GlobalSetting.STAPLING_RENEW_WINDOW).format()).isEqualTo("2d");
        }

        @Test
        void activationDelayMayBeNegativeAndDefaultsToDays() {
            Configuration c = read(dir, "MDActivationDelay -1\n");
            assertThat(c.server().global().get(GlobalSetting.ACTIVATION_DELAY)).isEqualTo(Duration.ofDays(-1));
        }

        @Test
        void storeLocksZeroIsOff() {
            Configuration c = read(dir, "MDStoreLocks 0\n");
            assertThat(c.server().global().get(GlobalSetting.STORE_LOCKS).enabled()).isFalse();
        }
    }

    @Test
    void caCertificateFileInSectionIsPerDomainAndResolved() {
        Configuration c = twoMds("MDCACertificateFile none", "MDCACertificateFile ca/root.pem");
        assertThat(md(c, "a.example.org").get(MdSetting.CA_CERTIFICATE_FILE)).contains(dir.resolve("ca/root.pem"));
        assertThat(md(c, "b.example.org").get(MdSetting.CA_CERTIFICATE_FILE)).isEqualTo(Optional.empty());
        assertThat(warnings(c)).anyMatch(w -> w.contains("is not readable"));
    }
}
