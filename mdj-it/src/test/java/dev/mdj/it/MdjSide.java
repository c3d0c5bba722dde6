package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.store.StoreSecret;
import dev.mdj.store.pem.CertificatePem;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.PrivateKeyPem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.List;

/**
 * The mdj side of the interop tests: what mdj's store makes of a store mod_md wrote, and how
 * mdj stages a certificate set for mod_md to activate.
 *
 * <p>INTERIM until {@code dev.mdj.store.FileStore} is in main: files are read and written
 * with mdj's store codecs ({@link StoreSecret}, {@link PrivateKeyPem}, {@link CertificatePem})
 * at paths spelled out here, and JSON is written by hand as in
 * reference/captured/a-basic/2-renewed-staged. Once FileStore lands, the same steps go through
 * {@code FileStore.open(store)} with {@code save/load(group, name, Aspect...)} and
 * {@code names(group)}.
 */
final class MdjSide {

    private MdjSide() {
    }

    static void readsModMdStore(Path store, String md, List<String> names, X509Certificate served)
            throws IOException {
        StoreSecret secret = StoreSecret.parse(Files.readString(store.resolve("md_store.json")));
        assertThat(list(store.resolve("domains"))).as("domains/").containsExactly(md);
        String mdJson = Files.readString(store.resolve("domains").resolve(md).resolve("md.json"));
        for (String name : names) {
            assertThat(mdJson).as("domains/%s/md.json", md).contains("\"" + name + "\"");
        }
        assertThat(list(store.resolve("accounts"))).as("accounts/").containsExactly("ACME-localhost-0000");
        Path account = store.resolve("accounts/ACME-localhost-0000");
        assertThat(Files.readString(account.resolve("account.json"))).contains("\"url\"").contains("\"ca-url\"");
        String accountPem = Files.readString(account.resolve("account.pem"));
        assertThat(PrivateKeyPem.isEncrypted(accountPem)).as("account.pem is encrypted").isTrue();
        PrivateKey accountKey = PrivateKeyPem.decode(accountPem, secret.passphrase());
        assertThat(accountKey).isInstanceOf(RSAPrivateCrtKey.class);
        assertThat(((RSAPrivateCrtKey) accountKey).getModulus().bitLength()).as("account key bits").isEqualTo(3072);

        Path domain = store.resolve("domains").resolve(md);
        PrivateKey key = PrivateKeyPem.decode(Files.readString(domain.resolve("privkey.pem")), null);
        List<X509Certificate> chain = CertificatePem.decodeChain(Files.readString(domain.resolve("pubcert.pem")));
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0)).isEqualTo(served);
        assertThat(KeyPairs.matches(key, chain.get(0))).as("domains/%s/privkey.pem matches pubcert.pem", md).isTrue();
        assertThat(store.resolve("archive").resolve(md + ".1")).isDirectory();
    }

    /** What mdj staged, for the assertions after mod_md activated it. */
    record Staged(PrivateKey certificateKey, List<X509Certificate> chain, PrivateKey accountKey) {
    }

    static void stage(Path store, String md, List<String> names, String caUrl, PrivateKey certificateKey,
            List<X509Certificate> chain, PrivateKey accountKey) throws IOException {
        Files.createDirectories(store);
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
        StoreSecret storeSecret = StoreSecret.generate(new SecureRandom());
        byte[] secret = storeSecret.passphrase();
        write(store.resolve("md_store.json"), storeSecret.toJson(), "rw-------");
        Path staging = store.resolve("staging").resolve(md);
        Files.createDirectories(staging);
        Files.setPosixFilePermissions(store.resolve("staging"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        write(staging.resolve("md.json"), mdJson(md, names, caUrl), "rw-r--r--");
        write(staging.resolve("job.json"), jobJson(md), "rw-r--r--");
        write(staging.resolve("account.json"), accountJson(caUrl), "rw-r--r--");
        write(staging.resolve("privkey.pem"), PrivateKeyPem.encodeEncrypted(certificateKey, secret), "rw-r--r--");
        write(staging.resolve("account.pem"), PrivateKeyPem.encodeEncrypted(accountKey, secret), "rw-r--r--");
        write(staging.resolve("pubcert.pem"), CertificatePem.encodeChain(chain), "rw-r--r--");
    }

    /** The account key mod_md moved to accounts/ still decrypts with the store key. */
    static void accountKeyStillReadable(Path store, String accountId, PrivateKey expected) throws IOException {
        StoreSecret secret = StoreSecret.parse(Files.readString(store.resolve("md_store.json")));
        String pem = Files.readString(store.resolve("accounts").resolve(accountId).resolve("account.pem"));
        assertThat(PrivateKeyPem.isEncrypted(pem)).as("accounts/%s/account.pem is encrypted", accountId).isTrue();
        assertThat(PrivateKeyPem.decode(pem, secret.passphrase())).isEqualTo(expected);
    }

    private static List<String> list(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
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

    private static void write(Path file, String text, String mode) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }
}
