package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The built {@code mdj.jar} run as a user runs it (the path comes from failsafe's {@code mdj.jar}). */
final class MdjJar {

    private MdjJar() {
    }

    /** The command for {@code mdj args...}, to start it yourself. */
    static List<String> command(String... args) {
        String jar = System.getProperty("mdj.jar");
        assertThat(jar).as("system property mdj.jar (set by failsafe)").isNotNull();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code mdj args...} to the end: its exit code, a newline, then what it printed. */
    static String run(String... args) {
        try {
            Process process = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("mdj finished").isTrue();
            return process.exitValue() + "\n" + output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
