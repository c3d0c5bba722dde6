package dev.mdj.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.md.KeySpec;
import dev.mdj.store.json.AccountJson;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.store.pem.KeyPairs;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** staging → tmp → domains with archive, as mod_md activates at a restart. */
class StagingActivationTest {

    private static final String MD = "example.org";
    private static final String CA = "https://localhost:14000/dir";
    private static final KeySpec RSA = new KeySpec.Rsa(2048);

    @TempDir
    Path dir;

    private FileStore store;
    private StagingActivation activation;

    @BeforeEach
    void open() {
        store = FileStore.open(dir);
        activation = new StagingActivation(store);
    }

    static MdJson stagedMd() {
        ObjectNode json = JsonFiles.readObject("""
                {"name": "example.org", "domains": ["example.org", "www.example.org"],
                 "contacts": ["mailto:admin@example.org"], "transitive": 1,
                 "ca": {"proto": "ACME", "url": "%s", "urls": ["%s"], "agreement": "accepted"},
                 "state": 1, "state-descr": "certificate(rsa) is missing", "renew-mode": 1,
                 "renew-window": "33%%", "warn-window": "10%%", "must-staple": false,
                 "proto": {"acme-tls/1": []}, "stapling": false, "profile-mandatory": false,
                 "ari-renewals": true}""".formatted(CA, CA));
        return MdJson.parse(json);
    }

    private KeyPair stage(MdJson md) throws Exception {
        return stage(store, md);
    }

    /** Stages {@code md} with a fresh RSA key and a matching certificate, as a renewal leaves it. */
    static KeyPair stage(Store store, MdJson md) throws Exception {
        KeyPair pair = KeyPairs.generate(RSA);
        store.save(StoreGroup.STAGING, md.name(), Aspect.MD_JSON, md.toJson());
        store.save(StoreGroup.STAGING, md.name(), Aspect.JOB_JSON, JobJson.of(md.name()).withFinished(true).toJson());
        store.save(StoreGroup.STAGING, md.name(), Aspect.privateKey(RSA), pair.getPrivate());
        store.save(StoreGroup.STAGING, md.name(), Aspect.certificateChain(RSA),
                List.of(TestCertificates.selfSigned(pair)));
        return pair;
    }

    private void stageAccount(String url) throws Exception {
        store.save(StoreGroup.STAGING, MD, Aspect.ACCOUNT_JSON,
                AccountJson.of("valid", url, CA, List.of("mailto:admin@example.org")).toJson());
        store.save(StoreGroup.STAGING, MD, Aspect.ACCOUNT_KEY, KeyPairs.generate(new KeySpec.Rsa(3072)).getPrivate());
    }

    @Test
    void nothingStagedChangesNothing() {
        assertThat(activation.activate(MD)).isEqualTo(StagingActivation.Outcome.NOTHING_STAGED);
        assertThat(store.names(StoreGroup.DOMAINS)).isEmpty();
    }

    @Test
    void aStagedSetBecomesLiveWithItsNewAccountAndThePreviousSetIsArchived() throws Exception {
        store.save(StoreGroup.DOMAINS, MD, Aspect.MD_JSON, stagedMd().toJson());
        KeyPair pair = stage(stagedMd());
        stageAccount("https://localhost:14000/my-account/1");

        assertThat(activation.activate(MD)).isEqualTo(StagingActivation.Outcome.ACTIVATED);

        MdJson live = MdJson.parse(store.load(StoreGroup.DOMAINS, MD, Aspect.MD_JSON).orElseThrow());
        assertThat(live.state()).isEqualTo(MdState.COMPLETE);
        assertThat(live.stateDescr()).isEmpty();
        assertThat(live.caAccount()).contains("ACME-localhost-0000");
        assertThat(store.load(StoreGroup.DOMAINS, MD, Aspect.privateKey(RSA))).contains(pair.getPrivate());
        assertThat(store.fileNames(StoreGroup.DOMAINS, MD))
                .containsExactly("job.json", "md.json", "privkey.pem", "pubcert.pem");
        assertThat(store.names(StoreGroup.ARCHIVE)).containsExactly(MD + ".1");
        assertThat(store.names(StoreGroup.STAGING)).isEmpty();
        assertThat(store.names(StoreGroup.TMP)).isEmpty();
        assertThat(store.fileNames(StoreGroup.ACCOUNTS, "ACME-localhost-0000"))
                .containsExactly("account.json", "account.pem");
        assertThat(store.load(StoreGroup.ACCOUNTS, "ACME-localhost-0000", Aspect.ACCOUNT_JSON).orElseThrow()
                .has("registration")).isFalse();
    }

    @Test
    void withoutAStagedAccountTheMatchingStoredOneIsUsed() throws Exception {
        new StoredAccounts(store).add(AccountJson.of("valid", "https://other.example/acct/9",
                "https://other.example/dir", List.of()), KeyPairs.generate(new KeySpec.Rsa(3072)).getPrivate());
        String id = new StoredAccounts(store).add(AccountJson.of("valid", "https://localhost:14000/my-account/2",
                CA, List.of()), KeyPairs.generate(new KeySpec.Rsa(3072)).getPrivate());
        stage(stagedMd());

        activation.activate(MD);

        assertThat(id).isEqualTo("ACME-localhost-0000");
        assertThat(MdJson.parse(store.load(StoreGroup.DOMAINS, MD, Aspect.MD_JSON).orElseThrow()).caAccount())
                .contains(id);
    }

    @Test
    void aKeyThatDoesNotMatchItsCertificatePurgesTheStagedSetAndLeavesTheLiveOneAlone() throws Exception {
        store.save(StoreGroup.DOMAINS, MD, Aspect.MD_JSON, stagedMd().toJson());
        stage(stagedMd());
        store.save(StoreGroup.STAGING, MD, Aspect.privateKey(RSA), KeyPairs.generate(RSA).getPrivate());

        assertThatThrownBy(() -> activation.activate(MD)).isInstanceOf(StoreException.class)
                .hasMessage("error loading the staged set of example.org, purged it: privkey.pem does"
                        + " not match pubcert.pem");
        assertThat(store.names(StoreGroup.STAGING)).isEmpty();
        assertThat(store.fileNames(StoreGroup.DOMAINS, MD)).containsExactly("md.json");
        assertThat(store.names(StoreGroup.ARCHIVE)).isEmpty();
    }

    @Test
    void aStagedSetWithoutCaUrlIsARenewalStillInProgressAndStays() throws Exception {
        ObjectNode md = stagedMd().toJson();
        ((ObjectNode) md.get("ca")).remove("url");
        stage(MdJson.parse(md));

        assertThat(activation.activate(MD)).isEqualTo(StagingActivation.Outcome.NOTHING_STAGED);
        assertThat(store.names(StoreGroup.STAGING)).containsExactly(MD);
    }

    @Test
    void aStagedSetStillWaitingForItsCertificateStaysForTheNextRunToResume() throws Exception {
        stage(stagedMd());
        store.remove(StoreGroup.STAGING, MD, Aspect.certificateChain(RSA));
        store.save(StoreGroup.STAGING, MD, Aspect.ORDER_JSON, JsonFiles.readObject("{\"url\": \"https://ca/order/1\"}"));

        assertThat(activation.activate(MD)).isEqualTo(StagingActivation.Outcome.NOTHING_STAGED);
        assertThat(store.fileNames(StoreGroup.STAGING, MD)).contains("order.json", "privkey.pem", "md.json");
    }
}
