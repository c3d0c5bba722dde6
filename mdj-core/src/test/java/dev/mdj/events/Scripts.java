package dev.mdj.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Small shell scripts for tests, written as executables into a directory. */
final class Scripts {

    /**
     * Like the reference harness's event-cmd.sh: appends {@code cmd=<name> argc=<n> [arg]…} to
     * {@code events.log} next to itself and exits with the code in {@code <name>.exit} (0 if none).
     */
    static final String EVENT_CMD = """
            #!/bin/sh
            here=$(dirname "$0")
            {
              printf 'cmd=%s argc=%d' "$(basename "$0")" "$#"
              for a in "$@"; do printf ' [%s]' "$a"; done
              printf '\\n'
            } >> "$here/events.log"
            code=0
            [ -f "$0.exit" ] && code=$(cat "$0.exit")
            exit "$code"
            """;

    private Scripts() {
    }

    static Path write(Path dir, String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    static void exitWith(Path script, int code) throws IOException {
        Files.writeString(script.resolveSibling(script.getFileName() + ".exit"), Integer.toString(code));
    }

    /** The lines of {@code events.log} in {@code dir}; empty if nothing ran. */
    static List<String> events(Path dir) throws IOException {
        Path log = dir.resolve("events.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
