package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoreVerifier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash at any moment loses nothing: a process writing to the store is killed with SIGKILL at
 * random moments, and every time the store still reads back whole, with no damaged file.
 */
class StoreCrashIT {

    private static final int ROUNDS = 25;

    @TempDir
    Path dir;

    @Test
    void killingAWriterAtRandomMomentsNeverLeavesADamagedFile() throws Exception {
        Random random = new Random(20261123);
        Path store = dir.resolve("md");
        for (int round = 0; round < ROUNDS; round++) {
            Process writer = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), StoreWriterProcess.class.getName(),
                    store.toString())
                    .redirectErrorStream(true).start();
            BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8));
            assertThat(output.readLine()).as("writer started").isEqualTo("writing");
            Thread.sleep(20 + random.nextInt(300));
            writer.destroyForcibly();
            assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();

            FileStore fs = FileStore.openExisting(store);
            assertThat(fs.load(StoreGroup.STAGING, "example.org", Aspect.MD_JSON).orElseThrow()
                    .get("padding").asString()).as("round %d: staged md.json is whole", round).hasSize(32 * 1024);
            assertThat(fs.load(StoreGroup.STAGING, "example.org", Aspect.privateKey(new KeySpec.Ec("secp256r1"))))
                    .as("round %d: the staged key still decrypts", round).isPresent();
            fs.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).ifPresent(md ->
                    assertThat(md.get("padding").asString()).hasSize(32 * 1024));
            List<StoreVerifier.Finding> errors = StoreVerifier.verify(fs).stream()
                    .filter(f -> f.severity() == StoreVerifier.Severity.ERROR).toList();
            assertThat(errors).as("round %d: store errors after SIGKILL", round).isEmpty();
        }
    }
}
