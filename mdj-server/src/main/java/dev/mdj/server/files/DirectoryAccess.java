package dev.mdj.server.files;

import dev.mdj.config.host.AccessRule;
import dev.mdj.config.host.PathSection;
import dev.mdj.server.http.Access;
import dev.mdj.server.http.Exchange;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code Require} lines of {@code <Directory>} sections for a file: those of the most
 * specific section holding the file that has any (httpd merges sections from the shortest path
 * to the longest, and a later section's Require replaces an earlier one's).
 *
 * <p>httpd matches sections against the path as mapped, so a symbolic link inside the root
 * can reach a directory whose section denies access. mdj checks both the mapped and the real
 * path, and access needs both to be granted.
 */
final class DirectoryAccess {

    private DirectoryAccess() {
    }

    static boolean granted(Exchange exchange, DocumentFiles.Found file) {
        List<PathSection> sections = exchange.site().sections();
        return granted(exchange, rulesFor(sections, file.path())) && granted(exchange, rulesFor(sections, file.real()));
    }

    private static boolean granted(Exchange exchange, List<AccessRule> rules) {
        return Access.granted(rules, exchange.connection().remote(), exchange.connection().local());
    }

    private static List<AccessRule> rulesFor(List<PathSection> sections, Path file) {
        List<AccessRule> rules = List.of();
        int depth = -1;
        for (PathSection section : sections) {
            if (section.kind() != PathSection.Kind.DIRECTORY || section.access().isEmpty()) {
                continue;
            }
            Path directory;
            try {
                directory = Path.of(section.path());
            } catch (InvalidPathException e) {
                continue;
            }
            // later sections of the same depth win, as in httpd's merge order
            if (file.startsWith(directory) && directory.getNameCount() >= depth) {
                rules = section.access();
                depth = directory.getNameCount();
            }
        }
        return rules;
    }
}
