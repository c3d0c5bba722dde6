package dev.mdj.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.md.ExternalAccountBinding;
import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.RenewMode;
import dev.mdj.md.RenewWindow;
import dev.mdj.md.RequireHttps;
import dev.mdj.md.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

class MdJsonTest {

    private static final String STAGING_A = "a-basic/2-renewed-staged/store/staging/test1.example.org/md.json";
    private static final String PEBBLE = "https://localhost:14000/dir";

    @TempDir
    Path dir;

    static String file(String path) {
        try {
            return Files.readString(StoreJsonRoundTripTest.root().resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MdJson parse(String text) {
        return MdJson.parse(JsonFiles.readObject(text));
    }

    @Test
    void readsTheStagingCopy() {
        MdJson md = parse(file(STAGING_A));
        assertThat(md.name()).isEqualTo("test1.example.org");
        assertThat(md.domains()).containsExactly("test1.example.org", "www.test1.example.org");
        assertThat(md.contacts()).containsExactly("mailto:admin@example.org");
        assertThat(md.transitive()).isEqualTo(1);
        assertThat(md.caAccount()).isEmpty();
        assertThat(md.caProto()).contains("ACME");
        assertThat(md.caUrl()).contains(PEBBLE);
        assertThat(md.caUrls()).containsExactly(PEBBLE);
        assertThat(md.caAgreement()).contains("accepted");
        assertThat(md.caChallenges()).isEmpty();
        assertThat(md.privkeyJson()).isEmpty();
        assertThat(md.state()).isEqualTo(MdState.INCOMPLETE);
        assertThat(md.stateDescr()).contains("certificate(rsa) is missing");
        assertThat(md.renewMode()).isEqualTo(RenewMode.AUTO);
        assertThat(md.renewWindow()).contains(RenewWindow.ofPercent(33));
        assertThat(md.warnWindow()).contains(RenewWindow.ofPercent(10));
        assertThat(md.requireHttps()).isEqualTo(RequireHttps.OFF);
        assertThat(md.acmeTls1()).isEmpty();
        assertThat(md.ariRenewals()).isTrue();
        assertThat(md.profileMandatory()).isFalse();
    }

    @Test
    void readsKeySpecs() {
        MdJson md = parse(file("c-keytypes/3-after-graceful/store/domains/test1.example.org/md.json"));
        assertThat(md.keySpecs()).contains(new KeySpecs(List.of(new KeySpec.Ec("secp256r1"), new KeySpec.Rsa(2048))));
        assertThat(md.caChallenges()).containsExactly("http-01");
        assertThat(md.caAccount()).contains("ACME-localhost-0000");
        assertThat(md.state()).isEqualTo(MdState.COMPLETE);
        assertThat(parse("{\"name\":\"a\",\"privkey\":{\"type\":\"Default\"}}").keySpecs()).contains(KeySpecs.DEFAULT);
        assertThat(parse("{\"name\":\"a\",\"privkey\":{\"type\":\"RSA\",\"bits\":4096}}").keySpecs())
                .contains(new KeySpecs(List.of(new KeySpec.Rsa(4096))));
    }

    @Test
    void activationChangesStateAccountAndUrl() {
        MdJson staged = parse(file(STAGING_A));
        MdJson active = parse(file("a-basic/3-after-graceful/store/archive/test1.example.org.1/md.json"))
                .withCaAccount("ACME-localhost-0000").withCaUrl(PEBBLE).withState(MdState.COMPLETE, null);
        assertThat(JsonFiles.write(active.toJson()))
                .isEqualTo(file("a-basic/3-after-graceful/store/domains/test1.example.org/md.json"));
        assertThat(JsonFiles.write(staged.withCaUrl(null).toJson()))
                .isEqualTo(file("a-basic/2-renewed-staged/store/domains/test1.example.org/md.json"));
    }

    @Test
    void keepsUnknownKeysAtTopLevelAndInCa() {
        ObjectNode json = JsonFiles.readObject(file(STAGING_A));
        ((ObjectNode) json.get("ca")).put("future-key", "x");
        json.put("future-top", 42);
        json.putObject("future-object").put("a", true);
        ((ObjectNode) json.get("proto")).putArray("h3").add("test1.example.org");

        MdJson md = MdJson.parse(json).withState(MdState.COMPLETE, null).withCaAccount("ACME-localhost-0000")
                .withDomains(List.of("test1.example.org", "www.test1.example.org", "new.example.org"));
        ObjectNode out = md.toJson();

        assertThat(out.get("future-top").asInt()).isEqualTo(42);
        assertThat(out.get("future-object").get("a").asBoolean()).isTrue();
        assertThat(out.get("ca").get("future-key").asString()).isEqualTo("x");
        assertThat(out.get("proto").get("h3").get(0).asString()).isEqualTo("test1.example.org");
        assertThat(out.get("ca").propertyNames())
                .containsExactly("account", "proto", "url", "urls", "agreement", "future-key");
        assertThat(out.get("state").asInt()).isEqualTo(2);
        assertThat(out.has("state-descr")).isFalse();
        assertThat(out.get("domains")).hasSize(3);
        assertThat(out.propertyNames()).startsWith("name", "domains", "contacts", "transitive", "ca", "state")
                .endsWith("ari-renewals", "future-top", "future-object");
        assertThat(MdJson.parse(out).toJson()).isEqualTo(out);
    }

    @Test
    void parsingDoesNotShareTheNode() {
        ObjectNode json = JsonFiles.readObject(file(STAGING_A));
        MdJson md = MdJson.parse(json);
        json.put("later", 1);
        ((ObjectNode) json.get("ca")).put("later", 1);
        assertThat(md.toJson().has("later")).isFalse();
        assertThat(md.toJson().get("ca").has("later")).isFalse();
    }

    @Test
    void readsOldFormats() {
        MdJson md = parse("""
                {"name": "old.example.org", "domains": ["old.example.org"],
                 "ca": {"proto": "ACME", "url": "https://acme.example/dir"},
                 "state": 3, "renew-window": 1209600}""");
        assertThat(md.caUrls()).containsExactly("https://acme.example/dir");
        assertThat(md.caUrl()).contains("https://acme.example/dir");
        assertThat(md.renewWindow()).isEmpty();
        assertThat(md.requireHttps()).isEqualTo(RequireHttps.OFF);
        assertThat(md.state()).isEqualTo(MdState.COMPLETE);
        ObjectNode out = md.toJson();
        assertThat(out.has("renew-window")).isFalse();
        assertThat(out.get("state").asInt()).isEqualTo(2);
        assertThat(out.has("require-https")).isFalse();
    }

    @Test
    void requireHttpsAndWindowsAsStrings() {
        MdJson md = parse("""
                {"name": "a", "require-https": "permanent", "renew-window": "14d", "warn-window": "6h"}""");
        assertThat(md.requireHttps()).isEqualTo(RequireHttps.PERMANENT);
        ObjectNode out = md.toJson();
        assertThat(out.get("require-https").asString()).isEqualTo("permanent");
        assertThat(out.get("renew-window").asString()).isEqualTo("14d");
        assertThat(out.get("warn-window").asString()).isEqualTo("6h");
        assertThat(out.propertyNames()).containsSubsequence("warn-window", "require-https", "must-staple");
    }

    @Test
    void eabIsStoredInClearButNeverShown() {
        MdJson md = parse("""
                {"name": "a", "eab": {"kid": "kid-1", "hmac": "c2VjcmV0LWhtYWMta2V5"}}""");
        assertThat(md.eab()).contains(new ExternalAccountBinding("kid-1", "c2VjcmV0LWhtYWMta2V5"));
        assertThat(md.toJson().get("eab").get("hmac").asString()).isEqualTo("c2VjcmV0LWhtYWMta2V5");
        assertThat(md.toString()).contains("kid-1").doesNotContain("c2VjcmV0LWhtYWMta2V5");
        assertThat(parse("{\"name\": \"a\", \"eab\": {\"kid\": \"none\"}}").eab()).isEmpty();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> parse("{\"domains\": []}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'name'");
        assertThatThrownBy(() -> parse("{\"name\": \"a\", \"renew-mode\": 7}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("renew-mode 7");
        assertThatThrownBy(() -> parse("{\"name\": \"a\", \"eab\": {\"kid\": \"k\"}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hmac");
    }

    // ------------------------------------------------------------------ from configuration

    private Configuration render(String scenario) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String script : List.of("message-cmd.sh", "notify-cmd.sh", "dns01-cmd.sh")) {
            Files.writeString(bin.resolve(script), "#!/bin/sh\nexit 0\n");
        }
        Path ca = dir.resolve("acme/listener-ca.pem");
        Files.createDirectories(ca.getParent());
        Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n");
        Files.createDirectories(dir.resolve("static"));
        Files.writeString(dir.resolve("static/static.example.org.cert.pem"), "placeholder\n");
        Files.writeString(dir.resolve("static/static.example.org.key.pem"), "placeholder\n");
        String text = (template("httpd-base.conf.in") + template(scenario + ".conf.in"))
                .replace("@SROOT@", dir.toString())
                .replace("@CAFILE@", ca.toString())
                .replace("@BIN@", bin.toString())
                .replace("@LOGLEVEL@", "info")
                .replace("@REQUIRE_HTTPS@", "temporary")
                .replace("@RENEW_WINDOW@", "91d");
        Path conf = dir.resolve("httpd.conf");
        Files.writeString(conf, text);
        return ConfigReader.read(conf, ParseOptions.defaults().withServerRoot(dir));
    }

    private static String template(String name) throws IOException {
        try (InputStream in = MdJsonTest.class.getResourceAsStream("/config/examples/reference/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** What mod_md wrote to staging, from the configuration: state and ca.url come from the run. */
    private void assertOfMatchesStaging(String scenario, String name, List<String> acmeTls, String captured)
            throws IOException {
        Configuration c = render(scenario);
        ManagedDomain md = c.managedDomain(name).orElseThrow();
        MdJson built = MdJson.of(md, c.server().mdDefaults(), acmeTls);
        assertThat(built.state()).isEqualTo(MdState.UNKNOWN);
        assertThat(built.caUrl()).isEmpty();
        MdJson expected = parse(file(captured).replace("$WORK/" + scenario, dir.toString()));
        MdJson asRun = built.withState(expected.state(), expected.stateDescr().orElse(null))
                .withCaUrl(expected.caUrl().orElse(null));
        assertThat(JsonFiles.write(asRun.toJson())).isEqualTo(JsonFiles.write(expected.toJson()));
    }

    @Test
    void ofConfiguredDomainIsTheStagingCopy() throws IOException {
        assertOfMatchesStaging("a-basic", "test1.example.org", List.of(), STAGING_A);
    }

    @Test
    void ofWithKeyTypesAndChallenges() throws IOException {
        assertOfMatchesStaging("c-keytypes", "test1.example.org", List.of(),
                "c-keytypes/2-renewed-staged/store/staging/test1.example.org/md.json");
    }

    @Test
    void ofWithAcmeTls1() throws IOException {
        assertOfMatchesStaging("b-tlsalpn", "test1.example.org",
                List.of("test1.example.org", "www.test1.example.org"),
                "b-tlsalpn/2-renewed-staged/store/staging/test1.example.org/md.json");
    }

    @Test
    void ofLeavesOutTheServerWideDns01Command() throws IOException {
        assertOfMatchesStaging("f-dns01", "wild.example.org", List.of(),
                "f-dns01/2-renewed-staged/store/staging/wild.example.org/md.json");
    }

    @Test
    void ofStaticFilesIsManual() throws IOException {
        assertOfMatchesStaging("g-static", "static.example.org", List.of(),
                "g-static/2-after-graceful/store/domains/static.example.org/md.json");
    }

    @Test
    void ofHandBuiltDomain() {
        Settings settings = Settings.empty()
                .with(MdSetting.CA_URLS, List.of(URI.create(PEBBLE)))
                .with(MdSetting.CA_AGREEMENT, "accepted")
                .with(MdSetting.CONTACT, "mailto:admin@example.org")
                .with(MdSetting.PRIVATE_KEYS, KeySpecs.DEFAULT)
                .with(MdSetting.REQUIRE_HTTPS, RequireHttps.TEMPORARY)
                .with(MdSetting.CA_CHALLENGES, List.of("http-01", "HTTP-01", "dns-01"))
                .with(MdSetting.DNS01_COMMAND, "/bin/dns")
                .with(MdSetting.EAB, Optional.of(new ExternalAccountBinding("kid-1", "c2VjcmV0")));
        ManagedDomain md = new ManagedDomain("a.example", List.of("a.example"), settings, "x:1");
        ObjectNode out = MdJson.of(md, List.of()).toJson();
        assertThat(out.get("privkey").toString()).isEqualTo("{\"type\":\"Default\"}");
        assertThat(out.get("require-https").asString()).isEqualTo("temporary");
        assertThat(out.get("ca").get("challenges").toString()).isEqualTo("[\"http-01\",\"dns-01\"]");
        assertThat(out.get("cmd-dns-01").asString()).isEqualTo("/bin/dns");
        assertThat(out.get("eab").toString()).isEqualTo("{\"kid\":\"kid-1\",\"hmac\":\"c2VjcmV0\"}");
        assertThat(out.propertyNames()).containsExactly("name", "domains", "contacts", "transitive", "ca",
                "privkey", "state", "renew-mode", "renew-window", "warn-window", "require-https",
                "must-staple", "proto", "stapling", "cmd-dns-01", "eab", "profile-mandatory", "ari-renewals");

        Settings defaults = Settings.empty().with(MdSetting.DNS01_COMMAND, "/bin/dns");
        assertThat(MdJson.of(md, defaults, List.of()).toJson().has("cmd-dns-01")).isFalse();
    }

    @Test
    void privkeyOnlyWhenGiven() {
        ManagedDomain md = new ManagedDomain("a.example", List.of("a.example"), Settings.empty(), "x:1");
        assertThat(MdJson.of(md, List.of()).toJson().has("privkey")).isFalse();
        ManagedDomain rsa = new ManagedDomain("a.example", List.of("a.example"),
                Settings.empty().with(MdSetting.PRIVATE_KEYS, new KeySpecs(List.of(new KeySpec.Rsa(3072)))), "x:1");
        assertThat(MdJson.of(rsa, List.of()).toJson().get("privkey").toString())
                .isEqualTo("{\"type\":\"RSA\",\"bits\":3072}");
    }
}
