package dev.mdj.bench;

import dev.mdj.config.Configuration;
import dev.mdj.md.GlobalSetting;
import dev.mdj.server.site.SiteTable;
import dev.mdj.server.tls.CertificateBook;
import dev.mdj.server.tls.ClientHello;
import dev.mdj.server.tls.Selection;
import dev.mdj.server.tls.Stapling;
import dev.mdj.server.tls.TlsContextFactory;
import dev.mdj.store.FileStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the TLS front does with a ClientHello before any TLS is spoken, as {@code HelloRouter}
 * does it: parse the ClientHello, choose the site by address, port and SNI
 * ({@link SiteTable#select}), and its TLS context by key type ({@link CertificateBook#select}).
 *
 * <ul>
 *   <li>{@link #select}: a connection to a site whose context is cached (every handshake
 *       after a site's first).</li>
 *   <li>{@link #firstSelect}: a site's first handshake: a new {@link CertificateBook} reads the
 *       domain's key and certificate from the store and builds its context.</li>
 *   <li>{@link #storeOpen}: {@link FileStore#open} of the store (every start and reload).</li>
 * </ul>
 *
 * <p>The server is {@link ScaleStore}'s: {@code n} managed domains with ECDSA certificates on
 * one TLS port. The ClientHellos are real ones of the JDK's client (TLS 1.3 and 1.2, SNI
 * {@code siteK.example.org}, ALPN h2 and http/1.1) for 64 random sites.
 *
 * <pre>java -jar bench/jmh/target/benchmarks.jar ContextSelectionBenchmark</pre>
 *
 * <p>With {@code -jvmArgsAppend -Dmdj.bench.stores=DIR} the store of each size is written once
 * into DIR and used by every method's trial (and left there).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ContextSelectionBenchmark {

    private static final int PORT = 8443;
    private static final int HELLOS = 64;
    /**
     * A directory for stores that outlive a trial: each benchmark method runs in a fork of its
     * own, and writing 10,000 domains takes longer than measuring them (bench/run sets it).
     */
    private static final String KEPT_STORES = "mdj.bench.stores";

    @Param({"1000", "10000"})
    int n;

    private Path dir;
    private Path storeDir;
    private SiteTable sites;
    private TlsContextFactory factory;
    private FileStore store;
    private CertificateBook book;
    private InetAddress address;
    private ByteBuf[] hellos;
    private int next;

    @Setup(Level.Trial)
    public void writeStore() throws IOException {
        String kept = System.getProperty(KEPT_STORES);
        dir = kept == null ? Files.createTempDirectory("mdj-bench-select") : Path.of(kept, "select-" + n);
        Configuration config = kept == null ? ScaleStore.write(dir, n, PORT - 1, PORT) : ScaleStore.kept(dir, n, PORT - 1, PORT);
        storeDir = config.server().global().get(GlobalSetting.STORE_DIR);
        sites = SiteTable.of(config);
        factory = TlsContextFactory.create();
        store = FileStore.open(storeDir);
        book = new CertificateBook(store, factory, Clock.systemUTC(), Runnable::run, Stapling.OFF);
        address = InetAddress.getLoopbackAddress();
        hellos = new ByteBuf[HELLOS];
        for (int i = 0; i < HELLOS; i++) {
            String site = "site" + ThreadLocalRandom.current().nextInt(n) + ".example.org";
            hellos[i] = Unpooled.wrappedBuffer(clientHelloBody(site, i % 2 == 0 ? "TLSv1.3" : "TLSv1.2"));
            if (!route(book, hellos[i]).context().isServer()) {
                throw new IllegalStateException("no server context for " + site);
            }
        }
    }

    @TearDown(Level.Trial)
    public void deleteStore() throws IOException {
        if (System.getProperty(KEPT_STORES) == null) {
            TempDirs.delete(dir);
        }
    }

    @Benchmark
    public Selection select() {
        return route(book, hellos[next++ & (HELLOS - 1)]);
    }

    @Benchmark
    public Selection firstSelect() {
        return route(new CertificateBook(store, factory, Clock.systemUTC(), Runnable::run, Stapling.OFF), hellos[next++ & (HELLOS - 1)]);
    }

    @Benchmark
    public FileStore storeOpen() {
        return FileStore.open(storeDir);
    }

    private Selection route(CertificateBook certificates, ByteBuf body) {
        ClientHello hello = ClientHello.parse(body);
        return certificates.select(sites.select(address, PORT, hello.serverName()), hello).join();
    }

    /** The JDK client's ClientHello for {@code serverName}, without the record and handshake headers. */
    private static byte[] clientHelloBody(String serverName, String version) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            SSLEngine engine = context.createSSLEngine(serverName, PORT);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(serverName)));
            parameters.setApplicationProtocols(new String[] {"h2", "http/1.1"});
            parameters.setProtocols(new String[] {version});
            engine.setSSLParameters(parameters);
            ByteBuffer record = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), record);
            record.flip().position(5 + 4);
            byte[] body = new byte[record.remaining()];
            record.get(body);
            return body;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
