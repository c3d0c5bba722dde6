package dev.mdj.testing;

import dev.mdj.store.FileStore;
import dev.mdj.store.Store;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the file store, so that both implementations are held to the same tests. */
class FileStoreContractTest extends StoreContractTest {

    @TempDir
    Path dir;

    private int count;

    @Override
    Store newStore() {
        return FileStore.open(dir.resolve("store" + count++));
    }
}
