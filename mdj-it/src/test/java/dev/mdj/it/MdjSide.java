package dev.mdj.it;

import dev.mdj.testing.Pem;
import dev.mdj.testing.Processes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The mdj side of the interop tests: what mdj's store makes of a store mod_md wrote, and how
 * mdj stages a certificate set for mod_md to activate.
 *
 * <p>INTERIM: until {@code dev.mdj.store.FileStore} is in main, staging is written here by
 * hand (JSON as in reference/captured/a-basic/2-renewed-staged, keys encrypted with
 * {@code openssl pkcs8 -v2 aes-256-cbc -v2prf hmacWithSHA256} under a store key chosen without
 * NUL/CR/LF bytes so that openssl can read it as a pass phrase file), and the mdj-side reads
 * are pending.
 */
final class MdjSide {

    private MdjSide() {
    }

    static void readsModMdStore(Path store, String md, List<String> names, X509Certificate served) {
        // pending: FileStore
    }

    /** What mdj staged, for the assertions after mod_md activated it. */
    record Staged(PrivateKey certificateKey, List<X509Certificate> chain, PrivateKey accountKey) {
    }

    static void stage(Path store, String md, List<String> names, String caUrl, PrivateKey certificateKey,
            List<X509Certificate> chain, PrivateKey accountKey) throws IOException {
        Files.createDirectories(store);
        Files.setPosixFilePermissions(store, PosixFilePermissions.fromString("rwxr-xr-x"));
        byte[] secret = storeSecret();
        write(store.resolve("md_store.json"), """
                {
                  "store": {
                    "version": 3.0
                  },
                  "key": "%s"
                }""".formatted(Base64.getUrlEncoder().withoutPadding().encodeToString(secret)), "rw-------");
        Path staging = store.resolve("staging").resolve(md);
        Files.createDirectories(staging);
        Files.setPosixFilePermissions(store.resolve("staging"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        write(staging.resolve("md.json"), mdJson(md, names, caUrl), "rw-r--r--");
        write(staging.resolve("job.json"), jobJson(md), "rw-r--r--");
        write(staging.resolve("account.json"), accountJson(caUrl), "rw-r--r--");
        write(staging.resolve("privkey.pem"), encrypt(certificateKey, secret, store), "rw-r--r--");
        write(staging.resolve("account.pem"), encrypt(accountKey, secret, store), "rw-r--r--");
        write(staging.resolve("pubcert.pem"), Pem.encode(chain), "rw-r--r--");
    }

    /** Reads back an (encrypted) key from the store the way mdj would. Pending: FileStore. */
    static void accountKeyStillReadable(Path store, String accountId, PrivateKey expected) {
        // pending: FileStore
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

    /** 48 random bytes without NUL, CR or LF (openssl reads a pass phrase file as one line). */
    private static byte[] storeSecret() {
        SecureRandom random = new SecureRandom();
        byte[] b = new byte[48];
        for (int i = 0; i < b.length; i++) {
            do {
                b[i] = (byte) random.nextInt(256);
            } while (b[i] == 0 || b[i] == '\n' || b[i] == '\r');
        }
        return b;
    }

    private static String encrypt(PrivateKey key, byte[] secret, Path scratch) throws IOException {
        Path pass = Files.createTempFile("mdj-pass", ".bin");
        Path plain = Files.createTempFile("mdj-key", ".pem");
        try {
            Files.write(pass, secret);
            Files.writeString(plain, Pem.block("PRIVATE KEY", key.getEncoded()));
            return Processes.run(List.of("openssl", "pkcs8", "-topk8", "-in", plain.toString(),
                    "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA256", "-passout", "file:" + pass),
                    Map.of(), null, Duration.ofSeconds(30)).orThrow().output();
        } finally {
            Files.deleteIfExists(pass);
            Files.deleteIfExists(plain);
        }
    }

    private static void write(Path file, String text, String mode) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }
}
