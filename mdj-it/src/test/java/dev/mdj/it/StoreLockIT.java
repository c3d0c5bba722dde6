package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.store.FileStore;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store lock (MDStoreLocks) between processes, as mdj and Apache sharing a store use it. */
class StoreLockIT {

    @TempDir
    Path dir;

    private String probe() throws Exception {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), StoreLockProbe.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    @Test
    void aThreadGivingUpDoesNotReleaseTheLockAnotherThreadHolds() throws Exception {
        FileStore store = FileStore.open(dir);
        try (StoreLock held = store.lock(Duration.ofSeconds(1))) {
            assertThatThrownBy(() -> CompletableFuture.runAsync(() -> {
                try (StoreLock ignored = FileStore.open(dir).lock(Duration.ofMillis(200))) {
                    // not reached
                }
            }).join()).hasCauseInstanceOf(StoreException.class);
            assertThat(probe()).as("another process while this one holds the lock").isEqualTo("busy");
        }
        assertThat(probe()).as("after release").isEqualTo("locked");
    }
}
