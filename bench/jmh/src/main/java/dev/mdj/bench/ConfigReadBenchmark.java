package dev.mdj.bench;

import dev.mdj.config.ConfigParser;
import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.config.ParsedConfig;
import dev.mdj.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
 * Reading a large configuration: the start-up (and reload) cost of a server that hosts many
 * sites.
 *
 * <p>Each trial writes one configuration file into a temporary directory: a realistic global
 * header ({@code Listen}, {@code ServerAdmin}, {@code LogLevel}, {@code MDCertificateAgreement},
 * {@code MDContactEmail}, {@code MDPrivateKeys}, an {@code md-status} {@code <Location>}), then
 * {@code n} TLS virtual hosts ({@code <VirtualHost *:443>} with ServerName
 * {@code siteN.example.org}, ServerAlias {@code www.siteN.example.org}, {@code SSLEngine on}, a
 * {@code <Location /x>} with {@code Require all granted} and a {@code ProxyPass}) and {@code n}
 * lines {@code MDomain siteN.example.org www.siteN.example.org}.
 *
 * <ul>
 *   <li>{@link #parse}: {@link ConfigParser} alone: reading lines, sections, words (no directive
 *       semantics).</li>
 *   <li>{@link #read}: the whole {@link ConfigReader#read}: parse, apply every directive, and
 *       assign the managed domains to the virtual hosts ({@code DomainAssignment}, including its
 *       overlap checks).</li>
 * </ul>
 *
 * <p>One operation takes from milliseconds to seconds, so each is timed on its own
 * ({@link Mode#SingleShotTime}) over several iterations, after warm-up iterations, and reported in
 * milliseconds. Target: {@code read} under 2 s for 10,000 virtual hosts + 10,000 MDomain lines,
 * and growing roughly linearly with {@code n}.
 *
 * <pre>java -jar bench/jmh/target/benchmarks.jar ConfigReadBenchmark</pre>
 *
 * <p>({@code -wi}/{@code -i} on the command line override the iteration counts of both methods.)
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ConfigReadBenchmark {

    @Param({"1000", "10000"})
    int n;

    private Path dir;
    private Path file;
    private ParseOptions options;

    @Setup(Level.Trial)
    public void writeConfiguration() throws IOException {
        dir = Files.createTempDirectory("mdj-bench-config");
        Files.createDirectories(dir.resolve("htdocs"));
        Files.createDirectories(dir.resolve("logs"));
        file = dir.resolve("mdj.conf");
        Files.writeString(file, configuration(n), StandardCharsets.UTF_8);
        options = ParseOptions.defaults().withServerRoot(dir);
        // Fail in setup, not in the measurement, if the generated file is not valid. Only parse
        // and apply: the domain assignment is what read() measures, and it can take minutes.
        ServerConfig config = ConfigReader.apply(new ConfigParser(options).parse(file));
        if (config.managedDomains().size() != n || config.virtualHosts().size() != n) {
            throw new IllegalStateException("expected " + n + " managed domains and virtual hosts,"
                    + " got " + config.managedDomains().size() + " and "
                    + config.virtualHosts().size());
        }
    }

    @TearDown(Level.Trial)
    public void deleteConfiguration() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Milliseconds per operation: it needs more single shots than read() to warm up the JIT. */
    @Benchmark
    @Warmup(iterations = 30)
    @Measurement(iterations = 20)
    public ParsedConfig parse() {
        return new ConfigParser(options).parse(file);
    }

    @Benchmark
    public Configuration read() {
        return ConfigReader.read(file, options);
    }

    static String configuration(int n) {
        StringBuilder out = new StringBuilder(n * 400 + 2048);
        out.append("""
                # Generated by ConfigReadBenchmark: a hosting server with many TLS sites.
                Listen 80
                Listen 443 https

                ServerAdmin webmaster@example.org
                DocumentRoot htdocs
                ErrorLog logs/error.log
                LogLevel warn md:notice ssl:warn

                MDCertificateAgreement accepted
                MDContactEmail admin@example.org
                MDPrivateKeys secp256r1 rsa3072

                <Location /md-status>
                    SetHandler md-status
                    Require local
                </Location>

                """);
        for (int i = 0; i < n; i++) {
            out.append("MDomain site").append(i).append(".example.org www.site").append(i)
                    .append(".example.org\n");
        }
        out.append('\n');
        for (int i = 0; i < n; i++) {
            out.append("<VirtualHost *:443>\n")
                    .append("    ServerName site").append(i).append(".example.org\n")
                    .append("    ServerAlias www.site").append(i).append(".example.org\n")
                    .append("    SSLEngine on\n")
                    .append("    <Location /x>\n")
                    .append("        Require all granted\n")
                    .append("    </Location>\n")
                    .append("    ProxyPass /app http://127.0.0.1:").append(8000 + i % 1000)
                    .append("/\n")
                    .append("</VirtualHost>\n");
        }
        return out.toString();
    }
}
