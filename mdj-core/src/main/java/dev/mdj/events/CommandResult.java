package dev.mdj.events;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one command ran.
 *
 * @param argv the arguments as run, the program first
 * @param exitCode the exit code; -1 when the program did not run to its end (see {@code error})
 * @param error why the program did not run to its end ({@code cannot run '/x': No such file or
 *     directory}, {@code timed out after 5mi}); empty when it did
 * @param duration how long it took
 * @param stdout the first {@value CommandRunner#CAPTURE_LIMIT} bytes of its standard output
 * @param stderr the first {@value CommandRunner#CAPTURE_LIMIT} bytes of its standard error
 */
public record CommandResult(List<String> argv, int exitCode, Optional<String> error, Duration duration,
        String stdout, String stderr) {

    public CommandResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
    }

    /** Whether the program ran and exited with 0. */
    public boolean succeeded() {
        return error.isEmpty() && exitCode == 0;
    }

    /** What went wrong, completing "failed…": {@code with exit code 3} or {@code : <error>}. */
    String failure() {
        return error.map(e -> ": " + e).orElse(" with exit code " + exitCode);
    }
}
