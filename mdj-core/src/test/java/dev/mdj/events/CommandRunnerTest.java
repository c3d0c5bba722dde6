package dev.mdj.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    @TempDir
    Path dir;

    private CommandRunner runner() {
        return new CommandRunner(dir, Duration.ofSeconds(20));
    }

    @Test
    void runsWithoutAShell() throws IOException {
        Path cmd = Scripts.write(dir, "cmd.sh", Scripts.EVENT_CMD);
        CommandResult result = runner().run(List.of(cmd.toString(), "a;b", "$HOME", "*", "x y"));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(result.error()).isEmpty();
        assertThat(Scripts.events(dir)).containsExactly("cmd=cmd.sh argc=4 [a;b] [$HOME] [*] [x y]");
    }

    @Test
    void aNonZeroExitIsAFailure() throws IOException {
        Path cmd = Scripts.write(dir, "cmd.sh", Scripts.EVENT_CMD);
        Scripts.exitWith(cmd, 3);
        CommandResult result = runner().run(List.of(cmd.toString()));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.failure()).isEqualTo(" with exit code 3");
    }

    @Test
    void capturesOutputAndRunsInTheWorkingDirectory() throws IOException {
        Path cmd = Scripts.write(dir, "out.sh", """
                #!/bin/sh
                echo "out in $(pwd)"
                echo "err line" >&2
                """);
        CommandResult result = runner().run(List.of(cmd.toString()));
        assertThat(result.stdout()).isEqualTo("out in " + dir.toRealPath() + "\n");
        assertThat(result.stderr()).isEqualTo("err line\n");
    }

    @Test
    void keepsTheFirst64KiBOfOutput() throws IOException {
        Path cmd = Scripts.write(dir, "big.sh", """
                #!/bin/sh
                head -c 200000 /dev/zero | tr '\\0' x
                """);
        CommandResult result = runner().run(List.of(cmd.toString()));
        assertThat(result.succeeded()).isTrue();
        assertThat(result.stdout()).hasSize(CommandRunner.CAPTURE_LIMIT).matches("x+");
    }

    @Test
    void standardInputIsEmpty() throws IOException {
        Path cmd = Scripts.write(dir, "stdin.sh", """
                #!/bin/sh
                if read line; then echo "read: $line"; else echo eof; fi
                """);
        CommandResult result = new CommandRunner(dir, Duration.ofSeconds(5)).run(List.of(cmd.toString()));
        assertThat(result.error()).isEmpty();
        assertThat(result.stdout()).isEqualTo("eof\n");
    }

    @Test
    void theEnvironmentIsTheServers() throws IOException {
        Path cmd = Scripts.write(dir, "env.sh", """
                #!/bin/sh
                echo "$PATH"
                """);
        assertThat(runner().run(List.of(cmd.toString())).stdout()).isEqualTo(System.getenv("PATH") + "\n");
    }

    @Test
    void aNameWithoutSlashIsInTheWorkingDirectoryNotOnPath() throws IOException {
        Scripts.write(dir, "local.sh", Scripts.EVENT_CMD);
        assertThat(runner().run(List.of("local.sh", "x")).succeeded()).isTrue();
        assertThat(Scripts.events(dir)).containsExactly("cmd=local.sh argc=1 [x]");

        CommandResult onPath = runner().run(List.of("true"));
        assertThat(onPath.error()).contains("cannot run 'true': No such file or directory");
    }

    @Test
    void aMissingProgramIsAFailure() {
        CommandResult result = runner().run(List.of("/x/y", "arg"));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isEqualTo(-1);
        assertThat(result.error()).contains("cannot run '/x/y': No such file or directory");
        assertThat(result.failure()).isEqualTo(": cannot run '/x/y': No such file or directory");
    }

    @Test
    void aFileThatIsNotExecutableIsAFailure() throws IOException {
        Path file = Files.writeString(dir.resolve("plain.txt"), "#!/bin/sh\n");
        assertThat(runner().run(List.of(file.toString())).error())
                .contains("cannot run '" + file + "': Permission denied");
    }

    @Test
    @Timeout(30)
    void aTimeoutKillsTheCommandAndItsChildren() throws Exception {
        Path cmd = Scripts.write(dir, "slow.sh", """
                #!/bin/sh
                sleep 60 &
                echo $! > "$(dirname "$0")/child.pid"
                wait
                """);
        CommandResult result = new CommandRunner(dir, Duration.ofMillis(1500)).run(List.of(cmd.toString()));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains("timed out after 1500ms");
        assertThat(result.duration()).isLessThan(Duration.ofSeconds(10));
        long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());
        assertThat(gone(child)).as("child sleep %d killed", child).isTrue();
    }

    private static boolean gone(long pid) throws InterruptedException {
        for (int i = 0; i < 50; i++) {
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isEmpty() || !handle.get().isAlive()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    @Timeout(30)
    void runsFromVirtualThreads() throws Exception {
        Path cmd = Scripts.write(dir, "cmd.sh", Scripts.EVENT_CMD);
        CommandRunner runner = runner();
        List<Thread> threads = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> Thread.ofVirtual().start(() -> runner.run(List.of(cmd.toString(), "n" + i))))
                .toList();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(Scripts.events(dir)).hasSize(8);
    }
}
