package dev.mdj.bench;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.KeySpec;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.status.StatusJson;
import dev.mdj.status.StatusReader;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.SelfSignedCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
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
 * {@code GET /md-status} of a server with many managed domains: {@link StatusReader#all} and
 * {@link StatusJson} writing the document as the bytes of the answer, as {@code SetHandler
 * md-status} does for each request.
 *
 * <p>Each trial writes the configuration of {@link ConfigReadBenchmark} ({@code n} MDomains with
 * two key specs, {@code secp256r1 rsa3072}, each used by a TLS virtual host) and a store with,
 * per managed domain, its md.json (as the configuration says, state complete) and one
 * {@code pubcert.pem} per key spec: a leaf and an issuer certificate, so that every file is a
 * real two-certificate chain that has to be read and parsed. The certificates are shared (one
 * pair per key type, generated once); the files are not.
 *
 * <p>Target: under 500 ms for 10,000 managed domains.
 *
 * <pre>java -jar bench/jmh/target/benchmarks.jar MdStatusBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class MdStatusBenchmark {

    @Param({"1000", "10000"})
    int n;

    private Path dir;
    private StatusReader reader;

    @Setup(Level.Trial)
    public void writeStore() throws IOException {
        dir = Files.createTempDirectory("mdj-bench-status");
        Files.createDirectories(dir.resolve("htdocs"));
        Files.createDirectories(dir.resolve("logs"));
        Path file = dir.resolve("mdj.conf");
        Files.writeString(file, ConfigReadBenchmark.configuration(n), StandardCharsets.UTF_8);
        Configuration config = ConfigReader.read(file, ParseOptions.defaults().withServerRoot(dir));
        FileStore store = FileStore.open(config.server().global().get(GlobalSetting.STORE_DIR));
        Map<KeySpec, List<X509Certificate>> chains = new HashMap<>();
        for (ManagedDomain md : config.managedDomains()) {
            store.save(StoreGroup.DOMAINS, md.name(), Aspect.MD_JSON, MdJson.of(md, config.server().mdDefaults(),
                    List.of()).withState(MdState.COMPLETE, null).toJson());
            for (KeySpec spec : md.get(MdSetting.PRIVATE_KEYS).specs()) {
                store.save(StoreGroup.DOMAINS, md.name(), Aspect.certificateChain(spec),
                        chains.computeIfAbsent(spec, MdStatusBenchmark::chain));
            }
        }
        reader = new StatusReader(config, store, Clock.systemUTC(), StatusReader.NextChecks.NONE);
        int listed = StatusJson.mdStatus(reader.all()).get("managed-domains").size();
        if (listed != n) {
            throw new IllegalStateException("expected " + n + " managed domains in md-status, got " + listed);
        }
    }

    /** A leaf valid for 90 days that names its issuer's key (so it has an ARI id), and an issuer. */
    private static List<X509Certificate> chain(KeySpec spec) {
        KeyPair key = KeyPairs.generate(spec);
        Instant from = Instant.now().minus(Duration.ofDays(10));
        X509Certificate leaf = SelfSignedCertificates.of(key, "site.example.org", List.of("site.example.org"),
                        from, Duration.ofDays(90)).forServerAuth()
                .extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(new byte[20]))
                .create();
        X509Certificate issuer = SelfSignedCertificates.of(key, "Bench Intermediate CA", List.of("ca.example.org"),
                from, Duration.ofDays(1000)).create();
        return List.of(leaf, issuer);
    }

    @TearDown(Level.Trial)
    public void deleteStore() throws IOException {
        TempDirs.delete(dir);
    }

    @Benchmark
    public byte[] mdStatus() {
        return StatusJson.writeBytes(StatusJson.mdStatus(reader.all()));
    }
}
