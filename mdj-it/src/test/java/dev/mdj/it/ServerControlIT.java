package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.testing.FreePorts;
import dev.mdj.testing.Processes;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** httpd's process control: {@code mdj -f FILE -k start|graceful|stop}, PidFile and ErrorLog. */
class ServerControlIT {

    @TempDir
    Path dir;

    @Test
    void startGracefulStop() throws Exception {
        int first = FreePorts.find();
        int second = FreePorts.find();
        Path conf = dir.resolve("mdj.conf");
        Files.writeString(conf, "ServerRoot " + dir + "\nPidFile run/mdj.pid\nErrorLog logs/mdj.log\nListen 127.0.0.1:"
                + first + "\n");
        Path pidFile = dir.resolve("run/mdj.pid");
        try {
            String start = MdjJar.run("-f", conf.toString(), "-k", "start");
            assertThat(start).startsWith("0\n").contains("mdj started (pid");
            assertThat(pidFile).exists();
            assertThat(listening(first)).isTrue();
            assertThat(MdjJar.run("-f", conf.toString(), "-k", "start")).startsWith("1\n").contains("already running");

            Files.writeString(conf, "Listen 127.0.0.1:" + second + "\n", java.nio.file.StandardOpenOption.APPEND);
            assertThat(MdjJar.run("-f", conf.toString(), "-k", "graceful")).startsWith("0\n");
            assertThat(Processes.waitFor(Duration.ofSeconds(20), () -> listening(second)))
                    .as("the new Listen is bound after graceful; log:%n%s", log()).isTrue();
            assertThat(listening(first)).isTrue();
            // The new listener is bound before the reload is logged as done.
            assertThat(Processes.waitFor(Duration.ofSeconds(10),
                    () -> log().contains("configuration reloaded (generation 2)")))
                    .as("graceful logs the new generation; log:%n%s", log()).isTrue();

            Files.writeString(conf, "NotADirective x\n", java.nio.file.StandardOpenOption.APPEND);
            assertThat(MdjJar.run("-f", conf.toString(), "-k", "graceful")).startsWith("1\n")
                    .contains("mdj.conf:6: Invalid command 'NotADirective'");
            assertThat(listening(second)).as("a bad configuration changes nothing").isTrue();
            Files.writeString(conf, Files.readString(conf).replace("NotADirective x\n", ""));

            assertThat(MdjJar.run("-f", conf.toString(), "-k", "stop")).startsWith("0\n").contains("mdj stopped");
            assertThat(listening(first)).isFalse();
            assertThat(pidFile).doesNotExist();
            assertThat(MdjJar.run("-f", conf.toString(), "-k", "stop")).startsWith("1\n").contains("not running");
        } finally {
            if (Files.exists(pidFile)) {
                Processes.kill(Long.parseLong(Files.readString(pidFile).trim()), Duration.ofSeconds(10));
            }
        }
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("logs/mdj.log"));
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
