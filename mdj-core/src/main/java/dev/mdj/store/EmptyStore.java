package dev.mdj.store;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A store with nothing in it that refuses every change: what read-only views (mdj plan) use
 * when no store exists yet, so that looking never creates one.
 */
public final class EmptyStore implements Store {

    @Override
    public <T> Optional<T> load(StoreGroup group, String name, Aspect<T> aspect) {
        Store.checkName(name);
        return Optional.empty();
    }

    @Override
    public <T> void save(StoreGroup group, String name, Aspect<T> aspect, T value) {
        throw readOnly();
    }

    @Override
    public <T> boolean create(StoreGroup group, String name, Aspect<T> aspect, T value) {
        throw readOnly();
    }

    @Override
    public boolean exists(StoreGroup group, String name, Aspect<?> aspect) {
        return false;
    }

    @Override
    public void remove(StoreGroup group, String name, Aspect<?> aspect) {
        throw readOnly();
    }

    @Override
    public void purge(StoreGroup group, String name) {
        throw readOnly();
    }

    @Override
    public List<String> names(StoreGroup group) {
        return List.of();
    }

    @Override
    public List<String> fileNames(StoreGroup group, String name) {
        return List.of();
    }

    @Override
    public void move(StoreGroup from, StoreGroup to, String name, boolean archive) {
        throw readOnly();
    }

    @Override
    public void rename(StoreGroup group, String from, String to) {
        throw readOnly();
    }

    @Override
    public StoreLock lock(Duration maxWait) {
        return () -> { };
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the empty store cannot be changed");
    }
}
