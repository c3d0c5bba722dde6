package dev.mdj.cli;

import dev.mdj.config.Configuration;
import dev.mdj.server.MdjServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import sun.misc.Signal;

/**
 * {@code mdj serve}: runs the server in the foreground until SIGTERM or SIGINT (systemd,
 * containers, {@code -k start} runs this in the background). SIGHUP and SIGUSR1 reload the
 * configuration gracefully, as httpd's restart and graceful do.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the server in the foreground. SIGHUP/SIGUSR1 reload the configuration without"
                + " dropping connections; SIGTERM/SIGINT stop it."})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Configuration configuration = config.read("");
        ServerLogging.apply(configuration);
        configuration.warnings().forEach(w -> LOG.warn("{}", w));
        MdjServer server;
        try {
            server = MdjServer.start(configuration);
        } catch (IOException e) {
            throw new UserError(e.getMessage(), ExitCodes.CONFIG);
        }
        Path pidFile = PidFiles.of(configuration);
        PidFiles.write(pidFile);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.close();
            PidFiles.remove(pidFile);
            stopped.countDown();
        }, "mdj-stop"));
        Signal.handle(new Signal("HUP"), signal -> reload(server));
        Signal.handle(new Signal("USR1"), signal -> reload(server));
        LOG.info("mdj is serving {} managed domain(s); pid {}", configuration.managedDomains().size(),
                ProcessHandle.current().pid());
        stopped.await();
        return ExitCodes.OK;
    }

    private void reload(MdjServer server) {
        Thread.ofVirtual().start(() -> {
            try {
                server.reload(config.read(""));
            } catch (UserError | IOException e) {
                LOG.error("configuration not reloaded, still serving the previous one: {}", e.getMessage());
            }
        });
    }

    /** Where the PidFile is. */
    static final class PidFiles {
        private PidFiles() {
        }

        static Path of(Configuration configuration) {
            return configuration.server().pidFile()
                    .orElse(configuration.server().serverRoot().resolve("logs").resolve("mdj.pid"));
        }

        static void write(Path file) throws IOException {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temp, ProcessHandle.current().pid() + "\n");
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        static void remove(Path file) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // the next start overwrites it
            }
        }
    }
}
