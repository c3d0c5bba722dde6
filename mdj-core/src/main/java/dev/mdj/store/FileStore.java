package dev.mdj.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The store in a directory, laid out exactly as mod_md's {@code MDStoreDir}, so that mdj and
 * Apache with mod_md can use the same one: {@code <group>/<name>/<file>}, mod_md's permissions,
 * keys encrypted with the 48-byte key of {@code md_store.json} where mod_md encrypts them.
 *
 * <p>Every write goes through {@link AtomicFiles}. Thread-safe: the file system arbitrates, and
 * no state is cached.
 */
public final class FileStore implements Store {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FileStore.class);

    /** Files larger than this are refused when reading: no store file comes near it. */
    static final int MAX_FILE_SIZE = 1 << 20;

    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> LOCK_FILE = PosixFilePermissions.fromString("rw-r-----");
    private static final Set<PosixFilePermission> ROOT_DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final int MAX_ARCHIVES = 999;
    /** One in-process lock per store.lock file, shared by every FileStore of this process. */
    private static final java.util.concurrent.ConcurrentHashMap<Path, Semaphore> PROCESS_LOCKS =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Separates the parts of an aside entry's name; '~' never occurs in a DNS name. */
    private static final String ASIDE = "~";

    private final StorePaths paths;
    private final ValueCodec codec;

    private FileStore(Path root, StoreSecret secret) {
        this.paths = new StorePaths(root);
        this.codec = new ValueCodec(secret);
    }

    /**
     * Opens the store in {@code directory}, creating the directory and {@code md_store.json}
     * (with a new random key) if this is a new store, as mod_md does on first use.
     *
     * @throws StoreException if md_store.json exists but cannot be used
     */
    public static FileStore open(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        try {
            if (!Files.isDirectory(root)) {
                Files.createDirectories(root);
                Files.setPosixFilePermissions(root, ROOT_DIRECTORY);
            }
            Path storeJson = root.resolve(Aspect.STORE_JSON.fileName());
            if (!Files.exists(storeJson)) {
                StoreSecret fresh = StoreSecret.generate(new SecureRandom());
                // Exclusive: when two processes start on a new store, the loser reads the winner's key.
                AtomicFiles.create(storeJson, fresh.toJson().getBytes(StandardCharsets.UTF_8), PRIVATE_FILE);
            }
            FileStore store = new FileStore(root, readSecret(storeJson));
            store.repairInterruptedMoves();
            return store;
        } catch (IOException e) {
            throw new StoreException("cannot open the store " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens an existing store without creating anything (for inspection).
     *
     * @throws StoreException if there is no store in {@code directory}
     */
    public static FileStore openExisting(Path directory) {
        Path root = directory.toAbsolutePath().normalize();
        Path storeJson = root.resolve(Aspect.STORE_JSON.fileName());
        if (!Files.isRegularFile(storeJson)) {
            throw new StoreException("no store in " + root + ": md_store.json is missing");
        }
        return new FileStore(root, readSecret(storeJson));
    }

    private static StoreSecret readSecret(Path storeJson) {
        try {
            return StoreSecret.parse(Files.readString(storeJson));
        } catch (IOException e) {
            throw new StoreException("cannot read " + storeJson + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new StoreException(storeJson + ": " + e.getMessage()
                    + "; without a valid md_store.json the encrypted keys of this store cannot be read", e);
        }
    }

    /** The store directory. */
    public Path directory() {
        return paths.root();
    }

    /** Where a value lives on disk (for messages, listings and verification). */
    public Path pathOf(StoreGroup group, String name, Aspect<?> aspect) {
        return paths.file(group, name, aspect);
    }

    /** Where an entry lives on disk. */
    public Path pathOf(StoreGroup group, String name) {
        return paths.entry(group, name);
    }

    @Override
    public <T> Optional<T> load(StoreGroup group, String name, Aspect<T> aspect) {
        Path file = paths.file(group, name, aspect);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_SIZE) {
                throw new StoreException(paths.describe(file) + " is larger than "
                        + (MAX_FILE_SIZE >> 20) + " MiB; refusing to read it");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreException("cannot read " + paths.describe(file) + ": " + e.getMessage(), e);
        }
        try {
            return Optional.of(codec.decode(group, aspect, bytes));
        } catch (RuntimeException e) {
            throw new StoreException(file, paths.describe(file), e.getMessage(), e);
        }
    }

    /** The file's identity (inode), modification time and size: every atomic write renames a new file in. */
    @Override
    public Optional<Object> version(StoreGroup group, String name, Aspect<?> aspect) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(paths.file(group, name, aspect),
                    BasicFileAttributes.class);
            return Optional.of(new FileVersion(attributes.fileKey(), attributes.lastModifiedTime(), attributes.size()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private record FileVersion(Object fileKey, FileTime modified, long size) {
    }

    @Override
    public Optional<Instant> lastModified(StoreGroup group, String name, Aspect<?> aspect) {
        try {
            return Optional.of(Files.getLastModifiedTime(paths.file(group, name, aspect)).toInstant());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public <T> void save(StoreGroup group, String name, Aspect<T> aspect, T value) {
        write(group, name, aspect, value, false);
    }

    @Override
    public <T> boolean create(StoreGroup group, String name, Aspect<T> aspect, T value) {
        return write(group, name, aspect, value, true);
    }

    private <T> boolean write(StoreGroup group, String name, Aspect<T> aspect, T value, boolean exclusive) {
        Path file = paths.file(group, name, aspect);
        byte[] bytes = codec.encode(group, aspect, value);
        Set<PosixFilePermission> permissions = aspect.kind() == Aspect.Kind.PRIVATE_KEY
                && !group.encryptsKeys() ? PRIVATE_FILE : group.filePermissions();
        if (group == StoreGroup.NONE) {
            permissions = PRIVATE_FILE;
        }
        try {
            ensureEntry(group, name);
            if (exclusive) {
                return AtomicFiles.create(file, bytes, permissions);
            }
            AtomicFiles.write(file, bytes, permissions);
            return true;
        } catch (IOException e) {
            throw new StoreException("cannot write " + paths.describe(file) + ": " + e.getMessage(), e);
        }
    }

    /** Creates the group and entry directories with the group's permissions. */
    private void ensureEntry(StoreGroup group, String name) throws IOException {
        if (group == StoreGroup.NONE) {
            return;
        }
        ensureDirectory(paths.group(group), group.directoryPermissions());
        ensureDirectory(paths.entry(group, name), group.directoryPermissions());
    }

    private static void ensureDirectory(Path dir, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(permissions));
            Files.setPosixFilePermissions(dir, permissions);
        } catch (FileAlreadyExistsException e) {
            // created concurrently; fine
        }
    }

    @Override
    public boolean exists(StoreGroup group, String name, Aspect<?> aspect) {
        return Files.exists(paths.file(group, name, aspect));
    }

    @Override
    public void remove(StoreGroup group, String name, Aspect<?> aspect) {
        Path file = paths.file(group, name, aspect);
        try {
            if (Files.deleteIfExists(file)) {
                AtomicFiles.syncDirectory(file.getParent());
            }
        } catch (IOException e) {
            throw new StoreException("cannot remove " + paths.describe(file) + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The entry is first renamed aside to {@code tmp/~<group>~<name>~purge} and deleted from
     * there, so a crash never leaves a half-deleted entry where it was (a staging set missing its
     * certificate but not its job); {@link #open} finishes the deletion.
     */
    @Override
    public void purge(StoreGroup group, String name) {
        if (group == StoreGroup.NONE) {
            throw new IllegalArgumentException("the store itself cannot be purged");
        }
        Path entry = paths.entry(group, name);
        try {
            if (!Files.exists(entry)) {
                return;
            }
            ensureDirectory(paths.group(StoreGroup.TMP), StoreGroup.TMP.directoryPermissions());
            Path aside = aside(group, name, "purge");
            deleteTree(aside);
            Files.move(entry, aside, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(entry.getParent());
            deleteTree(aside);
        } catch (IOException e) {
            throw new StoreException("cannot remove " + paths.describe(entry) + ": " + e.getMessage(), e);
        }
    }

    private Path aside(StoreGroup group, String name, String mode) {
        return paths.group(StoreGroup.TMP).resolve(ASIDE + group.directory() + ASIDE + name + ASIDE + mode);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        AtomicFiles.syncDirectory(dir.getParent());
    }

    @Override
    public List<String> names(StoreGroup group) {
        return list(paths.group(group), true);
    }

    @Override
    public List<String> fileNames(StoreGroup group, String name) {
        return list(paths.entry(group, name), false);
    }

    private List<String> list(Path dir, boolean directories) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry) == directories) {
                    names.add(entry.getFileName().toString());
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot list " + paths.describe(dir) + ": " + e.getMessage(), e);
        }
        names.sort(null);
        return names;
    }

    /**
     * {@inheritDoc}
     *
     * <p>A directory cannot be renamed over a non-empty one, so replacing {@code to/name} takes
     * two renames: the old entry aside into {@code tmp/~<group>~<name>~<mode>} (a name no managed
     * domain can have), then the new one into place; only then is the old one archived or
     * deleted. A crash between the two renames is repaired by the next {@link #open}: the old
     * entry goes back, the source is still complete where it was, and the caller's next attempt
     * redoes the move.
     */
    @Override
    public void move(StoreGroup from, StoreGroup to, String name, boolean archive) {
        Path source = paths.entry(from, name);
        Path target = paths.entry(to, name);
        if (!Files.isDirectory(source)) {
            throw new StoreException("cannot move " + paths.describe(source) + ": it does not exist");
        }
        try {
            ensureDirectory(paths.group(to), to.directoryPermissions());
            Path aside = null;
            if (Files.exists(target)) {
                ensureDirectory(paths.group(StoreGroup.TMP), StoreGroup.TMP.directoryPermissions());
                aside = aside(to, name, archive ? "archive" : "delete");
                deleteTree(aside);
                Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.syncDirectory(aside.getParent());
            }
            try {
                Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (aside != null) {
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
            AtomicFiles.syncDirectory(source.getParent());
            AtomicFiles.syncDirectory(target.getParent());
            if (aside != null) {
                try {
                    retire(aside, name, archive);
                } catch (IOException e) {
                    throw new StoreException(paths.describe(target) + " is in place, but the entry"
                            + " it replaced, kept in " + paths.describe(aside) + ", could not be "
                            + (archive ? "archived" : "removed") + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot move " + paths.describe(source) + " to "
                    + paths.describe(target) + ": " + e.getMessage(), e);
        }
    }

    /** Archives or deletes an entry that was replaced. */
    private void retire(Path aside, String name, boolean archive) throws IOException {
        if (archive) {
            archive(aside, name);
        } else {
            deleteTree(aside);
        }
    }

    /**
     * Finishes or undoes moves a crash interrupted (see {@link #move}): an entry set aside whose
     * replacement never arrived goes back; one whose replacement is in place is retired.
     */
    private void repairInterruptedMoves() throws IOException {
        Path tmp = paths.group(StoreGroup.TMP);
        if (!Files.isDirectory(tmp)) {
            return;
        }
        List<Path> asides;
        try (Stream<Path> list = Files.list(tmp)) {
            asides = list.filter(p -> p.getFileName().toString().startsWith(ASIDE)).toList();
        }
        for (Path aside : asides) {
            String[] parts = aside.getFileName().toString().substring(ASIDE.length()).split(ASIDE, -1);
            StoreGroup group = parts.length == 3 ? groupOf(parts[0]) : null;
            if (group == null) {
                continue; // not ours; leave it for the admin
            }
            Path target = paths.entry(group, parts[1]);
            try {
                if (parts[2].equals("purge")) {
                    deleteTree(aside); // the purge was under way: finish it
                } else if (Files.exists(target)) {
                    retire(aside, parts[1], parts[2].equals("archive"));
                } else {
                    ensureDirectory(paths.group(group), group.directoryPermissions());
                    Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE);
                    AtomicFiles.syncDirectory(target.getParent());
                    LOG.info("restored {} after an interrupted move", paths.describe(target));
                }
            } catch (IOException e) {
                LOG.warn("cannot repair the interrupted move of {}: {}", paths.describe(aside), e.getMessage());
            }
        }
    }

    private static StoreGroup groupOf(String directory) {
        for (StoreGroup group : StoreGroup.values()) {
            if (group != StoreGroup.NONE && group.directory().equals(directory)) {
                return group;
            }
        }
        return null;
    }

    /** Moves {@code entry} to {@code archive/<name>.<n>}, reserving n by creating the directory. */
    private Path archive(Path entry, String name) throws IOException {
        Path archiveGroup = paths.group(StoreGroup.ARCHIVE);
        ensureDirectory(archiveGroup, StoreGroup.ARCHIVE.directoryPermissions());
        for (int n = 1; n <= MAX_ARCHIVES; n++) {
            Path slot = archiveGroup.resolve(name + "." + n);
            try {
                Files.createDirectory(slot, PosixFilePermissions.asFileAttribute(
                        StoreGroup.ARCHIVE.directoryPermissions()));
            } catch (FileAlreadyExistsException e) {
                continue;
            }
            // rename(2) replaces the empty directory we just reserved.
            Files.move(entry, slot, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(archiveGroup);
            return slot;
        }
        throw new IOException("archive/" + name + ".1 to ." + MAX_ARCHIVES
                + " are all taken; remove old archives");
    }

    @Override
    public void rename(StoreGroup group, String from, String to) {
        Path source = paths.entry(group, from);
        Path target = paths.entry(group, to);
        try {
            if (Files.exists(target)) {
                throw new StoreException("cannot rename " + paths.describe(source) + ": "
                        + paths.describe(target) + " exists");
            }
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            AtomicFiles.syncDirectory(target.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot rename " + paths.describe(source) + " to "
                    + paths.describe(target) + ": " + e.getMessage(), e);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>Threads of this process queue on an in-process lock first, so that only one of them at a
     * time opens {@code store.lock}: on Linux, closing any descriptor of a file drops the
     * process's lock on it, so a second channel opened and closed by a waiting thread would
     * silently release the holder's lock.
     */
    @Override
    public StoreLock lock(Duration maxWait) {
        Path lockFile = paths.root().resolve("store.lock");
        long deadline = System.nanoTime() + maxWait.toNanos();
        Semaphore inProcess = PROCESS_LOCKS.computeIfAbsent(lockFile, f -> new Semaphore(1));
        try {
            if (!inProcess.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(lockFile, maxWait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the store lock", e);
        }
        try {
            FileChannel channel = FileChannel.open(lockFile, EnumSet.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(LOCK_FILE));
            try {
                while (true) {
                    FileLock lock = tryLock(channel);
                    if (lock != null) {
                        return () -> {
                            try {
                                release(lock, channel);
                            } finally {
                                inProcess.release();
                            }
                        };
                    }
                    if (System.nanoTime() >= deadline) {
                        throw busy(lockFile, maxWait);
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                channel.close();
                throw new StoreException("interrupted while waiting for the store lock", e);
            } catch (RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            inProcess.release();
            throw new StoreException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            inProcess.release();
            throw e;
        }
    }

    private static StoreException busy(Path lockFile, Duration maxWait) {
        return new StoreException("the store lock " + lockFile + " is held by another"
                + " process; gave up after " + maxWait.toMillis() + " ms");
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // another FileStore of this process on the same directory under another path
        }
    }

    private static void release(FileLock lock, FileChannel channel) {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new StoreException("cannot release the store lock: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "FileStore[" + paths.root() + "]";
    }
}
