package dev.mdj.store;

/** The held store-wide lock; closing releases it. */
public interface StoreLock extends AutoCloseable {

    @Override
    void close();
}
