package dev.mdj.config;

import static dev.mdj.config.TestConfigs.md;
import static dev.mdj.config.TestConfigs.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.ExternalAccountBinding;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.RenewMode;
import dev.mdj.md.RequireHttps;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every configuration example of mod_md's manual and README, and every configuration template
 * of the reference runs, parses to what the documents describe. The examples live in
 * {@code src/test/resources/config/examples/}, each with a comment naming its source and what
 * was added for it to stand alone.
 */
class ManualExamplesTest {

    private static final URI LETS_ENCRYPT = URI.create("https://acme-v02.api.letsencrypt.org/directory");
    private static final URI LE_STAGING = URI.create("https://acme-staging-v02.api.letsencrypt.org/directory");
    private static final String HMAC = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    @TempDir
    Path dir;

    static String resource(String name) {
        try (InputStream in = ManualExamplesTest.class.getResourceAsStream("/config/examples/" + name)) {
            if (in == null) {
                throw new AssertionError("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Configuration example(String name) {
        return TestConfigs.read(dir, resource(name + ".conf"));
    }

    private List<String> exampleErrors(String name) {
        return TestConfigs.errors(dir, resource(name + ".conf"));
    }

    private void placeholder(String path) {
        TestConfigs.write(dir, path, "placeholder for " + path + "\n");
    }

    private static List<String> serverNames(Configuration c, ManagedDomain md) {
        return c.serversOf(md).stream().map(v -> v.serverName().orElse("-")).toList();
    }

    // ====================================================================== the manual

    @Nested
    class Manual {

        @Test
        void simpleVirtualHost() {
            Configuration c = example("manual-01-simple-vhost");
            ManagedDomain md = md(c, "example.org");
            assertThat(md.domains()).containsExactly("example.org");
            assertThat(md.get(MdSetting.CA_URLS)).containsExactly(LETS_ENCRYPT);
            VirtualHost v = c.server().virtualHosts().get(0);
            assertThat(v.tls().engine()).isTrue();
            assertThat(v.tls().certificateFiles()).isEmpty();
            assertThat(v.documentRoot()).contains(dir.resolve("htdocs/a"));
            assertThat(c.serversOf(md)).containsExactly(v);
        }

        @Test
        void mdStatusHandler() {
            Configuration c = example("manual-02-md-status");
            assertThat(c.server().mainServer().sections()).singleElement().satisfies(s -> {
                assertThat(s.path()).isEqualTo("/md-status");
                assertThat(s.handler()).contains("md-status");
            });
        }

        @Test
        void staplingForOneDomain() {
            Configuration c = TestConfigs.read(dir, resource("manual-03-stapling-one-md.conf") + "MDomain other.example.org\n");
            assertThat(md(c, "mydomain.net").get(MdSetting.STAPLING)).isTrue();
            assertThat(md(c, "other.example.org").get(MdSetting.STAPLING)).isFalse();
        }

        @Test
        void tailscaleAsWrittenInTheManual() {
            // The manual's CA line ends in '",' (a typo): httpd takes it as part of the word.
            // mod_md's lenient apr_uri_parse accepts that (and the socket path would then be
            // wrong at run time); mdj refuses it as no URL. Without the typo (the README's
            // version below) it parses with the "not supported" warning.
            assertThat(exampleErrors("manual-04-tailscale")).containsExactly("MDCertificateAuthority: The CA name"
                    + " 'file://localhost/var/run/tailscale/tailscaled.sock\",' is not known and it is not a URL either"
                    + " (Illegal character in path). Known CA names are: LetsEncrypt, LetsEncrypt-Test, Buypass, Buypass-Test.");
            Configuration c = TestConfigs.read(dir, resource("manual-04-tailscale.conf").replace("sock\",", "sock"));
            ManagedDomain md = md(c, "mydomain.some-thing.ts.net");
            assertThat(md.get(MdSetting.CA_PROTOCOL)).isEqualTo("tailscale");
            assertThat(md.get(MdSetting.CA_URLS))
                    .containsExactly(URI.create("file://localhost/var/run/tailscale/tailscaled.sock"));
            assertThat(warnings(c)).anyMatch(w -> w.startsWith("MDCertificateProtocol 'tailscale' is not supported"));
        }

        @Test
        void staticCertificateFiles() {
            placeholder("ssl/my.cert");
            placeholder("ssl/my.key");
            ManagedDomain md = md(example("manual-05-static-files"), "mydomain.com");
            assertThat(md.get(MdSetting.CERTIFICATE_FILES)).containsExactly(dir.resolve("ssl/my.cert"));
            assertThat(md.get(MdSetting.KEY_FILES)).containsExactly(dir.resolve("ssl/my.key"));
            assertThat(md.hasStaticCertificates()).isTrue();
        }

        @Test
        void members() {
            assertThat(md(example("manual-06-mdmember"), "example.org").domains())
                    .containsExactly("example.org", "www.example.org", "mail.example.org");
        }

        @Test
        void messageCommand() {
            assertThat(example("manual-07-message-cmd").server().global().get(GlobalSetting.MESSAGE_COMMAND))
                    .isEqualTo("/etc/apache/md-message");
        }

        @Test
        void oneDomainTwoVirtualHosts() {
            Configuration c = example("manual-08-mdomain-two-vhosts");
            ManagedDomain md = md(c, "example.org");
            assertThat(md.domains()).containsExactly("example.org", "www.example.org");
            assertThat(md.get(MdSetting.CONTACT)).isEqualTo("mailto:admin@example.org");
            assertThat(md.get(MdSetting.CA_AGREEMENT)).isEqualTo("accepted");
            assertThat(serverNames(c, md)).containsExactly("example.org", "www.example.org");
        }

        @Test
        void autoAddsAliases() {
            Configuration c = example("manual-09-mdomain-auto");
            assertThat(md(c, "example.org").domains()).containsExactly("example.org", "www.example.org");
            // the second virtual host has no SSLEngine on: mod_md adds names of TLS hosts only
            ManagedDomain second = md(c, "example2.org");
            assertThat(second.get(MdSetting.MEMBERS)).hasToString("AUTO");
            assertThat(serverNames(c, second)).containsExactly("example2.org");
        }

        @Test
        void sandboxCa() {
            Configuration c = TestConfigs.read(dir, resource("manual-10-sandbox-ca.conf") + "MDomain example.org\n");
            assertThat(md(c, "sandbox.example.org").get(MdSetting.CA_URLS))
                    .containsExactly(URI.create("https://someotherca.com/ACME"));
            assertThat(md(c, "example.org").get(MdSetting.CA_URLS)).containsExactly(LETS_ENCRYPT);
        }

        @Test
        void requireHttpsInSection() {
            assertThat(md(example("manual-11-section-require-https"), "example.org").get(MdSetting.REQUIRE_HTTPS))
                    .isEqualTo(RequireHttps.TEMPORARY);
        }

        @Test
        void portMap() {
            var map = example("manual-12-portmap").server().global().get(GlobalSetting.PORT_MAP);
            assertThat(map.httpReachable()).isFalse();
            assertThat(map.https()).isEqualTo(8433);
            assertThat(map.format()).isEqualTo("http:- https:8433");
        }

        @Test
        void privateKeys() {
            Configuration c = TestConfigs.read(dir, resource("manual-13-private-keys.conf") + "MDomain example.org\n");
            assertThat(md(c, "example.org").get(MdSetting.PRIVATE_KEYS).format()).isEqualTo("secp256r1 rsa3072");
            assertThat(md(c, "example.org").get(MdSetting.PRIVATE_KEYS).specs()).hasSize(2);
        }

        @Test
        void renewWindowLastOneWins() {
            Configuration c = example("manual-14-renew-window");
            assertThat(md(c, "example.org").get(MdSetting.RENEW_WINDOW).format()).isEqualTo("10%");
            // each line on its own
            for (String[] line : new String[][] {{"21d", "21d"}, {"30s", "30s"}, {"10%", "10%"}}) {
                Configuration one = TestConfigs.read(dir, "MDRenewWindow " + line[0] + "\nMDomain example.org\n");
                assertThat(md(one, "example.org").get(MdSetting.RENEW_WINDOW).format()).isEqualTo(line[1]);
            }
        }

        @Test
        void requireHttpsGlobally() {
            assertThat(md(example("manual-15-require-https-temporary"), "example.org").get(MdSetting.REQUIRE_HTTPS))
                    .isEqualTo(RequireHttps.TEMPORARY);
            assertThat(md(example("manual-16-require-https-permanent"), "example.org").get(MdSetting.REQUIRE_HTTPS))
                    .isEqualTo(RequireHttps.PERMANENT);
        }

        @Test
        void requireHttpsForOneDomain() {
            Configuration c = example("manual-17-require-https-one-md");
            assertThat(md(c, "xxx.yyy").get(MdSetting.REQUIRE_HTTPS)).isEqualTo(RequireHttps.TEMPORARY);
            assertThat(md(c, "other.example.org").get(MdSetting.REQUIRE_HTTPS)).isEqualTo(RequireHttps.OFF);
        }

        @Test
        void letsEncryptStaging() {
            assertThat(md(example("manual-18-le-staging"), "example.org").get(MdSetting.CA_URLS)).containsExactly(LE_STAGING);
        }

        @Test
        void eabJsonFileAsInTheManualIsRefused() {
            // the manual's file holds the elided value "zWND...", which is no base64url
            TestConfigs.write(dir, "eab.json", "{\"kid\": \"kid-1\", \"hmac\": \"zWND...\"}\n");
            assertThat(exampleErrors("manual-19-eab-json"))
                    .containsExactly("MDExternalAccountBinding: the EAB hmac key is not base64url encoded");
            TestConfigs.write(dir, "eab.json", "{\"kid\": \"kid-1\", \"hmac\": \"" + HMAC + "\"}\n");
            assertThat(md(example("manual-19-eab-json"), "example.org").get(MdSetting.EAB))
                    .contains(new ExternalAccountBinding("kid-1", HMAC));
        }

        @Test
        void tlsAlpnProtocol() {
            Configuration c = example("manual-20-tls-alpn");
            assertThat(c.server().mainServer().protocols()).containsExactly("h2", "http/1.1", "acme-tls/1");
            assertThat(serverNames(c, md(c, "example.org"))).containsExactly("example.org");
        }

        @Test
        void dns01Command() {
            Configuration c = example("manual-21-dns01");
            ManagedDomain md = md(c, "mydomain.com");
            assertThat(md.domains()).containsExactly("mydomain.com", "*.mydomain.com");
            assertThat(md.get(MdSetting.DNS01_COMMAND)).isEqualTo("/usr/bin/acme-setup-dns");
        }

        /** Syntax and default lines of the directive descriptions, each on its own. */
        @ParameterizedTest
        @ValueSource(strings = {
            "Protocols h2 http/1.1 acme-tls/1",
            "MDChallengeDns01 /usr/bin/acme-setup-dns",
            "MDActivationDelay 1d",
            "MDBaseServer off",
            "MDCAChallenges tls-alpn-01 http-01 dns-01",
            "MDCertificateAgreement accepted",
            "MDCertificateAuthority letsencrypt",
            "MDCertificateCheck crt.sh https://crt.sh?q=",
            "MDCertificateMonitor crt.sh https://crt.sh?q=",
            "MDCertificateProtocol ACME",
            "MDCertificateStatus on",
            "MDContactEmail admin@example.org",
            "MDDriveMode auto",
            "MDExternalAccountBinding none",
            "MDHttpProxy http://proxy.example.org:8080",
            "MDMembers auto",
            "MDMessageCmd /etc/apache/md-message",
            "MDMustStaple off",
            "MDNotifyCmd /usr/bin/notify",
            "MDPortMap http:80 https:443",
            "MDPrivateKeys RSA 2048",
            "MDRenewMode auto",
            "MDRenewWindow 33%",
            "MDRequireHttps off",
            "MDRetryDelay 5s",
            "MDRetryFailover 13",
            "MDServerStatus on",
            "MDStapleOthers on",
            "MDStapling off",
            "MDStaplingKeepResponse 7d",
            "MDStaplingRenewWindow 33%",
            "MDStoreDir md",
            "MDStoreLocks off",
            "MDWarnWindow 10%",
        })
        void oneLiners(String line) {
            Configuration c = TestConfigs.read(dir, line + "\nMDomain example.org\n");
            assertThat(c.managedDomains()).hasSize(1);
        }

        @Test
        void documentedDefaultsAreTheDefaults() {
            Configuration c = TestConfigs.read(dir, "MDomain example.org\n");
            ManagedDomain md = md(c, "example.org");
            var g = c.server().global();
            assertThat(g.get(GlobalSetting.BASE_SERVER)).isFalse();
            assertThat(md.get(MdSetting.CA_URLS)).containsExactly(LETS_ENCRYPT);
            assertThat(g.get(GlobalSetting.CERTIFICATE_CHECK).name()).isEqualTo("crt.sh");
            assertThat(g.get(GlobalSetting.CERTIFICATE_CHECK).urlPrefix()).isEqualTo("https://crt.sh?q=");
            assertThat(md.get(MdSetting.CA_PROTOCOL)).isEqualTo("ACME");
            assertThat(g.get(GlobalSetting.CERTIFICATE_STATUS)).isTrue();
            assertThat(md.get(MdSetting.RENEW_MODE)).isEqualTo(RenewMode.AUTO);
            assertThat(md.get(MdSetting.EAB)).isEmpty();
            assertThat(md.get(MdSetting.MEMBERS)).hasToString("AUTO");
            assertThat(md.get(MdSetting.MUST_STAPLE)).isFalse();
            assertThat(g.get(GlobalSetting.PORT_MAP).format()).isEqualTo("http:80 https:443");
            assertThat(md.get(MdSetting.PRIVATE_KEYS).format()).isEqualTo("rsa2048");
            assertThat(md.get(MdSetting.RENEW_WINDOW).format()).isEqualTo("33%");
            assertThat(md.get(MdSetting.REQUIRE_HTTPS)).isEqualTo(RequireHttps.OFF);
            // the manual says 5s; mod_md's code (and mdj) use 30s, see MODMD-FACTS.md
            assertThat(g.get(GlobalSetting.RETRY_DELAY)).isEqualTo(Duration.ofSeconds(30));
            assertThat(g.get(GlobalSetting.RETRY_FAILOVER)).isEqualTo(13);
            assertThat(g.get(GlobalSetting.SERVER_STATUS)).isTrue();
            assertThat(g.get(GlobalSetting.STAPLE_OTHERS)).isTrue();
            assertThat(md.get(MdSetting.STAPLING)).isFalse();
            assertThat(g.get(GlobalSetting.STAPLING_KEEP_RESPONSE).format()).isEqualTo("7d");
            assertThat(g.get(GlobalSetting.STAPLING_RENEW_WINDOW).format()).isEqualTo("33%");
            assertThat(g.get(GlobalSetting.STORE_DIR)).isEqualTo(dir.resolve("md"));
            assertThat(g.get(GlobalSetting.STORE_LOCKS).enabled()).isFalse();
            assertThat(md.get(MdSetting.WARN_WINDOW).format()).isEqualTo("10%");
        }
    }

    // ====================================================================== the README

    @Nested
    class Readme {

        @Test
        void listen() {
            assertThat(example("readme-01-listen").server().listens()).singleElement()
                    .satisfies(l -> assertThat(l.port()).isEqualTo(80));
        }

        @Test
        void firstManagedDomain() {
            Configuration c = example("readme-02-first-md");
            ManagedDomain md = md(c, "mydomain.com");
            assertThat(md.get(MdSetting.CA_AGREEMENT)).isEqualTo("accepted");
            assertThat(serverNames(c, md)).containsExactly("mydomain.com");
            assertThat(warnings(c)).anyMatch(w -> w.startsWith("DocumentRoot [") && w.endsWith("does not exist"));
        }

        @Test
        void httpAndHttpsVirtualHosts() {
            Configuration c = example("readme-03-http-vhost");
            assertThat(serverNames(c, md(c, "mydomain.com"))).containsExactly("mydomain.com", "mydomain.com");
        }

        @Test
        void migratingFromStaticFiles() {
            placeholder("mycertificates/mydomain-certs.pem");
            placeholder("mycertificates/mydomain-key.pem");
            Configuration c = example("readme-04-migrate-static");
            assertThat(c.server().virtualHosts().get(0).tls().certificateFiles())
                    .containsExactly(dir.resolve("mycertificates/mydomain-certs.pem"));
            assertThat(serverNames(c, md(c, "mydomain.com"))).containsExactly("mydomain.com");
        }

        @Test
        void aliasNeedsTls() {
            // no SSLEngine in the snippet: the alias is not added (it is, once the host is TLS, below)
            Configuration c = example("readme-05-alias-www");
            assertThat(md(c, "mydomain.com").domains()).containsExactly("mydomain.com");
            assertThat(serverNames(c, md(c, "mydomain.com"))).containsExactly("mydomain.com");
        }

        @Test
        void domainNameAsAlias() {
            Configuration c = example("readme-06-alias-name-swapped");
            assertThat(md(c, "mydomain.com").domains()).containsExactly("mydomain.com", "www.mydomain.com");
        }

        @Test
        void moreAliases() {
            assertThat(md(example("readme-07-alias-forum"), "mydomain.com").domains())
                    .containsExactly("mydomain.com", "www.mydomain.com", "forum.mydomain.com");
        }

        @Test
        void twoNamesOneCertificate() {
            Configuration c = example("readme-08-two-names-one-md");
            ManagedDomain md = md(c, "mydomain.com");
            assertThat(md.domains()).containsExactly("mydomain.com", "another.org", "www.another.org");
            assertThat(serverNames(c, md)).containsExactly("mydomain.com", "another.org");
        }

        @Test
        void mailInTheSameDomain() {
            assertThat(md(example("readme-09-mail-in-md"), "mydomain.com").domains())
                    .containsExactly("mydomain.com", "mail.mydomain.com");
        }

        @Test
        void mailInItsOwnDomain() {
            Configuration c = example("readme-10-mail-own-md");
            assertThat(c.managedDomains()).extracting(ManagedDomain::name).containsExactly("mydomain.com", "mail.mydomain.com");
            assertThat(warnings(c)).anyMatch(w -> w.startsWith("No VirtualHost matches Managed Domain mail.mydomain.com"));
        }

        @Test
        void requireHttpsForOne() {
            Configuration c = example("readme-11-per-md-require-https");
            assertThat(md(c, "another.org").get(MdSetting.REQUIRE_HTTPS)).isEqualTo(RequireHttps.PERMANENT);
            assertThat(md(c, "mydomain.com").get(MdSetting.REQUIRE_HTTPS)).isEqualTo(RequireHttps.OFF);
            // none of the README's virtual hosts has SSLEngine on
            assertThat(warnings(c)).anyMatch(w -> w.startsWith("The Managed Domain another.org is configured to require https"));
        }

        @Test
        void staticFilesInVirtualHosts() {
            placeholder("ssl/my.cert");
            placeholder("ssl/my.key");
            Configuration c = example("readme-12-static-vhosts");
            assertThat(c.managedDomains()).isEmpty();
            assertThat(c.server().virtualHosts()).allSatisfy(v ->
                    assertThat(v.tls().keyFiles()).containsExactly(dir.resolve("ssl/my.key")));
        }

        @Test
        void staticFilesInDomain() {
            placeholder("ssl/my.cert");
            placeholder("ssl/my.key");
            Configuration c = example("readme-13-static-md");
            ManagedDomain md = md(c, "mydomain.com");
            assertThat(md.domains()).containsExactly("mydomain.com", "another.org");
            assertThat(md.get(MdSetting.CERTIFICATE_FILES)).containsExactly(dir.resolve("ssl/my.cert"));
            assertThat(serverNames(c, md)).containsExactly("mydomain.com", "another.org");
        }

        @Test
        void keyTypesPerDomain() {
            assertThat(md(example("readme-14-key-types"), "mydomain.com").get(MdSetting.PRIVATE_KEYS).format())
                    .isEqualTo("secp256r1 rsa3072");
        }

        @Test
        void eabGlobalAndPerDomain() {
            assertThat(md(example("readme-15-eab-global"), "example.org").get(MdSetting.EAB))
                    .contains(new ExternalAccountBinding("kid-1", HMAC));
            Configuration perMd = example("readme-16-eab-per-md");
            assertThat(md(perMd, "mydomain.com").get(MdSetting.EAB)).contains(new ExternalAccountBinding("kid-1", HMAC));
            assertThat(perMd.server().mdDefaults().isGiven(MdSetting.EAB)).isFalse();
        }

        @Test
        void tailscale() {
            Configuration c = example("readme-17-tailscale");
            ManagedDomain md = md(c, "my-raspberry.headless-chicken.ts.net");
            assertThat(md.get(MdSetting.CA_PROTOCOL)).isEqualTo("tailscale");
            assertThat(md.get(MdSetting.CA_URLS))
                    .containsExactly(URI.create("file://localhost/var/run/tailscale/tailscaled.sock"));
            assertThat(serverNames(c, md)).containsExactly("my-raspberry.headless-chicken.ts.net");
            assertThat(warnings(c)).contains("MDCertificateProtocol 'tailscale' is not supported; only ACME is,"
                    + " and managed domains using it will not be renewed");
        }

        @Test
        void misspelledDirectiveIsAnError() {
            assertThat(exampleErrors("readme-18-ca-typo")).containsExactly("Invalid command 'MDCertificateAuthoriy',"
                    + " perhaps misspelled or defined by a module not included in the server configuration");
            assertThat(exampleErrors("readme-22-staping-typo")).containsExactly("Invalid command 'SSLUseStaping',"
                    + " perhaps misspelled or defined by a module not included in the server configuration");
        }

        @Test
        void staplingWindows() {
            Configuration c = example("readme-19-stapling-windows");
            assertThat(md(c, "example.org").get(MdSetting.STAPLING)).isTrue();
            assertThat(c.server().global().get(GlobalSetting.STAPLING_RENEW_WINDOW).length()).contains(Duration.ofHours(6));
            assertThat(c.server().global().get(GlobalSetting.CHECK_INTERVAL)).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void profile() {
            ManagedDomain md = md(example("readme-20-profile"), "example.org");
            assertThat(md.get(MdSetting.PROFILE)).isEqualTo("tlsserver");
            assertThat(md.get(MdSetting.PROFILE_MANDATORY)).isTrue();
        }

        @Test
        void staplingEverything() {
            Configuration c = example("readme-21-stapling-all");
            assertThat(c.server().mdDefaults().get(MdSetting.STAPLING)).isTrue();
            assertThat(c.server().global().get(GlobalSetting.STAPLE_OTHERS)).isTrue();
            assertThat(c.server().mainServer().tls().useStapling()).contains(true);
        }

        @Test
        void sslStaplingPerVirtualHost() {
            Configuration c = example("readme-23-ssl-stapling-per-vhost");
            assertThat(c.server().virtualHosts()).extracting(v -> v.tls().useStapling())
                    .containsExactly(Optional.of(true), Optional.of(false));
        }

        @Test
        void mdStatus() {
            assertThat(example("readme-24-md-status").server().mainServer().sections().get(0).handler()).contains("md-status");
        }

        @Test
        void buypassUrl() {
            Configuration c = example("readme-25-buypass");
            assertThat(md(c, "example.org").get(MdSetting.CA_URLS)).containsExactly(URI.create("https://api.buypass.com/acme/directory"));
            assertThat(warnings(c)).anyMatch(w -> w.contains("Buypass closed its ACME service"));
        }

        @Test
        void convertingAnExistingHost() {
            placeholder("mycerts/your_domain.de/fullchain.pem");
            placeholder("mycerts/your_domain.de/privkey.pem");
            Configuration before = example("readme-26-before-md");
            assertThat(before.server().virtualHosts().get(0).serverName()).contains("www.your_domain.de");
            assertThat(before.server().virtualHosts().get(0).protocols()).containsExactly("h2", "http/1.1");
        }

        /**
         * The README's placeholder names contain '_', which no DNS host name may: mod_md refuses
         * them at start-up ("md ... with invalid domain name", md_dns_is_name), mdj while reading.
         * With '-' in place of '_' they mean what the README says.
         */
        @ParameterizedTest
        @ValueSource(strings = {"readme-27-after-md", "readme-28-three-domains", "readme-29-www-mail"})
        void underscoreNamesAreNoDomainNames(String name) {
            assertThat(exampleErrors(name)).singleElement().asString().isEqualTo("MDomain: 'your_domain.de' is not a"
                    + " valid domain name: label 'your_domain' may only contain letters, digits and '-'");
        }

        private Configuration hyphenated(String name) {
            return TestConfigs.read(dir, resource(name + ".conf").replace('_', '-'));
        }

        @Test
        void convertedHost() {
            Configuration after = hyphenated("readme-27-after-md");
            assertThat(md(after, "your-domain.de").domains()).containsExactly("your-domain.de", "www.your-domain.de");
            assertThat(after.server().virtualHosts().get(0).protocols()).contains("acme-tls/1");
        }

        @Test
        void threeDomainsOneCertificate() {
            Configuration c = hyphenated("readme-28-three-domains");
            ManagedDomain md = md(c, "your-domain.de");
            assertThat(md.domains()).containsExactly("your-domain.de", "your-other-domain.com", "even-more.org");
            assertThat(serverNames(c, md)).containsExactly("your-domain.de", "your-other-domain.com", "even-more.org");
        }

        @Test
        void wwwAndMail() {
            assertThat(md(hyphenated("readme-29-www-mail"), "your-domain.de").domains())
                    .containsExactly("your-domain.de", "www.your-domain.de", "mail.your-domain.de");
        }

        @Test
        void fromScratch() {
            TestConfigs.write(dir, "global-and-module-stuff.conf", "# empty\n");
            Configuration http = example("readme-30-http-only");
            assertThat(http.managedDomains()).isEmpty();
            assertThat(http.server().virtualHosts().get(0).documentRoot()).contains(dir.resolve("mydomain/htdocs"));
            Configuration both = example("readme-31-http-and-https");
            assertThat(both.server().listens()).extracting(l -> l.port()).containsExactly(80, 443);
            assertThat(serverNames(both, md(both, "www.mydomain.com"))).containsExactly("www.mydomain.com", "www.mydomain.com");
        }

        @Test
        void trailingCommentIsAnArgument() {
            // httpd has no trailing comments; mod_md refuses this line as well
            assertThat(exampleErrors("readme-32-portmap-trailing-comment")).singleElement().asString()
                    .startsWith("MDPortMap takes 1-2 arguments, ");
            Configuration fixed = TestConfigs.read(dir, "MDPortMap http:8888\n");
            assertThat(fixed.server().global().get(GlobalSetting.PORT_MAP).http()).isEqualTo(8888);
            Configuration off = TestConfigs.read(dir, "MDPortMap http:-\n");
            assertThat(off.server().global().get(GlobalSetting.PORT_MAP).httpReachable()).isFalse();
        }

        @Test
        void challengesPerDomain() {
            Configuration c = example("readme-33-challenges-per-md");
            assertThat(md(c, "abc.com").get(MdSetting.CA_CHALLENGES)).containsExactly("http-01");
            assertThat(md(c, "xyz.com").get(MdSetting.CA_CHALLENGES)).containsExactly("tls-alpn-01");
            assertThat(md(example("readme-34-challenges-order"), "abc.com").get(MdSetting.CA_CHALLENGES))
                    .containsExactly("tls-alpn-01", "http-01");
            Configuration global = example("readme-35-challenges-global");
            assertThat(global.managedDomains()).allSatisfy(md ->
                    assertThat(md.get(MdSetting.CA_CHALLENGES)).containsExactly("tls-alpn-01"));
        }

        @Test
        void stagingForOneDomain() {
            assertThat(md(example("readme-36-staging-per-md"), "test.mydomain.net").get(MdSetting.CA_URLS))
                    .containsExactly(LE_STAGING);
        }

        @ParameterizedTest
        @ValueSource(strings = {"readme-37-mdomainset", "readme-38-mdomain-section"})
        void domainSections(String name) {
            ManagedDomain md = md(example(name), "example.org");
            assertThat(md.domains()).containsExactly("example.org", "www.example.org");
            assertThat(md.get(MdSetting.RENEW_MODE)).isEqualTo(RenewMode.MANUAL);
            assertThat(md.get(MdSetting.CA_URLS)).containsExactly(URI.create("https://someotherca.com/ACME"));
        }

        @Test
        void caFailover() {
            assertThat(md(example("readme-39-ca-failover"), "example.org").get(MdSetting.CA_URLS))
                    .containsExactly(LETS_ENCRYPT, URI.create("https://api.buypass.com/acme/directory"));
        }

        @Test
        void staticFiles() {
            placeholder("ssl/mydomain.com.cert");
            placeholder("ssl/mydomain.com.pkey");
            ManagedDomain md = md(example("readme-40-static-files"), "mydomain.com");
            assertThat(md.get(MdSetting.CERTIFICATE_FILES)).containsExactly(dir.resolve("ssl/mydomain.com.cert"));
            assertThat(md.get(MdSetting.KEY_FILES)).containsExactly(dir.resolve("ssl/mydomain.com.pkey"));
        }

        @Test
        void matchNamesServernames() {
            // README: with servernames, another.mydomain.org is served by the wildcard MD, and
            // sub.mydomain.org by its own (the exact name beats the wildcard)
            Configuration c = example("readme-41-match-names");
            assertThat(serverNames(c, md(c, "mydomain.org"))).containsExactly("mydomain.org", "another.mydomain.org");
            assertThat(serverNames(c, md(c, "sub.mydomain.org"))).containsExactly("sub.mydomain.org");
        }

        @Test
        void messageCommandWithArguments() {
            assertThat(example("readme-42-message-cmd-args").server().global().get(GlobalSetting.MESSAGE_COMMAND))
                    .isEqualTo("/etc/apache/md-message fred");
        }

        @Test
        void privateKeysRsaAndCurve() {
            assertThat(md(example("readme-43-private-keys"), "example.org").get(MdSetting.PRIVATE_KEYS).format())
                    .isEqualTo("rsa2048 secp384r1");
        }

        @Test
        void renewModeAuto() {
            assertThat(md(example("readme-44-renew-mode"), "example.org").get(MdSetting.RENEW_MODE)).isEqualTo(RenewMode.AUTO);
        }

        @Test
        void renewWindows() {
            Configuration c = example("readme-45-renew-window");
            assertThat(md(c, "a.example.org").get(MdSetting.RENEW_WINDOW).length()).contains(Duration.ofDays(21));
            assertThat(md(c, "b.example.org").get(MdSetting.RENEW_WINDOW).length()).contains(Duration.ofSeconds(30));
            assertThat(md(c, "c.example.org").get(MdSetting.RENEW_WINDOW).format()).isEqualTo("10%");
        }

        @Test
        void requireHttps() {
            Configuration c = example("readme-46-require-https");
            assertThat(md(c, "xxx.yyy").get(MdSetting.REQUIRE_HTTPS)).isEqualTo(RequireHttps.PERMANENT);
            assertThat(md(c, "zzz.yyy").get(MdSetting.REQUIRE_HTTPS)).isEqualTo(RequireHttps.TEMPORARY);
        }

        @Test
        void eabFile() {
            TestConfigs.write(dir, "path/my-eab.json", "{\"kid\": \"kid-1\", \"hmac\": \"" + HMAC + "\"}\n");
            Configuration c = example("readme-47-eab-file");
            assertThat(md(c, "example.org").get(MdSetting.EAB)).contains(new ExternalAccountBinding("kid-1", HMAC));
            assertThat(ConfigDump.of(c).toString()).doesNotContain(HMAC);
        }

        @Test
        void storeDir() {
            assertThat(example("readme-48-store-dir").server().global().get(GlobalSetting.STORE_DIR))
                    .isEqualTo(Path.of("/path/to/where/you/want"));
        }

        /** One-line snippets of the README's text and directive reference. */
        @ParameterizedTest
        @ValueSource(strings = {
            "MDCertificateAgreement accepted",
            "MDRequireHttps temporary",
            "MDRequireHttps permanent",
            "LoadModule md_module modules/mod_md.so",
            "LogLevel md:info",
            "MDMessageCmd <path-to>/fix_le_pubcerts.sh <path-of-md-store>",
            "MDProfile tlsserver",
            "MDCertificateAuthority letsencrypt buypass",
        })
        void oneLiners(String line) {
            assertThat(TestConfigs.read(dir, line + "\nMDomain example.org\n").managedDomains()).hasSize(1);
        }
    }

    // ====================================================================== reference templates

    @Nested
    class ReferenceTemplates {

        private Path caFile;

        private Configuration render(String scenario) throws IOException {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            for (String script : List.of("message-cmd.sh", "notify-cmd.sh", "dns01-cmd.sh")) {
                Files.writeString(bin.resolve(script), "#!/bin/sh\nexit 0\n");
            }
            caFile = TestConfigs.write(dir, "acme/listener-ca.pem", "-----BEGIN CERTIFICATE-----\n");
            placeholder("static/static.example.org.cert.pem");
            placeholder("static/static.example.org.key.pem");
            String text = (resource("reference/httpd-base.conf.in") + resource("reference/" + scenario + ".conf.in"))
                    .replace("@SROOT@", dir.toString())
                    .replace("@CAFILE@", caFile.toString())
                    .replace("@BIN@", bin.toString())
                    .replace("@LOGLEVEL@", "info")
                    .replace("@REQUIRE_HTTPS@", "temporary")
                    .replace("@RENEW_WINDOW@", "91d");
            assertThat(text).doesNotContainPattern("@[A-Z_]+@");
            return TestConfigs.read(dir, text);
        }

        /** What httpd-base.conf.in gives every scenario. */
        private ManagedDomain checkBase(Configuration c, String name, String... domains) {
            ManagedDomain md = md(c, name);
            assertThat(md.domains()).containsExactly(domains);
            assertThat(md.get(MdSetting.CA_URLS)).containsExactly(URI.create("https://localhost:14000/dir"));
            assertThat(md.get(MdSetting.CA_CERTIFICATE_FILE)).contains(caFile);
            assertThat(md.get(MdSetting.CA_AGREEMENT)).isEqualTo("accepted");
            assertThat(md.get(MdSetting.CONTACT)).isEqualTo("mailto:admin@example.org");
            assertThat(c.serversOf(md)).hasSize(2);
            assertThat(c.server().listens()).extracting(l -> l.port()).containsExactly(5002, 5001);
            assertThat(c.server().mainServer().sections()).extracting(s -> s.handler().orElse("-"))
                    .containsExactly("-", "server-status", "md-status");
            assertThat(c.server().mainServer().serverAdmin()).contains("admin@example.org");
            assertThat(c.server().pidFile()).contains(dir.resolve("run/httpd.pid"));
            return md;
        }

        private String portMap(Configuration c) {
            return c.server().global().get(GlobalSetting.PORT_MAP).format();
        }

        @Test
        void basic() throws IOException {
            Configuration c = render("a-basic");
            checkBase(c, "test1.example.org", "test1.example.org", "www.test1.example.org");
            assertThat(portMap(c)).isEqualTo("http:5002 https:5001");
            assertThat(md(c, "test1.example.org").settings().find(MdSetting.CA_CHALLENGES)).isEmpty();
        }

        @Test
        void tlsAlpn() throws IOException {
            Configuration c = render("b-tlsalpn");
            ManagedDomain md = checkBase(c, "test1.example.org", "test1.example.org", "www.test1.example.org");
            assertThat(md.get(MdSetting.CA_CHALLENGES)).containsExactly("tls-alpn-01");
            assertThat(c.server().mainServer().protocols()).containsExactly("h2", "http/1.1", "acme-tls/1");
            assertThat(c.server().global().get(GlobalSetting.SERVER_STATUS)).isTrue();
            assertThat(c.server().global().get(GlobalSetting.MESSAGE_COMMAND)).isEqualTo(dir.resolve("bin/message-cmd.sh").toString());
        }

        @Test
        void keyTypes() throws IOException {
            Configuration c = render("c-keytypes");
            ManagedDomain md = checkBase(c, "test1.example.org", "test1.example.org", "www.test1.example.org");
            assertThat(md.get(MdSetting.PRIVATE_KEYS).format()).isEqualTo("secp256r1 rsa2048");
            assertThat(md.get(MdSetting.CA_CHALLENGES)).containsExactly("http-01");
        }

        @Test
        void requireHttps() throws IOException {
            Configuration c = render("d-requirehttps");
            ManagedDomain md = checkBase(c, "test1.example.org", "test1.example.org", "www.test1.example.org");
            assertThat(md.get(MdSetting.REQUIRE_HTTPS)).isEqualTo(RequireHttps.TEMPORARY);
            assertThat(warnings(c)).noneMatch(w -> w.contains("require https"));
        }

        @Test
        void events() throws IOException {
            Configuration c = render("e-events");
            ManagedDomain md = checkBase(c, "test1.example.org", "test1.example.org", "www.test1.example.org");
            assertThat(md.get(MdSetting.WARN_WINDOW).length()).contains(Duration.ofDays(91));
            assertThat(c.server().global().get(GlobalSetting.NOTIFY_COMMAND)).isEqualTo(dir.resolve("bin/notify-cmd.sh").toString());
            assertThat(c.server().global().get(GlobalSetting.MESSAGE_COMMAND)).isEqualTo(dir.resolve("bin/message-cmd.sh").toString());
        }

        @Test
        void dns01Wildcard() throws IOException {
            Configuration c = render("f-dns01");
            ManagedDomain md = checkBase(c, "wild.example.org", "wild.example.org", "*.wild.example.org");
            assertThat(md.get(MdSetting.CA_CHALLENGES)).containsExactly("dns-01");
            assertThat(md.get(MdSetting.DNS01_COMMAND)).isEqualTo(dir.resolve("bin/dns01-cmd.sh").toString());
        }

        @Test
        void staticFiles() throws IOException {
            Configuration c = render("g-static");
            ManagedDomain md = checkBase(c, "static.example.org", "static.example.org");
            assertThat(md.get(MdSetting.CERTIFICATE_FILES)).containsExactly(dir.resolve("static/static.example.org.cert.pem"));
            assertThat(md.get(MdSetting.KEY_FILES)).containsExactly(dir.resolve("static/static.example.org.key.pem"));
        }

        @ParameterizedTest
        @CsvSource(textBlock = """
                h0-portmap-explicit, test1.example.org,      http:- https:5001,    2s,  http-01
                h1-nochallenge,      test1.example.org,      http:- https:5001,    2s,
                h2-validationfail,   fail.example.org,       http:5002 https:5001, 2s,  http-01
                h3-rejected,         blocked-domain.example, http:5002 https:5001, 2s,  http-01
                h4-default-retry,    test1.example.org,      http:- https:5001,    30s,
                """)
        void errorScenarios(String scenario, String name, String portMap, String retryDelay, String challenge)
                throws IOException {
            Configuration c = render(scenario);
            ManagedDomain md = name.startsWith("test1")
                    ? checkBase(c, name, name, "www." + name)
                    : checkBase(c, name, name);
            assertThat(portMap(c)).isEqualTo(portMap);
            assertThat(dev.mdj.md.Durations.format(c.server().global().get(GlobalSetting.RETRY_DELAY))).isEqualTo(retryDelay);
            if (challenge == null) {
                assertThat(md.settings().find(MdSetting.CA_CHALLENGES)).isEmpty();
            } else {
                assertThat(md.get(MdSetting.CA_CHALLENGES)).containsExactly(challenge);
            }
        }

        @Test
        void renewWhileActive() throws IOException {
            Configuration c = render("i-renew-active");
            ManagedDomain md = checkBase(c, "test1.example.org", "test1.example.org", "www.test1.example.org");
            assertThat(md.get(MdSetting.RENEW_WINDOW).length()).contains(Duration.ofDays(91));
        }
    }
}
