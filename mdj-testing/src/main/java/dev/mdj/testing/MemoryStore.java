package dev.mdj.testing;

import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoreLock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Store} in memory, for unit tests of code that uses a store (registry, driver,
 * status): the same contract as the file store (names checked, exclusive create, archive on
 * move), without files, encryption or permissions. Values are kept as given, so a test can put a
 * value in and look at exactly what the code under test saved. Not for testing the file store
 * itself: that needs a real directory.
 */
public final class MemoryStore implements Store {

    /** Guarded by {@code this}: group → name → file name → value. */
    private final Map<StoreGroup, TreeMap<String, TreeMap<String, Object>>> groups = new TreeMap<>();
    private final ReentrantLock storeLock = new ReentrantLock();
    /** Guarded by {@code this}: how many of the next moves fail, as a full disk would make them. */
    private int failingMoves;

    private TreeMap<String, Object> entry(StoreGroup group, String name, boolean create) {
        Store.checkName(name);
        TreeMap<String, TreeMap<String, Object>> entries = groups.get(group);
        if (entries == null) {
            if (!create) {
                return null;
            }
            entries = new TreeMap<>();
            groups.put(group, entries);
        }
        return create ? entries.computeIfAbsent(name, n -> new TreeMap<>()) : entries.get(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized <T> Optional<T> load(StoreGroup group, String name, Aspect<T> aspect) {
        TreeMap<String, Object> files = entry(group, name, false);
        return files == null ? Optional.empty() : Optional.ofNullable((T) files.get(aspect.fileName()));
    }

    @Override
    public synchronized <T> void save(StoreGroup group, String name, Aspect<T> aspect, T value) {
        entry(group, name, true).put(aspect.fileName(), value);
    }

    @Override
    public synchronized <T> boolean create(StoreGroup group, String name, Aspect<T> aspect, T value) {
        return entry(group, name, true).putIfAbsent(aspect.fileName(), value) == null;
    }

    @Override
    public synchronized boolean exists(StoreGroup group, String name, Aspect<?> aspect) {
        TreeMap<String, Object> files = entry(group, name, false);
        return files != null && files.containsKey(aspect.fileName());
    }

    @Override
    public synchronized void remove(StoreGroup group, String name, Aspect<?> aspect) {
        TreeMap<String, Object> files = entry(group, name, false);
        if (files != null) {
            files.remove(aspect.fileName());
        }
    }

    @Override
    public synchronized void purge(StoreGroup group, String name) {
        Store.checkName(name);
        TreeMap<String, TreeMap<String, Object>> entries = groups.get(group);
        if (entries != null) {
            entries.remove(name);
        }
    }

    @Override
    public synchronized List<String> names(StoreGroup group) {
        TreeMap<String, TreeMap<String, Object>> entries = groups.get(group);
        return entries == null ? List.of() : List.copyOf(entries.keySet());
    }

    @Override
    public synchronized List<String> fileNames(StoreGroup group, String name) {
        TreeMap<String, Object> files = entry(group, name, false);
        return files == null ? List.of() : List.copyOf(new TreeSet<>(files.keySet()));
    }

    /** The next {@code count} moves throw a {@link StoreException} and change nothing. */
    public synchronized MemoryStore failMoves(int count) {
        failingMoves = count;
        return this;
    }

    @Override
    public synchronized void move(StoreGroup from, StoreGroup to, String name, boolean archive) {
        if (failingMoves > 0) {
            failingMoves--;
            throw new StoreException("cannot move " + from.directory() + "/" + name + ": No space left on device");
        }
        TreeMap<String, Object> source = entry(from, name, false);
        if (source == null) {
            throw new StoreException("cannot move " + from.directory() + "/" + name + ": it does not exist");
        }
        TreeMap<String, Object> previous = entry(to, name, false);
        if (previous != null && archive) {
            int n = 1;
            while (entry(StoreGroup.ARCHIVE, name + "." + n, false) != null) {
                n++;
            }
            entry(StoreGroup.ARCHIVE, name + "." + n, true).putAll(previous);
        }
        groups.get(from).remove(name);
        groups.computeIfAbsent(to, g -> new TreeMap<>()).put(name, source);
    }

    @Override
    public synchronized void rename(StoreGroup group, String from, String to) {
        TreeMap<String, Object> source = entry(group, from, false);
        if (source == null || entry(group, to, false) != null) {
            throw new StoreException("cannot rename " + group.directory() + "/" + from + " to " + to);
        }
        groups.get(group).remove(from);
        groups.get(group).put(to, source);
    }

    @Override
    public StoreLock lock(Duration maxWait) {
        try {
            if (!storeLock.tryLock(maxWait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                throw new StoreException("the store lock is held; gave up after " + maxWait.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the store lock", e);
        }
        return storeLock::unlock;
    }
}
