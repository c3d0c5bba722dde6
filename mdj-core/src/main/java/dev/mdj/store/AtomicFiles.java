package dev.mdj.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way the store writes a file: into a fresh temporary file next to the target (with its
 * final permissions before any byte is written, so secrets are never readable by others), fsync,
 * rename over the target, fsync the directory. A crash at any moment leaves either the old or the
 * new file, never a partial one (mod_md's {@code md_util_freplace}).
 */
final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code data}. */
    static void write(Path target, byte[] data, Set<PosixFilePermission> permissions) throws IOException {
        Path temp = writeTemp(target, data, permissions);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
    }

    /**
     * Writes {@code target} only if it does not exist, atomically: the complete temporary file
     * is hard-linked to the target name, which fails if the name is taken.
     *
     * @return false if the target existed
     */
    static boolean create(Path target, byte[] data, Set<PosixFilePermission> permissions) throws IOException {
        Path temp = writeTemp(target, data, permissions);
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(temp);
        }
        syncDirectory(target.getParent());
        return true;
    }

    private static Path writeTemp(Path target, byte[] data, Set<PosixFilePermission> permissions)
            throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, EnumSet.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(permissions))) {
            // The umask may have taken bits away from the creation mode; set them exactly.
            Files.setPosixFilePermissions(temp, permissions);
            ByteBuffer buffer = ByteBuffer.wrap(data);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Makes a rename or removal in {@code directory} durable. */
    static void syncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
