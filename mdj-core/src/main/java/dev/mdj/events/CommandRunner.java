package dev.mdj.events;

import dev.mdj.md.Durations;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an admin's command the way mod_md's {@code md_util_exec} does, without a shell: the
 * program is executed directly with the given arguments and the server's environment, standard
 * input reads nothing, and any exit code other than 0 is a failure. As in mod_md the program is
 * not looked up on {@code PATH}: a name without {@code /} is a file in the working directory.
 *
 * <p>Unlike mod_md, which waits as long as the command takes, a command that runs longer than
 * the timeout is killed with everything it started. Standard output and error are captured (the
 * first {@value #CAPTURE_LIMIT} bytes of each, the rest is read and dropped) and logged at INFO
 * line by line, as mod_md logs standard error.
 *
 * <p>Thread-safe; {@link #run} blocks, so call it from a virtual thread.
 */
public final class CommandRunner {

    /** The default for how long a command may run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    /** How many bytes of each output stream are kept. */
    public static final int CAPTURE_LIMIT = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
    private static final Pattern ERRNO_MESSAGE =
            Pattern.compile("error=\\d+, (.+)|error: \\d+ \\((.+)\\)");
    private static final File NO_INPUT = new File("/dev/null");
    /** How long to wait for output after the program ended (a child it left may hold the pipe). */
    private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);

    private final Path workingDirectory;
    private final Duration timeout;

    /**
     * @param workingDirectory where commands run, and where a program name without {@code /} is
     * @param timeout how long a command may run before it is killed
     */
    public CommandRunner(Path workingDirectory, Duration timeout) {
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /**
     * Runs {@code argv} and waits until it ends or the timeout passed.
     *
     * @param argv the program, then its arguments
     * @throws IllegalArgumentException if {@code argv} is empty
     */
    public CommandResult run(List<String> argv) {
        List<String> args = List.copyOf(argv);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("no command to run");
        }
        String program = args.getFirst();
        List<String> command = new ArrayList<>(args);
        if (program.indexOf('/') < 0) {
            command.set(0, "./" + program);
        }
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(NO_INPUT);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return new CommandResult(args, -1, Optional.of("cannot run '" + program + "': " + reason(e)),
                    elapsed(start), "", "");
        }
        Capture stdout = new Capture(process.getInputStream());
        Capture stderr = new Capture(process.getErrorStream());
        Optional<String> error = Optional.empty();
        try {
            if (!process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                killTree(process.toHandle());
                process.waitFor();
                error = Optional.of("timed out after " + Durations.format(timeout));
            }
        } catch (InterruptedException e) {
            killTree(process.toHandle());
            Thread.currentThread().interrupt();
            error = Optional.of("interrupted");
        }
        String out = stdout.await();
        String err = stderr.await();
        CommandResult result = new CommandResult(args, error.isPresent() ? -1 : process.exitValue(), error,
                elapsed(start), out, err);
        String name = Path.of(program).getFileName().toString();
        out.lines().forEach(line -> LOG.info("cmd({}) stdout: {}", name, line));
        err.lines().forEach(line -> LOG.info("cmd({}) stderr: {}", name, line));
        return result;
    }

    /** Kills the process and everything it started; the children are found before the parent dies. */
    private static void killTree(ProcessHandle process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * The system's reason ("No such file or directory") out of the JDK's message, which reads
     * "error=2, No such file or directory" or "Exec failed, error: 2 (No such file or directory)".
     */
    private static String reason(IOException e) {
        String message = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
        if (message == null) {
            return e.toString();
        }
        Matcher m = ERRNO_MESSAGE.matcher(message);
        return m.find() ? (m.group(1) != null ? m.group(1) : m.group(2)).strip() : message;
    }

    private static Duration elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Reads one output stream on a virtual thread, keeping the first {@value #CAPTURE_LIMIT} bytes. */
    private static final class Capture {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final Thread reader;

        Capture(InputStream in) {
            reader = Thread.ofVirtual().name("cmd-output").start(() -> drain(in));
        }

        private void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (kept) {
                        kept.write(buffer, 0, Math.min(n, Math.max(0, CAPTURE_LIMIT - kept.size())));
                    }
                }
            } catch (IOException e) {
                LOG.debug("reading command output failed", e);
            }
        }

        /** What was read; waits a little for the rest, then gives up on a pipe a stray child holds. */
        String await() {
            try {
                reader.join(OUTPUT_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
