package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.testing.FakeDriver;
import dev.mdj.testing.MemoryStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** The registry bringing the store in line with the configuration at start. */
class RegistryTest {

    @TempDir
    Path dir;

    private final MemoryStore store = new MemoryStore();

    private Registry registry(String config) throws IOException {
        Path file = Files.writeString(dir.resolve("httpd.conf"), config);
        Configuration c = ConfigReader.read(file, ParseOptions.defaults().withServerRoot(dir));
        return new Registry(store, c);
    }

    private MdJson md(String name) {
        return MdJson.parse(store.load(StoreGroup.DOMAINS, name, Aspect.MD_JSON).orElseThrow());
    }

    @Test
    void writesMdJsonForEveryConfiguredDomainWithItsState() throws IOException {
        registry("MDomain example.org www.example.org\nMDRenewWindow 21d\n").sync();

        MdJson md = md("example.org");
        assertThat(md.domains()).containsExactly("example.org", "www.example.org");
        assertThat(md.state()).isEqualTo(MdState.INCOMPLETE);
        assertThat(md.stateDescr()).contains("certificate(rsa) is missing");
        assertThat(md.renewWindow().orElseThrow().format()).isEqualTo("21d");
    }

    @Test
    void anMdRenamedInTheConfigurationTakesItsStoreEntriesAlong() throws IOException {
        registry("MDomain old.example.org www.example.org\n").sync();
        store.save(StoreGroup.STAGING, "old.example.org", Aspect.JOB_JSON, JsonFiles.readObject("{\"name\": \"old.example.org\"}"));

        registry("MDomain www.example.org old.example.org\n").sync();

        assertThat(store.names(StoreGroup.DOMAINS)).containsExactly("www.example.org");
        assertThat(store.names(StoreGroup.STAGING)).containsExactly("www.example.org");
        assertThat(md("www.example.org").domains()).containsExactly("www.example.org", "old.example.org");
    }

    @Test
    void aStagedRenewalForOtherNamesIsDropped() throws IOException {
        registry("MDomain example.org\n").sync();
        store.save(StoreGroup.STAGING, "example.org", Aspect.MD_JSON, md("example.org").toJson());

        registry("MDomain example.org www.example.org\n").sync();

        assertThat(store.names(StoreGroup.STAGING)).isEmpty();
    }

    @Test
    void keysMdjDoesNotKnowAndTheAccountSurviveARewrite() throws IOException {
        registry("MDCertificateAuthority https://ca.example/dir\nMDomain example.org\n").sync();
        ObjectNode stored = md("example.org").withCaUrl("https://ca.example/dir").withCaAccount("ACME-ca.example-0000").toJson();
        stored.put("future-key", "kept");
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON, stored);

        registry("MDCertificateAuthority https://ca.example/dir\nMDRenewWindow 10d\nMDomain example.org\n").sync();

        ObjectNode json = store.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow();
        assertThat(json.get("future-key").asString()).isEqualTo("kept");
        assertThat(json.get("renew-window").asString()).isEqualTo("10d");
        assertThat(md("example.org").caAccount()).contains("ACME-ca.example-0000");
    }

    @Test
    void aCompleteSetIsAssessedComplete() throws IOException {
        Registry registry = registry("MDomain example.org\n");
        KeyPair pair = KeyPairs.generate(new KeySpec.Rsa(2048));
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.certificateChain(new KeySpec.Rsa(2048)),
                List.of(FakeDriver.certificate(pair, List.of("example.org"), Instant.now(), Duration.ofDays(90))));

        registry.sync();

        assertThat(md("example.org").state()).isEqualTo(MdState.COMPLETE);
        assertThat(md("example.org").stateDescr()).isEmpty();
    }
}
