package dev.mdj.bench;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.KeySpec;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A server with {@code n} managed domains that all have their certificate: the configuration
 * and the store, for bench/run's scale suite and the benchmarks that serve from a large store.
 *
 * <p>{@code sites.conf} holds what mdj and mod_md read alike: a plain listener with
 * {@code SetHandler md-status} at {@code /md-status}, a TLS listener, and per domain
 * {@code MDomain siteN.example.org www.siteN.example.org} and its TLS virtual host, keys
 * {@code secp256r1}, the CA a closed loopback port (nothing is due, and no request leaves the
 * machine). {@code mdj.conf} includes it and turns ARI off (mod_md has none). The store (mod_md's
 * format, so mod_md serves the same files) gets per domain md.json (complete), the private key
 * and a certificate for the domain's names, valid from 10 days ago for 90 days. One key serves
 * all domains and the certificates are self-signed: this measures serving a store, not issuing
 * one, and 10,000 keys would take minutes to generate.
 *
 * <pre>java -cp bench/jmh/target/benchmarks.jar dev.mdj.bench.ScaleStore DIR N HTTP_PORT HTTPS_PORT</pre>
 */
public final class ScaleStore {

    static final String SITES = "sites.conf";
    static final String MDJ_CONF = "mdj.conf";
    private static final int WRITERS = 16;
    private static final String COMPLETE = "complete";

    private ScaleStore() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: ScaleStore DIR N HTTP_PORT HTTPS_PORT");
            System.exit(2);
        }
        Configuration config = write(Path.of(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        System.out.println(config.managedDomains().size() + " managed domains with certificates in " + args[0]);
    }

    /** Writes the configuration and the store into {@code dir} and returns the configuration. */
    static Configuration write(Path dir, int n, int httpPort, int httpsPort) throws IOException {
        Path root = dir.toAbsolutePath();
        Files.createDirectories(root.resolve("logs"));
        Files.writeString(root.resolve(SITES), sites(n, httpPort, httpsPort), StandardCharsets.UTF_8);
        Files.writeString(root.resolve(MDJ_CONF), "ServerRoot \"" + root + "\"\nPidFile logs/mdj.pid\n"
                + "ErrorLog logs/error.log\n"
                // mod_md has no ARI; with it on, mdj would ask the (closed) CA once per domain
                + "MDRenewViaARI off\n"
                + "Include " + SITES + "\n", StandardCharsets.UTF_8);
        Configuration config = ConfigReader.read(root.resolve(MDJ_CONF), ParseOptions.defaults().withServerRoot(root));
        fill(config);
        return config;
    }

    /**
     * The server in {@code dir} as an earlier {@link #write} left it, or a new one when there is
     * none yet (or it was cut short).
     */
    static Configuration kept(Path dir, int n, int httpPort, int httpsPort) throws IOException {
        Path complete = dir.resolve(COMPLETE);
        if (Files.exists(complete)) {
            return ConfigReader.read(dir.resolve(MDJ_CONF), ParseOptions.defaults().withServerRoot(dir));
        }
        if (Files.exists(dir)) {
            TempDirs.delete(dir);
        }
        Configuration config = write(dir, n, httpPort, httpsPort);
        Files.createFile(complete);
        return config;
    }

    /** Writes in parallel: every store write waits for two fsyncs, and 10,000 domains make 30,000. */
    private static void fill(Configuration config) {
        FileStore store = FileStore.open(config.server().global().get(GlobalSetting.STORE_DIR));
        Map<KeySpec, KeyPair> keys = new ConcurrentHashMap<>();
        Instant from = Instant.now().minus(Duration.ofDays(10));
        try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
            for (ManagedDomain md : config.managedDomains()) {
                writers.submit(() -> {
                    store.save(StoreGroup.DOMAINS, md.name(), Aspect.MD_JSON, MdJson.of(md,
                            config.server().mdDefaults(), List.of()).withState(MdState.COMPLETE, null).toJson());
                    for (KeySpec spec : md.get(MdSetting.PRIVATE_KEYS).specs()) {
                        KeyPair key = keys.computeIfAbsent(spec, KeyPairs::generate);
                        store.save(StoreGroup.DOMAINS, md.name(), Aspect.privateKey(spec), key.getPrivate());
                        store.save(StoreGroup.DOMAINS, md.name(), Aspect.certificateChain(spec), List.of(
                                SelfSignedCertificates.of(key, md.domains().get(0), md.domains(), from,
                                        Duration.ofDays(90)).forServerAuth().create()));
                    }
                    return null;
                });
            }
        }
    }

    static String sites(int n, int httpPort, int httpsPort) {
        StringBuilder out = new StringBuilder(n * 200 + 1024);
        out.append("# Generated by dev.mdj.bench.ScaleStore: ").append(n).append(" managed domains\n")
                .append("Listen 127.0.0.1:").append(httpPort).append('\n')
                .append("Listen 127.0.0.1:").append(httpsPort).append(" https\n")
                .append("""
                        MDCertificateAuthority https://127.0.0.1:9/directory
                        MDCertificateAgreement accepted
                        MDContactEmail admin@example.org
                        MDPrivateKeys secp256r1
                        """)
                .append("<VirtualHost 127.0.0.1:").append(httpPort).append(">\n")
                .append("""
                            ServerName status.example.org
                            <Location /md-status>
                                SetHandler md-status
                            </Location>
                        </VirtualHost>
                        """);
        for (int i = 0; i < n; i++) {
            out.append("MDomain site").append(i).append(".example.org www.site").append(i).append(".example.org\n")
                    .append("<VirtualHost 127.0.0.1:").append(httpsPort).append(">\n")
                    .append("    ServerName site").append(i).append(".example.org\n")
                    .append("    ServerAlias www.site").append(i).append(".example.org\n")
                    .append("    SSLEngine on\n")
                    .append("</VirtualHost>\n");
        }
        return out.toString();
    }
}
