package dev.mdj.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.md.KeySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The file store against a real directory: layout, permissions, encryption, atomicity. */
class FileStoreTest {

    private static final KeySpec RSA = new KeySpec.Rsa(2048);
    private static final KeySpec P256 = new KeySpec.Ec("secp256r1");

    @TempDir
    Path dir;

    private static ObjectNode json(String text) {
        return (ObjectNode) JsonMapper.builder().build().readTree(text);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static PrivateKey ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPrivate();
    }

    @Test
    void aNewStoreGetsAPrivateMdStoreJsonWithAFreshKey() throws IOException {
        Path root = dir.resolve("md");
        FileStore.open(root);

        Path storeJson = root.resolve("md_store.json");
        assertThat(mode(root)).isEqualTo("rwxr-xr-x");
        assertThat(mode(storeJson)).isEqualTo("rw-------");
        assertThat(Files.readString(storeJson)).contains("\"version\": 3.0").contains("\"key\": ");
        String first = Files.readString(storeJson);
        FileStore.open(root);
        assertThat(Files.readString(storeJson)).as("reopening keeps the key").isEqualTo(first);
    }

    @Test
    void openingWithoutCreatingNeedsAnExistingStore() {
        assertThatThrownBy(() -> FileStore.openExisting(dir))
                .isInstanceOf(StoreException.class)
                .hasMessage("no store in " + dir + ": md_store.json is missing");
    }

    @Test
    void aDamagedMdStoreJsonIsReportedNotReplaced() throws IOException {
        Files.writeString(dir.resolve("md_store.json"), "{\"store\": {\"version\": 3.0}}");

        assertThatThrownBy(() -> FileStore.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("md_store.json")
                .hasMessageContaining("encrypted keys of this store cannot be read");
        assertThat(Files.readString(dir.resolve("md_store.json"))).isEqualTo("{\"store\": {\"version\": 3.0}}");
    }

    @Test
    void jsonIsSavedWithModMdsLayoutAndPermissions() throws IOException {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON, json("{\"name\":\"example.org\"}"));
        store.save(StoreGroup.STAGING, "example.org", Aspect.JOB_JSON, json("{\"name\":\"example.org\"}"));

        assertThat(mode(dir.resolve("domains"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("domains/example.org"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("domains/example.org/md.json"))).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("staging"))).isEqualTo("rwxr-xr-x");
        assertThat(mode(dir.resolve("staging/example.org/job.json"))).isEqualTo("rw-r--r--");
        assertThat(store.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow()
                .get("name").asString()).isEqualTo("example.org");
        assertThat(Files.readString(dir.resolve("domains/example.org/md.json")))
                .isEqualTo("{\n  \"name\": \"example.org\"\n}");
    }

    @Test
    void keysAreEncryptedWhereModMdEncryptsThemAndPlainWhereTheServerReadsThem() throws Exception {
        FileStore store = FileStore.open(dir);
        PrivateKey key = ecKey();
        store.save(StoreGroup.STAGING, "example.org", Aspect.privateKey(P256), key);
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.privateKey(P256), key);

        Path staged = dir.resolve("staging/example.org/privkey.secp256r1.pem");
        Path live = dir.resolve("domains/example.org/privkey.secp256r1.pem");
        assertThat(Files.readString(staged)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
        assertThat(Files.readString(live)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(mode(live)).isEqualTo("rw-------");
        assertThat(store.load(StoreGroup.STAGING, "example.org", Aspect.privateKey(P256)))
                .contains(key);
        assertThat(store.load(StoreGroup.DOMAINS, "example.org", Aspect.privateKey(P256)))
                .contains(key);
    }

    @Test
    void anotherStoresKeyCannotDecrypt() throws Exception {
        FileStore store = FileStore.open(dir.resolve("a"));
        store.save(StoreGroup.ACCOUNTS, "ACME-localhost-0000", Aspect.ACCOUNT_KEY, ecKey());
        FileStore other = FileStore.open(dir.resolve("b"));
        Files.createDirectories(dir.resolve("b/accounts/ACME-localhost-0000"));
        Files.copy(dir.resolve("a/accounts/ACME-localhost-0000/account.pem"),
                dir.resolve("b/accounts/ACME-localhost-0000/account.pem"));

        assertThatThrownBy(() -> other.load(StoreGroup.ACCOUNTS, "ACME-localhost-0000", Aspect.ACCOUNT_KEY))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("accounts/ACME-localhost-0000/account.pem: ");
    }

    @Test
    void rsaKeyFilesHaveNoSuffixAndCurvesAreLowerCased() {
        assertThat(Aspect.privateKey(RSA).fileName()).isEqualTo("privkey.pem");
        assertThat(Aspect.certificateChain(RSA).fileName()).isEqualTo("pubcert.pem");
        assertThat(Aspect.privateKey(new KeySpec.Ec("P-256")).fileName()).isEqualTo("privkey.p-256.pem");
        assertThat(Aspect.fallbackCertificateChain(P256).fileName()).isEqualTo("fallback-pubcert.secp256r1.pem");
    }

    @Test
    void missingValuesAreEmptyAndDamagedOnesAreErrorsNamingTheFile() throws IOException {
        FileStore store = FileStore.open(dir);
        assertThat(store.load(StoreGroup.DOMAINS, "nope.example", Aspect.MD_JSON)).isEmpty();

        Files.createDirectories(dir.resolve("domains/example.org"));
        Files.writeString(dir.resolve("domains/example.org/md.json"), "{\"name\": ");
        assertThatThrownBy(() -> store.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("domains/example.org/md.json: ");
        assertThat(dir.resolve("domains/example.org/md.json")).exists();
    }

    @Test
    void oversizedFilesAreRefused() throws IOException {
        FileStore store = FileStore.open(dir);
        Files.createDirectories(dir.resolve("domains/example.org"));
        Files.write(dir.resolve("domains/example.org/job.json"), new byte[FileStore.MAX_FILE_SIZE + 1]);

        assertThatThrownBy(() -> store.load(StoreGroup.DOMAINS, "example.org", Aspect.JOB_JSON))
                .isInstanceOf(StoreException.class)
                .hasMessage("domains/example.org/job.json is larger than 1 MiB; refusing to read it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "", "a/b", "../domains", "x\0y", "a\\b"})
    void namesThatCouldEscapeTheirGroupAreRefusedBeforeAnythingIsWritten(String name) throws IOException {
        FileStore store = FileStore.open(dir);

        assertThatThrownBy(() -> store.save(StoreGroup.DOMAINS, name, Aspect.MD_JSON, json("{}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.purge(StoreGroup.DOMAINS, name))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("domains")).doesNotExist();
    }

    @Test
    void createIsExclusive() {
        FileStore store = FileStore.open(dir);
        assertThat(store.create(StoreGroup.ACCOUNTS, "ACME-x-0000", Aspect.ACCOUNT_JSON, json("{\"n\":1}"))).isTrue();
        assertThat(store.create(StoreGroup.ACCOUNTS, "ACME-x-0000", Aspect.ACCOUNT_JSON, json("{\"n\":2}"))).isFalse();
        assertThat(store.load(StoreGroup.ACCOUNTS, "ACME-x-0000", Aspect.ACCOUNT_JSON).orElseThrow()
                .get("n").asInt()).isEqualTo(1);
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        FileStore store = FileStore.open(dir);
        for (int i = 0; i < 5; i++) {
            store.save(StoreGroup.STAGING, "example.org", Aspect.JOB_JSON, json("{\"i\":" + i + "}"));
        }
        store.create(StoreGroup.STAGING, "example.org", Aspect.JOB_JSON, json("{}"));

        assertThat(store.fileNames(StoreGroup.STAGING, "example.org")).containsExactly("job.json");
    }

    @Test
    void listsNamesAndFilesSorted() {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.DOMAINS, "b.example", Aspect.MD_JSON, json("{}"));
        store.save(StoreGroup.DOMAINS, "a.example", Aspect.MD_JSON, json("{}"));
        store.save(StoreGroup.DOMAINS, "a.example", Aspect.JOB_JSON, json("{}"));

        assertThat(store.names(StoreGroup.DOMAINS)).containsExactly("a.example", "b.example");
        assertThat(store.fileNames(StoreGroup.DOMAINS, "a.example")).containsExactly("job.json", "md.json");
        assertThat(store.names(StoreGroup.OCSP)).isEmpty();
    }

    @Test
    void movingIntoDomainsArchivesThePreviousSet() throws IOException {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON, json("{\"gen\":1}"));
        store.save(StoreGroup.TMP, "example.org", Aspect.MD_JSON, json("{\"gen\":2}"));
        store.move(StoreGroup.TMP, StoreGroup.DOMAINS, "example.org", true);
        store.save(StoreGroup.TMP, "example.org", Aspect.MD_JSON, json("{\"gen\":3}"));
        store.move(StoreGroup.TMP, StoreGroup.DOMAINS, "example.org", true);

        assertThat(store.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow()
                .get("gen").asInt()).isEqualTo(3);
        assertThat(store.names(StoreGroup.ARCHIVE)).containsExactly("example.org.1", "example.org.2");
        assertThat(store.load(StoreGroup.ARCHIVE, "example.org.1", Aspect.MD_JSON).orElseThrow()
                .get("gen").asInt()).isEqualTo(1);
        assertThat(mode(dir.resolve("archive/example.org.1"))).isEqualTo("rwx------");
        assertThat(store.names(StoreGroup.TMP)).isEmpty();
    }

    @Test
    void movingWithoutArchiveReplaces() {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON, json("{\"gen\":1}"));
        store.save(StoreGroup.TMP, "example.org", Aspect.JOB_JSON, json("{}"));
        store.move(StoreGroup.TMP, StoreGroup.DOMAINS, "example.org", false);

        assertThat(store.fileNames(StoreGroup.DOMAINS, "example.org")).containsExactly("job.json");
        assertThat(store.names(StoreGroup.ARCHIVE)).isEmpty();
    }

    @Test
    void movingSomethingAbsentFailsAndChangesNothing() {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON, json("{}"));

        assertThatThrownBy(() -> store.move(StoreGroup.STAGING, StoreGroup.DOMAINS, "example.org", true))
                .isInstanceOf(StoreException.class).hasMessageContaining("does not exist");
        assertThat(store.names(StoreGroup.DOMAINS)).containsExactly("example.org");
        assertThat(store.names(StoreGroup.ARCHIVE)).isEmpty();
    }

    @Test
    void renameRefusesToOverwrite() {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.DOMAINS, "old.example", Aspect.MD_JSON, json("{}"));
        store.save(StoreGroup.DOMAINS, "new.example", Aspect.MD_JSON, json("{}"));

        assertThatThrownBy(() -> store.rename(StoreGroup.DOMAINS, "old.example", "new.example"))
                .isInstanceOf(StoreException.class).hasMessageContaining("exists");
        store.purge(StoreGroup.DOMAINS, "new.example");
        store.rename(StoreGroup.DOMAINS, "old.example", "new.example");
        assertThat(store.names(StoreGroup.DOMAINS)).containsExactly("new.example");
    }

    @Test
    void theStoreLockIsExclusiveAndWaitsAtMostAsLongAsAsked() throws Exception {
        FileStore store = FileStore.open(dir);
        try (StoreLock held = store.lock(Duration.ofSeconds(1))) {
            CompletableFuture<Throwable> other = CompletableFuture.supplyAsync(() -> {
                try (StoreLock ignored = FileStore.open(dir).lock(Duration.ofMillis(300))) {
                    return null;
                } catch (StoreException e) {
                    return e;
                }
            });
            assertThat(other.get(10, TimeUnit.SECONDS)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("gave up after 300 ms");
        }
        try (StoreLock again = store.lock(Duration.ZERO)) {
            assertThat(dir.resolve("store.lock")).exists();
        }
        assertThat(mode(dir.resolve("store.lock"))).isEqualTo("rw-r-----");
    }

    @Test
    void aMoveInterruptedBetweenItsTwoRenamesIsUndoneOnOpen() throws IOException {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.TMP, "~domains~example.org~archive", Aspect.MD_JSON, json("{\"gen\":1}"));
        store.save(StoreGroup.TMP, "example.org", Aspect.MD_JSON, json("{\"gen\":2}"));

        FileStore reopened = FileStore.open(dir);

        assertThat(reopened.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow()
                .get("gen").asInt()).as("the previous set is back").isEqualTo(1);
        assertThat(reopened.names(StoreGroup.TMP)).containsExactly("example.org");
        reopened.move(StoreGroup.TMP, StoreGroup.DOMAINS, "example.org", true);
        assertThat(reopened.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow()
                .get("gen").asInt()).isEqualTo(2);
        assertThat(reopened.names(StoreGroup.ARCHIVE)).containsExactly("example.org.1");
    }

    @Test
    void aMoveInterruptedAfterItsSecondRenameIsFinishedOnOpen() {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.TMP, "~domains~example.org~archive", Aspect.MD_JSON, json("{\"gen\":1}"));
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON, json("{\"gen\":2}"));
        store.save(StoreGroup.TMP, "~staging~other.example~delete", Aspect.MD_JSON, json("{}"));
        store.save(StoreGroup.STAGING, "other.example", Aspect.MD_JSON, json("{}"));

        FileStore reopened = FileStore.open(dir);

        assertThat(reopened.names(StoreGroup.ARCHIVE)).containsExactly("example.org.1");
        assertThat(reopened.names(StoreGroup.TMP)).isEmpty();
        assertThat(reopened.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow()
                .get("gen").asInt()).isEqualTo(2);
    }

    @Test
    void aPurgeInterruptedAfterItsRenameIsFinishedOnOpen() {
        FileStore store = FileStore.open(dir);
        store.save(StoreGroup.TMP, "~staging~example.org~purge", Aspect.JOB_JSON, json("{}"));
        store.save(StoreGroup.STAGING, "other.example", Aspect.JOB_JSON, json("{}"));
        store.purge(StoreGroup.STAGING, "other.example");

        FileStore reopened = FileStore.open(dir);

        assertThat(reopened.names(StoreGroup.TMP)).isEmpty();
        assertThat(reopened.names(StoreGroup.STAGING)).isEmpty();
    }
}
