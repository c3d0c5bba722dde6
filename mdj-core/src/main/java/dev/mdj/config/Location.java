package dev.mdj.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a directive was written: a configuration file and the line its logical line starts on.
 * Every directive and every configuration error carries one, so that messages read
 * {@code FILE:LINE: message} like a compiler's. Line 0 stands for the file as a whole (it could
 * not be opened, say) and prints as the file alone.
 */
public record Location(Path file, int line) {

    public Location {
        Objects.requireNonNull(file, "file");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** The file as a whole, for errors that belong to no line. */
    public static Location of(Path file) {
        return new Location(file, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? file.toString() : file + ":" + line;
    }
}
