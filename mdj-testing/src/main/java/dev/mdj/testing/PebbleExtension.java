package dev.mdj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link PebbleServer} for all tests of a class, on free ports, stopped after them:
 * {@code @RegisterExtension static final PebbleExtension PEBBLE = new PebbleExtension();}.
 * Tests that need a Pebble of their own (other options, a clean log) start one themselves.
 */
public final class PebbleExtension implements BeforeAllCallback, AfterAllCallback {

    private PebbleServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            server = PebbleServer.start(Files.createTempDirectory("mdj-pebble-"), FreePorts.find(), FreePorts.find());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            Path workDir = server.workDir();
            server.close();
            TestFiles.deleteTree(workDir);
        }
    }

    /** The running Pebble. */
    public PebbleServer server() {
        if (server == null) {
            throw new IllegalStateException("Pebble is not running; register the extension as a static field");
        }
        return server;
    }
}
