package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code mdj serve} from the built jar, in the background, with its log in a file. */
final class MdjServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private MdjServerProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code mdj serve -f config} and waits until it listens on every port in {@code ports}. */
    static MdjServerProcess start(Path config, int... ports) {
        Path log = config.resolveSibling("mdj-serve.log");
        List<String> command = new ArrayList<>(MdjJar.command("serve", "-f", config.toString()));
        command.add(1, "--enable-native-access=ALL-UNNAMED");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            MdjServerProcess server = new MdjServerProcess(process, log);
            for (int port : ports) {
                boolean up = Processes.waitFor(Duration.ofSeconds(30), () -> !process.isAlive()
                        || server.log().contains("listening on /127.0.0.1:" + port));
                assertThat(process.isAlive() && up).as("mdj serve listens on %d; log:%n%s", port, server.log()).isTrue();
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the log shows {@code text}, failing with the log after {@code timeout}. */
    void awaitLog(String text, Duration timeout) {
        boolean seen = Processes.waitFor(timeout, () -> log().contains(text));
        assertThat(seen).as("mdj log shows '%s'; log:%n%s", text, log()).isTrue();
    }

    @Override
    public void close() {
        Processes.kill(process.toHandle(), Duration.ofSeconds(15));
    }
}
