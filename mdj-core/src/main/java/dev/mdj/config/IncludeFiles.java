package dev.mdj.config;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

/**
 * Expands the argument of {@code Include} / {@code IncludeOptional} into the files to read, the
 * way httpd does: wildcards ({@code *}, {@code ?}, {@code [...]}) may appear in any path
 * component, matches are read in sorted order, and a directory stands for every file below it.
 */
final class IncludeFiles {

    private IncludeFiles() {
    }

    /**
     * The files {@code pattern} names, sorted.
     *
     * @param optional true for IncludeOptional: no match is not an error
     * @throws IllegalArgumentException with httpd's wording when {@code Include} matches nothing
     */
    static List<Path> expand(Path pattern, boolean optional) throws IOException {
        Path root = pattern.getRoot();
        List<Path> current = new ArrayList<>();
        current.add(root != null ? root : Path.of(""));
        int count = pattern.getNameCount();
        for (int index = 0; index < count; index++) {
            String name = pattern.getName(index).toString();
            boolean last = index == count - 1;
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (!hasWildcard(name)) {
                    next.add(dir.resolve(name));
                } else if (Files.isDirectory(dir)) {
                    next.addAll(matching(dir, name, last));
                }
            }
            if (next.isEmpty()) {
                if (optional) {
                    return List.of();
                }
                throw new IllegalArgumentException("No matches for the wildcard '" + name + "' in '"
                        + describe(current) + "', failing");
            }
            current = next;
        }
        List<Path> files = new ArrayList<>();
        for (Path path : current) {
            if (Files.isDirectory(path)) {
                files.addAll(filesBelow(path));
            } else if (Files.exists(path)) {
                files.add(path);
            } else if (!optional) {
                throw new IllegalArgumentException(
                        "Could not open configuration file " + path + ": No such file or directory");
            }
        }
        return files;
    }

    private static boolean hasWildcard(String name) {
        return name.indexOf('*') >= 0 || name.indexOf('?') >= 0 || name.indexOf('[') >= 0;
    }

    /**
     * The entries of {@code dir} matching {@code glob}, as httpd's apr_fnmatch with
     * APR_FNM_PERIOD: a leading dot must be matched by a dot in the pattern, and a match in a
     * directory component of the pattern that is not a directory is skipped.
     */
    private static List<Path> matching(Path dir, String glob, boolean last) throws IOException {
        PathMatcher matcher;
        try {
            // apr_fnmatch knows no {a,b} alternatives: braces stand for themselves
            matcher = FileSystems.getDefault().getPathMatcher("glob:"
                    + glob.replace("{", "\\{").replace("}", "\\}"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("'" + glob + "' is not a valid wildcard pattern: "
                    + e.getDescription());
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                String entryName = entry.getFileName().toString();
                if (entryName.startsWith(".") && !glob.startsWith(".")) {
                    continue;
                }
                if (!last && !Files.isDirectory(entry)) {
                    continue;
                }
                if (matcher.matches(entry.getFileName())) {
                    found.add(entry);
                }
            }
        }
        found.sort(null);
        return found;
    }

    private static List<Path> filesBelow(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static String describe(List<Path> dirs) {
        return dirs.size() == 1 ? dirs.get(0).toString() : dirs.toString();
    }
}
