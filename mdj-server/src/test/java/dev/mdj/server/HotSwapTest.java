package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.Configuration;
import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StagingActivation;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoreLock;
import dev.mdj.store.json.MdJson;
import dev.mdj.testing.TestPki;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live activation under load: two hundred clients keep making TLS requests (JDK HttpClients over
 * h2 and HTTP/1.1 reusing their connections, and raw sockets doing a full handshake per request)
 * while a managed domain's certificate is replaced again and again, both ways the store can
 * change (files rewritten in place, and a staged set activated as the engine does it, which
 * renames the whole directory), and while the configuration is reloaded. No request may fail,
 * every handshake must present one of the issued certificates (never a fallback), and afterwards
 * new handshakes get the newest.
 */
class HotSwapTest {

    private static final String MD = "swap.example.org";
    private static final KeySpec RSA = new KeySpec.Rsa(KeySpec.Rsa.DEFAULT_BITS);
    private static final int HTTP_CLIENTS = 100;
    private static final int SOCKET_CLIENTS = 100;
    private static final int SWAPS = 6;
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private X509Certificate ca;

    private Configuration config(String name, int port, String vhostExtra) throws java.io.IOException {
        return TestServers.config(Files.createDirectories(dir.resolve(name)), """
                Listen 127.0.0.1:%1$d https
                MDStoreDir %2$s
                # a CA that is never contacted: manual mode never renews
                MDCertificateAuthority https://127.0.0.1:9/directory
                MDRenewMode manual
                MDCertificateAgreement accepted
                MDomain %3$s
                <VirtualHost *:%1$d>
                  ServerName %3$s
                  SSLEngine on
                  %4$s
                </VirtualHost>
                """.formatted(port, dir.resolve("md"), MD, vhostExtra));
    }

    @Test
    void certificatesSwappedAndConfigurationReloadedUnderLoadFailNoRequest() throws Exception {
        int port = TestServers.freePort();
        TestPki pki = TestPki.create(dir.resolve("pki"), "mdj hot swap test CA");
        ca = pki.caCertificate();
        List<TestPki.Leaf> leaves = IntStream.rangeClosed(0, SWAPS).mapToObj(i -> pki.issue("leaf" + i, List.of(MD)))
                .toList();
        Set<BigInteger> issued = Set.copyOf(leaves.stream().map(l -> l.certificate().getSerialNumber()).toList());
        Configuration original = config("a", port, "");
        Configuration changed = config("b", port, "ServerAlias alias.example.org\n  KeepAliveTimeout 3");
        FileStore store = FileStore.open(dir.resolve("md"));
        writeInPlace(store, leaves.get(0));

        SSLContext trust = dev.mdj.testing.TestTls.trusting(ca);
        try (LogCapture log = LogCapture.start(); MdjServer server = TestServers.start(original);
                Load load = new Load(port, trust)) {
            load.start(HTTP_CLIENTS, SOCKET_CLIENTS);
            load.awaitSuccesses(HTTP_CLIENTS + SOCKET_CLIENTS);
            for (int i = 1; i <= SWAPS; i++) {
                if (i % 2 == 1) {
                    writeInPlace(store, leaves.get(i));
                } else {
                    activateStaged(store, leaves.get(i));
                }
                server.activated(MD).join();
                if (i % 2 == 0) {
                    server.reload(i % 4 == 0 ? original : changed);
                }
                load.awaitSuccesses(HTTP_CLIENTS + SOCKET_CLIENTS);
            }
            load.stop();

            assertThat(load.failures).as("failed requests").isEmpty();
            assertThat(load.successes.get()).isGreaterThan(SWAPS * (HTTP_CLIENTS + SOCKET_CLIENTS));
            assertThat(load.served.keySet()).as("served certificates").isSubsetOf(issued).hasSizeGreaterThan(1);
            BigInteger newest = leaves.get(SWAPS).certificate().getSerialNumber();
            assertThat(load.socketRequest().getSerialNumber()).isEqualTo(newest);
            assertThat(load.httpRequest(load.newClient(HttpClient.Version.HTTP_2)).getSerialNumber())
                    .isEqualTo(newest);
            assertThat(log.problems()).isEmpty();
        }
    }

    /** Rewrites key and chain in {@code domains/<md>/}, as an admin or another tool may. */
    private void writeInPlace(FileStore store, TestPki.Leaf leaf) {
        store.save(StoreGroup.DOMAINS, MD, Aspect.privateKey(RSA), leaf.privateKey());
        store.save(StoreGroup.DOMAINS, MD, Aspect.certificateChain(RSA), chain(leaf));
    }

    /**
     * Stages the set and activates it as the engine's watchdog does (under the store lock): the
     * new set is written to {@code tmp/} and renamed over {@code domains/<md>/}.
     */
    private void activateStaged(FileStore store, TestPki.Leaf leaf) {
        MdJson md = store.load(StoreGroup.DOMAINS, MD, Aspect.MD_JSON).map(MdJson::parse).orElseThrow();
        store.save(StoreGroup.STAGING, MD, Aspect.MD_JSON, md.withCaUrl("https://127.0.0.1:9/directory").toJson());
        store.save(StoreGroup.STAGING, MD, Aspect.privateKey(RSA), leaf.privateKey());
        store.save(StoreGroup.STAGING, MD, Aspect.certificateChain(RSA), chain(leaf));
        try (StoreLock lock = store.lock(Duration.ofSeconds(10))) {
            new StagingActivation(store).activate(MD); // unless the watchdog was quicker
        }
        assertThat(store.load(StoreGroup.DOMAINS, MD, Aspect.certificateChain(RSA)).orElseThrow().get(0))
                .isEqualTo(leaf.certificate());
    }

    private List<X509Certificate> chain(TestPki.Leaf leaf) {
        return List.of(leaf.certificate(), ca);
    }

    /** The clients: each loops, one request at a time, until stopped; what goes wrong is kept. */
    private static final class Load implements AutoCloseable {
        private final int port;
        private final SSLContext trust;
        private final ExecutorService threads = Executors.newCachedThreadPool() /* platform threads: client handshakes must not starve the server's virtual threads */;
        private final List<Future<?>> running = new ArrayList<>();
        private final List<HttpClient> clients = new ArrayList<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        final AtomicInteger successes = new AtomicInteger();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final Map<BigInteger, Boolean> served = new ConcurrentHashMap<>();

        Load(int port, SSLContext trust) {
            this.port = port;
            this.trust = trust;
        }

        void start(int httpClients, int socketClients) {
            for (int i = 0; i < httpClients; i++) {
                HttpClient client = newClient(i % 2 == 0 ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
                clients.add(client);
                running.add(threads.submit(() -> loop(() -> httpRequest(client))));
            }
            for (int i = 0; i < socketClients; i++) {
                running.add(threads.submit(() -> loop(this::socketRequest)));
            }
        }

        /** Waits until {@code count} more requests have succeeded, so that each phase runs under load. */
        void awaitSuccesses(int count) throws InterruptedException {
            int target = successes.get() + count;
            long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
            while (successes.get() < target && failures.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(successes.get() >= target || !failures.isEmpty())
                    .as("the load went on (%d of %d more requests)", successes.get() - target + count, count).isTrue();
        }

        void stop() throws Exception {
            stopped.set(true);
            for (Future<?> future : running) {
                future.get(CLIENT_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
            }
        }

        private void loop(ThrowingRequest request) {
            while (!stopped.get()) {
                try {
                    served.put(request.run().getSerialNumber(), true);
                    successes.incrementAndGet();
                } catch (Exception e) {
                    failures.add(e.toString());
                }
            }
        }

        HttpClient newClient(HttpClient.Version version) {
            // Connecting to the IP keeps name resolution out of the test; the SNI name comes from
            // the parameters then (the JDK sends none for an IP), and the certificate is checked
            // against it.
            SSLParameters parameters = trust.getDefaultSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(MD)));
            return HttpClient.newBuilder().sslContext(trust).sslParameters(parameters).version(version)
                    .connectTimeout(CLIENT_TIMEOUT).build();
        }

        /** One request on the client's pooled connections: any HTTP response counts. */
        X509Certificate httpRequest(HttpClient client) throws Exception {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + port + "/")).timeout(CLIENT_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
        }

        /** A new connection, full handshake, one request, read to the end. */
        X509Certificate socketRequest() throws Exception {
            try (SSLSocket socket = (SSLSocket) trust.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), (int) CLIENT_TIMEOUT.toMillis());
                socket.setSoTimeout((int) CLIENT_TIMEOUT.toMillis());
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setServerNames(List.of(new SNIHostName(MD)));
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                parameters.setApplicationProtocols(new String[] {"http/1.1"});
                socket.setSSLParameters(parameters);
                socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + MD + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream answer = new ByteArrayOutputStream();
                in.transferTo(answer);
                String text = answer.toString(StandardCharsets.ISO_8859_1);
                if (!text.startsWith("HTTP/1.1 ")) {
                    throw new IllegalStateException("not an HTTP response: " + text);
                }
                return (X509Certificate) socket.getSession().getPeerCertificates()[0];
            }
        }

        @Override
        public void close() {
            stopped.set(true);
            threads.shutdownNow();
            clients.forEach(HttpClient::shutdownNow);
        }
    }

    private interface ThrowingRequest {
        X509Certificate run() throws Exception;
    }
}
