package dev.mdj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A real ACME CA for tests: Pebble with pebble-challtestsrv as its DNS server (every A query
 * answers 127.0.0.1, no AAAA), on free loopback ports. Pebble validates http-01 on
 * {@code httpPort} and tls-alpn-01 on {@code tlsPort} of 127.0.0.1: the ports where the server
 * under test answers challenges.
 *
 * <p>Runs with {@code PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 PEBBLE_AUTHZREUSE=0} (no
 * random validation delay, no injected badNonce, fresh authorizations for every order) and
 * 90-day certificates, like the reference runs. Pebble's HTTPS listener uses a certificate for
 * {@code localhost}/{@code 127.0.0.1} from a {@link TestPki} CA: {@link #listenerCaFile()}.
 * Logs go to {@code pebble.log} and {@code challtestsrv.log} in the work directory.
 *
 * <p>{@link #start} skips the calling test (JUnit assumption) when the binaries are missing.
 * {@link #close} stops both processes by PID.
 */
public final class PebbleServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Path workDir;
    private final int acmePort;
    private final int managementPort;
    private final int dnsPort;
    private final int dnsManagementPort;
    private final int httpPort;
    private final int tlsPort;
    private final TestPki listenerPki;
    private final Options options;
    private Process challtestsrv;
    private Process pebble;
    private HttpClient client;
    private Path rootFile;

    /**
     * Optional Pebble settings.
     *
     * @param eabKeys external account binding keys (kid to base64url HMAC key); non-empty makes
     *     Pebble require EAB for new accounts
     * @param env extra environment for Pebble, overriding the defaults (e.g.
     *     {@code PEBBLE_WFE_NONCEREJECT=50})
     */
    public record Options(Map<String, String> eabKeys, Map<String, String> env) {
        public static final Options DEFAULT = new Options(Map.of(), Map.of());

        public Options {
            eabKeys = Map.copyOf(eabKeys);
            env = Map.copyOf(env);
        }

        public Options withEab(Map<String, String> keys) {
            return new Options(keys, env);
        }

        public Options withEnv(String name, String value) {
            java.util.Map<String, String> e = new java.util.HashMap<>(env);
            e.put(name, value);
            return new Options(eabKeys, e);
        }
    }

    private PebbleServer(Path workDir, int httpPort, int tlsPort, TestPki listenerPki, Options options) {
        this.options = options;
        this.workDir = workDir;
        int[] ports = FreePorts.find(4);
        this.acmePort = ports[0];
        this.managementPort = ports[1];
        this.dnsPort = ports[2];
        this.dnsManagementPort = ports[3];
        this.httpPort = httpPort;
        this.tlsPort = tlsPort;
        this.listenerPki = listenerPki;
    }

    /** Whether {@code pebble} and {@code pebble-challtestsrv} are installed. */
    public static boolean available() {
        return Processes.findExecutable("pebble") != null
                && Processes.findExecutable("pebble-challtestsrv") != null;
    }

    /**
     * Starts challtestsrv and Pebble and waits until both answer.
     *
     * @param workDir where config, certificates and logs go (created if needed)
     * @param httpPort the port Pebble's VA connects to for http-01
     * @param tlsPort the port Pebble's VA connects to for tls-alpn-01
     */
    public static PebbleServer start(Path workDir, int httpPort, int tlsPort) {
        return start(workDir, httpPort, tlsPort, Options.DEFAULT);
    }

    /** Like {@link #start(Path, int, int)}, with EAB keys or extra environment. */
    public static PebbleServer start(Path workDir, int httpPort, int tlsPort, Options options) {
        Assumptions.assumeTrue(available(), "pebble and pebble-challtestsrv are not installed (apt-get install pebble)");
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TestPki pki = TestPki.create(workDir.resolve("listener-pki"), "mdj test Pebble listener CA");
        PebbleServer server = new PebbleServer(workDir, httpPort, tlsPort, pki, options);
        try {
            server.doStart();
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private void doStart() {
        TestPki.Leaf listener = listenerPki.issue("localhost", List.of("localhost", "127.0.0.1"));
        Path config = workDir.resolve("pebble.json");
        write(config, """
                {
                  "pebble": {
                    "listenAddress": "127.0.0.1:%d",
                    "managementListenAddress": "127.0.0.1:%d",
                    "certificate": "%s",
                    "privateKey": "%s",
                    "httpPort": %d,
                    "tlsPort": %d,
                    "ocspResponderURL": "",
                    "externalAccountBindingRequired": %s,
                    "externalAccountMACKeys": %s,
                    "domainBlocklist": ["blocked-domain.example"],
                    "certificateValidityPeriod": 7776000
                  }
                }
                """.formatted(acmePort, managementPort, json(listener.certificateFile()),
                json(listener.keyFile()), httpPort, tlsPort, !options.eabKeys().isEmpty(), eabJson()));
        client = HttpClient.newBuilder().sslContext(TestTls.trusting(listenerPki.caCertificate()))
                .connectTimeout(Duration.ofSeconds(2)).build();

        challtestsrv = launch(List.of("pebble-challtestsrv", "-defaultIPv4", "127.0.0.1", "-defaultIPv6", "",
                "-dns01", "127.0.0.1:" + dnsPort, "-management", "127.0.0.1:" + dnsManagementPort,
                "-http01", "", "-https01", "", "-tlsalpn01", ""),
                Map.of(), challtestsrvLog());
        pebble = launch(List.of("pebble", "-config", config.toString(), "-dnsserver", "127.0.0.1:" + dnsPort),
                pebbleEnv(),
                pebbleLog());

        if (!Processes.waitFor(START_TIMEOUT, () -> pebble.isAlive() && get(directoryUrl()).statusCode() == 200)) {
            throw new IllegalStateException("Pebble did not answer " + directoryUrl() + " within "
                    + START_TIMEOUT + "\n" + logs());
        }
        if (!Processes.waitFor(START_TIMEOUT, () -> challtestsrv.isAlive()
                && post("http://127.0.0.1:" + dnsManagementPort + "/set-default-ipv4", "{\"ip\":\"127.0.0.1\"}")
                        .statusCode() == 200)) {
            throw new IllegalStateException("pebble-challtestsrv did not answer on management port "
                    + dnsManagementPort + " within " + START_TIMEOUT + "\n" + logs());
        }
        rootFile = workDir.resolve("pebble-root.pem");
        write(rootFile, get("https://localhost:" + managementPort + "/roots/0").body());
        write(workDir.resolve("pebble-intermediate.pem"),
                get("https://localhost:" + managementPort + "/intermediates/0").body());
    }

    /** The ACME directory URL, {@code https://localhost:<port>/dir}. */
    public String directoryUrl() {
        return "https://localhost:" + acmePort + "/dir";
    }

    /** The CA that signed Pebble's HTTPS listener certificate (for MDCACertificateFile). */
    public Path listenerCaFile() {
        return listenerPki.caCertificateFile();
    }

    /** The root of the certificates Pebble issues (fetched from its management port). */
    public Path issuingRootFile() {
        return rootFile;
    }

    public X509Certificate issuingRoot() {
        return Pem.readCertificates(rootFile).get(0);
    }

    /** challtestsrv's management base URL, for {@code /add-a}, {@code /set-servfail} and the like. */
    public String challengeServerManagementUrl() {
        return "http://127.0.0.1:" + dnsManagementPort;
    }

    public int managementPort() {
        return managementPort;
    }

    public int httpPort() {
        return httpPort;
    }

    public int tlsPort() {
        return tlsPort;
    }

    public Path workDir() {
        return workDir;
    }

    public Path pebbleLog() {
        return workDir.resolve("pebble.log");
    }

    public Path challtestsrvLog() {
        return workDir.resolve("challtestsrv.log");
    }

    /** The tails of both logs, for failure messages. */
    public String logs() {
        return Processes.tail(pebbleLog(), 30) + "\n" + Processes.tail(challtestsrvLog(), 15);
    }

    /** A POST to challtestsrv's management API (e.g. {@code /set-servfail}). */
    public void challengeServer(String path, String json) {
        HttpResponse<String> r = post(challengeServerManagementUrl() + path, json);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("challtestsrv " + path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    @Override
    public void close() {
        if (pebble != null) {
            Processes.kill(pebble.toHandle(), Duration.ofSeconds(5));
        }
        if (challtestsrv != null) {
            Processes.kill(challtestsrv.toHandle(), Duration.ofSeconds(5));
        }
        if (client != null) {
            client.close();
        }
    }

    private Map<String, String> pebbleEnv() {
        Map<String, String> env = new java.util.HashMap<>(
                Map.of("PEBBLE_VA_NOSLEEP", "1", "PEBBLE_WFE_NONCEREJECT", "0", "PEBBLE_AUTHZREUSE", "0"));
        env.putAll(options.env());
        return env;
    }

    private String eabJson() {
        StringBuilder sb = new StringBuilder("{");
        options.eabKeys().forEach((kid, hmac) -> sb.append(sb.length() > 1 ? ", " : "")
                .append('"').append(kid).append("\": \"").append(hmac).append('"'));
        return sb.append('}').toString();
    }

    private static Process launch(List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build());
    }

    private HttpResponse<String> post(String url, String body) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String json(Path p) {
        return p.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
