package dev.mdj.server;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** Starting an in-process server on a configuration written by a test. */
public final class TestServers {

    private TestServers() {
    }

    /** Configuration lines for a server whose engine renews nothing (MDRenewMode manual), with what an MD needs. */
    public static final String NOT_RENEWING = """
            MDRenewMode manual
            MDCertificateAgreement accepted
            MDContactEmail admin@example.org
            """;

    /** Reads {@code text} as {@code dir/mdj.conf}. */
    public static Configuration config(Path dir, String text) {
        try {
            Path file = Files.writeString(dir.resolve("mdj.conf"), text);
            return ConfigReader.read(file, ParseOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MdjServer start(Configuration config) {
        try {
            return MdjServer.start(config, Clock.systemUTC(), 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
