package dev.mdj.server.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Finds the file a URL path names below a DocumentRoot, never one outside it.
 *
 * <p>The path is mapped segment by segment ({@code ..}, {@code .}, NUL and backslashes are
 * refused even though the request target was normalised already), then resolved to its real
 * path, which must lie inside the real path of the root. Symbolic links are followed while they
 * stay inside the root; one that leads out of it is refused with 403. httpd's default
 * ({@code Options FollowSymLinks}) would follow it anywhere; mdj has no Options directive, and
 * a link out of the document tree is far more often a mistake or an attack than a wish.
 */
final class DocumentFiles {

    /** What a lookup found. */
    sealed interface Lookup permits Found, Missing, Refused {
    }

    /**
     * An existing file or directory.
     *
     * @param path where the URL path leads below the root, as written (for {@code <Directory>})
     * @param real the same with every symbolic link resolved
     * @param attributes its attributes
     * @param realRoot the document root with every symbolic link resolved (for looking further)
     */
    record Found(Path path, Path real, BasicFileAttributes attributes, Path realRoot) implements Lookup {
    }

    /** Nothing there: 404. */
    record Missing() implements Lookup {
    }

    /** There, but not to be served (outside the root, not readable): 403. */
    record Refused() implements Lookup {
    }

    private DocumentFiles() {
    }

    /** The file {@code urlPath} (decoded, starting with {@code /}) names below {@code root}. */
    static Lookup find(Path root, String urlPath) {
        Path realRoot;
        try {
            realRoot = root.toRealPath();
        } catch (IOException e) {
            return new Missing();
        }
        Path path = root;
        for (String segment : urlPath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0
                    || segment.indexOf('\\') >= 0) {
                return new Missing();
            }
            try {
                path = path.resolve(segment);
            } catch (InvalidPathException e) {
                return new Missing();
            }
        }
        return find(realRoot, path);
    }

    /** {@code name} (a DirectoryIndex entry) inside the directory {@code directory} found before. */
    static Lookup findIn(Found directory, String name) {
        if (name.isEmpty() || name.indexOf('/') >= 0 || name.equals(".") || name.equals("..")) {
            return new Missing();
        }
        try {
            return find(directory.realRoot(), directory.path().resolve(name));
        } catch (InvalidPathException e) {
            return new Missing();
        }
    }

    private static Lookup find(Path realRoot, Path path) {
        Path real;
        BasicFileAttributes attributes;
        try {
            real = path.toRealPath();
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (NoSuchFileException | NotDirectoryException e) {
            return new Missing();
        } catch (AccessDeniedException e) {
            return new Refused();
        } catch (IOException e) {
            // A file used as a directory (/index.html/x) is not there, as for httpd; loops of
            // links and other oddities are refused, as httpd refuses what it cannot follow.
            return underFile(path) ? new Missing() : new Refused();
        }
        if (!real.startsWith(realRoot)) {
            return new Refused();
        }
        return new Found(path, real, attributes, realRoot);
    }

    private static boolean underFile(Path path) {
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.isRegularFile(parent)) {
                return true;
            }
        }
        return false;
    }
}
