package dev.mdj.cli;

import dev.mdj.config.Configuration;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * httpd's {@code -k start|stop|restart|graceful}: starts {@code mdj serve} in the background
 * with its output in the ErrorLog, or signals the server named by the PidFile.
 */
final class ServerControl {

    private static final Duration START_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final ConfigOptions options;
    private final PrintWriter out;

    ServerControl(ConfigOptions options, PrintWriter out) {
        this.options = options;
        this.out = out;
    }

    int run(String action) throws IOException, InterruptedException {
        Configuration configuration = options.read("");
        Path pidFile = ServeCommand.PidFiles.of(configuration);
        Optional<ProcessHandle> running = running(pidFile);
        return switch (action) {
            case "start" -> {
                if (running.isPresent()) {
                    throw new UserError("already running (pid " + running.get().pid() + ", " + pidFile + ")",
                            ExitCodes.CONFIG);
                }
                yield start(configuration, pidFile);
            }
            case "stop" -> stop(running.orElseThrow(() -> notRunning(pidFile)));
            case "graceful" -> signal(running.orElseThrow(() -> notRunning(pidFile)), "USR1");
            case "restart" -> running.isPresent() ? signal(running.get(), "HUP") : start(configuration, pidFile);
            default -> throw new UserError("-k takes start, stop, restart or graceful, not '" + action + "'",
                    ExitCodes.USAGE);
        };
    }

    private int start(Configuration configuration, Path pidFile) throws IOException, InterruptedException {
        Path errorLog = errorLog(configuration);
        Files.createDirectories(errorLog.toAbsolutePath().getParent());
        Files.deleteIfExists(pidFile);
        List<String> command = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED",
                "-jar", jar(), "serve", "-f", options.file().toAbsolutePath().toString()));
        if (options.serverRoot != null) {
            command.addAll(List.of("-d", options.serverRoot.toAbsolutePath().toString()));
        }
        options.defines.forEach(d -> command.addAll(List.of("-D", d)));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(errorLog.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        Instant deadline = Instant.now().plus(START_WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new UserError("the server did not start (exit " + process.exitValue() + "); see " + errorLog,
                        ExitCodes.CONFIG);
            }
            if (running(pidFile).map(p -> p.pid() == process.pid()).orElse(false)) {
                out.println("mdj started (pid " + process.pid() + "); log: " + errorLog);
                out.flush();
                return ExitCodes.OK;
            }
            Thread.sleep(100);
        }
        process.destroy();
        throw new UserError("the server did not come up within " + START_WAIT.toSeconds() + " s; see " + errorLog,
                ExitCodes.CONFIG);
    }

    private int stop(ProcessHandle process) throws InterruptedException {
        process.destroy();
        Instant deadline = Instant.now().plus(STOP_WAIT);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        if (process.isAlive()) {
            throw new UserError("pid " + process.pid() + " did not stop within " + STOP_WAIT.toSeconds() + " s",
                    ExitCodes.CONFIG);
        }
        out.println("mdj stopped");
        out.flush();
        return ExitCodes.OK;
    }

    private int signal(ProcessHandle process, String signal) throws IOException, InterruptedException {
        int exit = new ProcessBuilder("kill", "-s", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new UserError("cannot signal pid " + process.pid(), ExitCodes.CONFIG);
        }
        out.println("mdj (pid " + process.pid() + ") reloads its configuration");
        out.flush();
        return ExitCodes.OK;
    }

    private static UserError notRunning(Path pidFile) {
        return new UserError("not running (no live pid in " + pidFile + ")", ExitCodes.CONFIG);
    }

    /** The process the PidFile names, if it is alive and is a java process. */
    static Optional<ProcessHandle> running(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** ErrorLog when it names a file; else {@code logs/error_log} under the ServerRoot, as httpd. */
    private static Path errorLog(Configuration configuration) {
        return configuration.server().mainServer().logs().errorLog()
                .filter(log -> !log.startsWith("|") && !log.startsWith("syslog"))
                .map(Path::of)
                .map(p -> configuration.server().serverRoot().resolve(p))
                .orElse(configuration.server().serverRoot().resolve("logs").resolve("error_log"));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String jar() {
        try {
            return Path.of(ServerControl.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
