package dev.mdj.testing;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Small helpers for tests that drive real programs: run, wait, kill by PID, read log tails. */
public final class Processes {

    private Processes() {
    }

    /** What a finished program said. */
    public record Result(List<String> command, int exitCode, String output) {

        /** Throws with the command, exit code and output unless the exit code is 0. */
        public Result orThrow() {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exitCode
                        + ":\n" + output);
            }
            return this;
        }
    }

    /** Runs a program to its end (stdout and stderr merged), killing it after {@code timeout}. */
    public static Result run(List<String> command, Map<String, String> env, String stdin, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            try (var in = p.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            // Read in a separate thread so that a full pipe never blocks the program.
            var out = new java.io.ByteArrayOutputStream();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var is = p.getInputStream()) {
                    is.transferTo(out);
                } catch (IOException ignored) {
                    // the process was killed
                }
            });
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p.toHandle(), Duration.ofSeconds(2));
                reader.join(2000);
                throw new IllegalStateException(String.join(" ", command) + " did not finish within "
                        + timeout + ":\n" + out.toString(StandardCharsets.UTF_8));
            }
            reader.join(5000);
            return new Result(List.copyOf(command), p.exitValue(), out.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted: " + command));
        }
    }

    public static Result run(String... command) {
        return run(List.of(command), Map.of(), null, Duration.ofSeconds(60));
    }

    /**
     * Ends one process (and its descendants) that the caller started: SIGTERM, then SIGKILL
     * after {@code grace}.
     */
    public static void kill(ProcessHandle process, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process);
        all.forEach(ProcessHandle::destroy);
        Instant end = Instant.now().plus(grace);
        for (ProcessHandle h : all) {
            long left = Math.max(1, Duration.between(Instant.now(), end).toMillis());
            try {
                h.onExit().get(left, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                h.destroyForcibly();
            }
        }
    }

    /** Ends the process with this PID, if it is alive. */
    public static void kill(long pid, Duration grace) {
        ProcessHandle.of(pid).ifPresent(h -> kill(h, grace));
    }

    /** Polls every 50 ms until the condition holds; false on timeout. */
    public static boolean waitFor(Duration timeout, BooleanSupplier condition) {
        Instant end = Instant.now().plus(timeout);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return true;
                }
            } catch (RuntimeException e) {
                // not yet
            }
            if (Instant.now().isAfter(end)) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** The last {@code lines} lines of a text file, or a note that it is missing. */
    public static String tail(Path file, int lines) {
        try {
            if (!Files.exists(file)) {
                return "(" + file + " does not exist)";
            }
            List<String> all = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            return "---- " + file + " (last " + Math.min(lines, all.size()) + " of " + all.size() + " lines)\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e + ")";
        }
    }

    /** The program's path if it is an executable on PATH (or an absolute path), else null. */
    public static Path findExecutable(String name) {
        if (name.startsWith("/")) {
            Path p = Path.of(name);
            return Files.isExecutable(p) ? p : null;
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin");
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty()) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Whether this JVM runs as root (Linux: the owner of /proc/self). */
    public static boolean isRoot() {
        try {
            return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
