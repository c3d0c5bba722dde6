package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.md.ManagedDomain;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.AccountJson;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.store.json.JobResult;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.PrivateKeyPem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mdj side of the interop tests, through mdj's {@link FileStore}: what it makes of a store
 * mod_md wrote, and how mdj stages a certificate set for mod_md to activate. The JSON is written
 * by mdj's typed store classes, from a configuration, as the renewal driver will.
 */
final class MdjSide {

    static final KeySpec RSA = KeySpecs.DEFAULT.specs().get(0);
    static final String ACCOUNT = "ACME-localhost-0000";

    private MdjSide() {
    }

    static void readsModMdStore(Path store, String md, List<String> names, X509Certificate served) {
        FileStore fs = FileStore.open(store);
        assertThat(fs.names(StoreGroup.DOMAINS)).as("names(DOMAINS)").containsExactly(md);
        ObjectNode mdJson = fs.load(StoreGroup.DOMAINS, md, Aspect.MD_JSON).orElseThrow();
        assertThat(mdJson.get("domains").valueStream().map(n -> n.asString()).toList())
                .as("domains/%s/md.json domains", md).containsExactlyElementsOf(names);

        assertThat(fs.names(StoreGroup.ACCOUNTS)).as("names(ACCOUNTS)").containsExactly(ACCOUNT);
        ObjectNode account = fs.load(StoreGroup.ACCOUNTS, ACCOUNT, Aspect.ACCOUNT_JSON).orElseThrow();
        assertThat(account.has("url")).as("account.json has url: %s", account).isTrue();
        PrivateKey accountKey = fs.load(StoreGroup.ACCOUNTS, ACCOUNT, Aspect.ACCOUNT_KEY).orElseThrow();
        assertThat(accountKey).isInstanceOf(RSAPrivateCrtKey.class);
        assertThat(((RSAPrivateCrtKey) accountKey).getModulus().bitLength()).as("account key bits").isEqualTo(3072);

        PrivateKey key = fs.load(StoreGroup.DOMAINS, md, Aspect.privateKey(RSA)).orElseThrow();
        List<X509Certificate> chain = fs.load(StoreGroup.DOMAINS, md, Aspect.certificateChain(RSA)).orElseThrow();
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0)).isEqualTo(served);
        assertThat(KeyPairs.matches(key, chain.get(0))).as("domains/%s/privkey.pem matches pubcert.pem", md).isTrue();
        assertThat(fs.names(StoreGroup.ARCHIVE)).as("names(ARCHIVE)").contains(md + ".1");
        verifiesWithTheCli(store);
    }

    /** {@code mdj store verify} passes on the store: the real command, from the built jar. */
    static void verifiesWithTheCli(Path store) {
        String result = MdjJar.run("store", "verify", "--store", store.toString());
        assertThat(result).as("mdj store verify").startsWith("0\nstore OK: 1 managed domain");
    }

    static void stage(Path store, String md, List<String> names, String caUrl, PrivateKey certificateKey,
            List<X509Certificate> chain, PrivateKey accountKey) throws IOException {
        FileStore fs = FileStore.open(store);
        assertThat(store.resolve("md_store.json")).isRegularFile();
        fs.save(StoreGroup.STAGING, md, Aspect.MD_JSON, mdJson(store.getParent(), md, names, caUrl));
        fs.save(StoreGroup.STAGING, md, Aspect.JOB_JSON, jobJson(md));
        fs.save(StoreGroup.STAGING, md, Aspect.ACCOUNT_JSON, accountJson(caUrl));
        fs.save(StoreGroup.STAGING, md, Aspect.ACCOUNT_KEY, accountKey);
        fs.save(StoreGroup.STAGING, md, Aspect.privateKey(RSA), certificateKey);
        fs.save(StoreGroup.STAGING, md, Aspect.certificateChain(RSA), chain);
        assertThat(PrivateKeyPem.isEncrypted(Files.readString(
                fs.pathOf(StoreGroup.STAGING, md, Aspect.privateKey(RSA)))))
                .as("FileStore encrypts keys in staging").isTrue();
    }

    /** The account key mod_md moved to accounts/ still decrypts with the store key. */
    static void accountKeyStillReadable(Path store, String accountId, PrivateKey expected) throws IOException {
        FileStore fs = FileStore.open(store);
        String pem = Files.readString(fs.pathOf(StoreGroup.ACCOUNTS, accountId, Aspect.ACCOUNT_KEY));
        assertThat(PrivateKeyPem.isEncrypted(pem)).as("accounts/%s/account.pem is encrypted", accountId).isTrue();
        assertThat(fs.load(StoreGroup.ACCOUNTS, accountId, Aspect.ACCOUNT_KEY)).contains(expected);
    }

    /**
     * md.json as mdj writes it for a configured managed domain: read from a configuration, then
     * {@link MdJson#of}, with the CA the renewal used.
     */
    private static ObjectNode mdJson(Path dir, String md, List<String> names, String caUrl) throws IOException {
        Path conf = Files.writeString(dir.resolve("mdj-stage.conf"), String.join("\n",
                "MDCertificateAuthority " + caUrl,
                "MDCertificateAgreement accepted",
                "MDContactEmail admin@example.org",
                "MDomain " + String.join(" ", names), ""));
        Configuration config = ConfigReader.read(conf, ParseOptions.defaults().withServerRoot(dir));
        ManagedDomain domain = config.managedDomain(md).orElseThrow();
        return MdJson.of(domain, config.server().mdDefaults(), List.of())
                .withState(MdState.INCOMPLETE, "certificate(rsa) is missing")
                .withCaUrl(caUrl).toJson();
    }

    /** job.json of a finished renewal, as the driver leaves it in staging. */
    private static ObjectNode jobJson(String md) {
        Instant now = Instant.now();
        return JobJson.of(md).withFinished(true).withNotified(true).withNotifiedRenewed(true)
                .withLastRun(now).withValidFrom(now)
                .withLast(JobResult.of(0, null, null, null, null, now, null))
                .withLogEntry(JobLogEntry.of(now, "finished", null, null)).toJson();
    }

    /** account.json of an account registered during the renewal. */
    private static ObjectNode accountJson(String caUrl) {
        String base = caUrl.replaceFirst("/dir$", "");
        return AccountJson.of("valid", base + "/my-account/mdj0000000000001", caUrl,
                List.of("mailto:admin@example.org")).withOrders(base + "/list-orderz/mdj0000000000001").toJson();
    }
}
