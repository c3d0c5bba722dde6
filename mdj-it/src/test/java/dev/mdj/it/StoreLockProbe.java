package dev.mdj.it;

import dev.mdj.store.FileStore;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreLock;
import java.nio.file.Path;
import java.time.Duration;

/** Another process trying the store lock: prints "locked" or "busy" (for {@link StoreLockIT}). */
public final class StoreLockProbe {

    private StoreLockProbe() {
    }

    public static void main(String[] args) {
        try (StoreLock lock = FileStore.openExisting(Path.of(args[0])).lock(Duration.ofMillis(300))) {
            System.out.println("locked");
        } catch (StoreException e) {
            System.out.println("busy");
        }
    }
}
