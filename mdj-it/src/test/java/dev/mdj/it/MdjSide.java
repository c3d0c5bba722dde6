package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.PrivateKeyPem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The mdj side of the interop tests, through mdj's {@link FileStore}: what it makes of a store
 * mod_md wrote, and how mdj stages a certificate set for mod_md to activate. The JSON is written
 * by hand as in reference/captured/a-basic/2-renewed-staged (until the typed store.json classes
 * are in main).
 */
final class MdjSide {

    static final KeySpec RSA = KeySpecs.DEFAULT.specs().get(0);
    static final String ACCOUNT = "ACME-localhost-0000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    }

    static void stage(Path store, String md, List<String> names, String caUrl, PrivateKey certificateKey,
            List<X509Certificate> chain, PrivateKey accountKey) throws IOException {
        FileStore fs = FileStore.open(store);
        assertThat(store.resolve("md_store.json")).isRegularFile();
        fs.save(StoreGroup.STAGING, md, Aspect.MD_JSON, json(mdJson(md, names, caUrl)));
        fs.save(StoreGroup.STAGING, md, Aspect.JOB_JSON, json(jobJson(md)));
        fs.save(StoreGroup.STAGING, md, Aspect.ACCOUNT_JSON, json(accountJson(caUrl)));
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

    private static ObjectNode json(String text) {
        return (ObjectNode) JSON.readTree(text);
    }

    static String mdJson(String md, List<String> names, String caUrl) {
        return """
                {
                  "name": "%s",
                  "domains": [
                %s
                  ],
                  "contacts": [
                    "mailto:admin@example.org"
                  ],
                  "transitive": 1,
                  "ca": {
                    "proto": "ACME",
                    "url": "%s",
                    "urls": [
                      "%s"
                    ],
                    "agreement": "accepted"
                  },
                  "state": 1,
                  "state-descr": "certificate(rsa) is missing",
                  "renew-mode": 1,
                  "renew-window": "33%%",
                  "warn-window": "10%%",
                  "must-staple": false,
                  "proto": {
                    "acme-tls/1": []
                  },
                  "stapling": false,
                  "profile-mandatory": false,
                  "ari-renewals": true
                }""".formatted(md, String.join(",\n", names.stream().map(n -> "    \"" + n + "\"").toList()),
                caUrl, caUrl);
    }

    static String jobJson(String md) {
        String now = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME
                .format(java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC)).replace("+0000", "GMT");
        return """
                {
                  "name": "%s",
                  "finished": true,
                  "notified": true,
                  "notified-renewed": true,
                  "last-run": "%s",
                  "valid-from": "%s",
                  "errors": 0,
                  "last": {
                    "status": 0,
                    "valid-from": "%s"
                  },
                  "log": {
                    "entries": [
                      {
                        "when": "%s",
                        "type": "finished"
                      }
                    ]
                  }
                }""".formatted(md, now, now, now, now);
    }

    static String accountJson(String caUrl) {
        String base = caUrl.replaceFirst("/dir$", "");
        return """
                {
                  "status": "valid",
                  "url": "%s/my-account/mdj0000000000001",
                  "ca-url": "%s",
                  "contact": [
                    "mailto:admin@example.org"
                  ],
                  "orders": "%s/list-orderz/mdj0000000000001"
                }""".formatted(base, caUrl, base);
    }
}
