package dev.mdj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A real OCSP responder for a {@link TestPki}: {@code openssl ocsp} on a loopback port, signing
 * with the CA's key, answering from an {@code openssl ca} index file that the test fills with
 * {@link #good} and {@link #revoke}. Certificates not in the index are {@code unknown}. Stop it
 * with {@link #close}; {@link #start} again to bring it back on the same port.
 */
public final class OcspResponder implements AutoCloseable {

    private static final DateTimeFormatter INDEX_TIME =
            DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final TestPki pki;
    private final int port;
    private final Path index;
    private final Path log;
    private final Duration validity;
    /** Index lines by serial (upper-case hex). */
    private final Map<String, String> entries = new LinkedHashMap<>();
    private Process process;

    private OcspResponder(TestPki pki, int port, Duration validity) {
        this.pki = pki;
        this.port = port;
        this.validity = validity;
        this.index = pki.caCertificateFile().resolveSibling("ocsp-index.txt");
        this.log = pki.caCertificateFile().resolveSibling("ocsp-responder.log");
    }

    /**
     * A responder for {@code pki} on a free port, not started yet: certificates issued for it
     * need its {@link #url()} first.
     *
     * @param validity the responses' nextUpdate − thisUpdate (whole minutes)
     */
    public static OcspResponder create(TestPki pki, Duration validity) {
        OcspResponder responder = new OcspResponder(pki, FreePorts.find(), validity);
        responder.writeIndex();
        return responder;
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Answers {@code good} for {@code cert} from now on (after a restart of a running responder). */
    public synchronized OcspResponder good(X509Certificate cert) {
        entries.put(serial(cert), String.join("\t", "V", INDEX_TIME.format(cert.getNotAfter().toInstant()), "",
                serial(cert), "unknown", "/CN=test"));
        writeIndex();
        return this;
    }

    /** Answers {@code revoked} for {@code cert} from now on (after a restart of a running responder). */
    public synchronized OcspResponder revoke(X509Certificate cert) {
        entries.put(serial(cert), String.join("\t", "R", INDEX_TIME.format(cert.getNotAfter().toInstant()),
                INDEX_TIME.format(java.time.Instant.now().minusSeconds(60)) + ",keyCompromise", serial(cert), "unknown",
                "/CN=test"));
        writeIndex();
        return this;
    }

    /** Starts {@code openssl ocsp} and waits until it accepts connections. */
    public synchronized OcspResponder start() {
        if (process != null) {
            return this;
        }
        List<String> command = new ArrayList<>(List.of("openssl", "ocsp", "-index", index.toString(),
                "-port", Integer.toString(port), "-rsigner", pki.caCertificateFile().toString(),
                "-rkey", pki.caKeyFile().toString(), "-CA", pki.caCertificateFile().toString(),
                "-nmin", Long.toString(Math.max(1, validity.toMinutes())), "-ignore_err"));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start openssl ocsp", e);
        }
        // openssl ocsp serves one connection at a time and hangs on one that closes without a
        // request, so readiness is read from its log rather than probed with a connection.
        if (!Processes.waitFor(Duration.ofSeconds(10), this::waiting)) {
            close();
            throw new IllegalStateException("openssl ocsp did not start on port " + port + ":\n" + Processes.tail(log, 20));
        }
        return this;
    }

    /** Stops the responder (a responder outage); {@link #start} brings it back. */
    public synchronized void stop() {
        if (process != null) {
            Processes.kill(process.toHandle(), Duration.ofSeconds(2));
            process = null;
        }
    }

    /** Restarts a running responder so that it reads the index again. */
    public synchronized OcspResponder restart() {
        stop();
        return start();
    }

    @Override
    public void close() {
        stop();
    }

    private boolean waiting() {
        try {
            return Files.readString(log).contains("waiting for OCSP client connections");
        } catch (IOException e) {
            return false;
        }
    }

    private void writeIndex() {
        try {
            Path tmp = index.resolveSibling(index.getFileName() + ".tmp");
            Files.writeString(tmp, entries.values().stream().map(line -> line + "\n").reduce("", String::concat));
            Files.writeString(index.resolveSibling(index.getFileName() + ".attr"), "unique_subject = no\n");
            Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String serial(X509Certificate cert) {
        String hex = cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT);
        return hex.length() % 2 == 1 ? "0" + hex : hex;
    }
}
