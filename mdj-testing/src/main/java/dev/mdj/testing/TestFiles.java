package dev.mdj.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** File helpers for the kit's servers. */
final class TestFiles {

    private TestFiles() {
    }

    /** Removes {@code root} and everything below it, as far as possible (test clean-up). */
    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a test's leftovers must not fail the test
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }
}
