package dev.mdj.testing;

import dev.mdj.store.Store;

/** The store contract on the in-memory store. */
class MemoryStoreTest extends StoreContractTest {

    @Override
    Store newStore() {
        return new MemoryStore();
    }
}
