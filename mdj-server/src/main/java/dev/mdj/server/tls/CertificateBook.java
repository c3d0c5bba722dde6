package dev.mdj.server.tls;

import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.ocsp.Staple;
import dev.mdj.server.site.Site;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoreLock;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.SelfSignedCertificates;
import io.netty.handler.ssl.SslContext;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which certificate every handshake gets, kept current while the server runs: a managed
 * domain's live certificates from {@code domains/<md>/} (one per key type), its static files
 * (MDCertificateFile), or, while it has none, its fallback certificates; a virtual host's
 * SSLCertificateFile; a pending tls-alpn-01 challenge certificate for {@code acme-tls/1}.
 *
 * <p>Certificates are loaded on first use, off the event loop, and kept; {@link #activated}
 * loads a managed domain's new set and swaps it in once it is complete, so handshakes never
 * see a half-written set and a set that cannot be loaded leaves the previous one in service.
 * Each loaded certificate that {@link Stapling} says is stapled gets its {@link Staple}, so a new
 * certificate's OCSP response is fetched as soon as it is loaded.
 */
public final class CertificateBook {

    private static final Logger LOG = LoggerFactory.getLogger(CertificateBook.class);

    /** mod_md's fallback: this subject, valid 14 days, never renewed while its files exist. */
    static final String FALLBACK_NAME = "Apache Managed Domain Fallback";
    static final Duration FALLBACK_VALIDITY = Duration.ofDays(14);
    private static final List<String> ACME_TLS = List.of(ClientHello.ACME_TLS_1);
    private static final List<String> HTTP_PROTOCOLS = List.of("h2", "http/1.1");
    private static final Duration FALLBACK_LOCK_WAIT = Duration.ofSeconds(5);
    private static final int MISMATCH_READS = 20;
    private static final Duration MISMATCH_PAUSE = Duration.ofMillis(25);

    private final Store store;
    private final TlsContextFactory factory;
    private final Clock clock;
    private final Executor loader;
    private final Stapling stapling;
    private final Map<Object, CompletableFuture<ServedCertificates>> sets = new ConcurrentHashMap<>();

    public CertificateBook(Store store, TlsContextFactory factory, Clock clock, Executor loader, Stapling stapling) {
        this.store = store;
        this.factory = factory;
        this.clock = clock;
        this.loader = loader;
        this.stapling = stapling;
    }

    public Stapling stapling() {
        return stapling;
    }

    /**
     * Loads the certificates of the stapled {@code sites} in the background now rather than at
     * their first handshake, so that their OCSP responses are loaded and fetched from the start
     * (mod_md primes them at start, too).
     */
    public void prime(List<Site> sites) {
        for (Site site : sites) {
            if (!site.tls()) {
                continue;
            }
            boolean stapled = site.managedDomain().map(stapling::stapled)
                    .orElseGet(() -> !site.host().tls().certificateFiles().isEmpty() && stapling.stapled(site.host()));
            if (stapled) {
                served(site).exceptionally(error -> {
                    LOG.warn("{}: cannot load its certificates for OCSP stapling: {}", site.describe(), rootMessage(error));
                    return null;
                });
            }
        }
    }

    public TlsContextFactory factory() {
        return factory;
    }

    /** The TLS context and OCSP staple for a handshake of {@code hello} reaching {@code site}. */
    public CompletableFuture<Selection> select(Site site, ClientHello hello) {
        List<String> protocols = site.protocols().stream().filter(HTTP_PROTOCOLS::contains).toList();
        if (hello.wantsAcmeTls() && site.allows(ClientHello.ACME_TLS_1) && !hello.serverName().isEmpty()) {
            return CompletableFuture.supplyAsync(() -> challengeContext(site, hello.serverName(), hello), loader)
                    .thenCompose(challenge -> challenge.map(c -> new Selection(c, Staple.NONE))
                            .map(CompletableFuture::completedFuture)
                            .orElseGet(() -> served(site).thenApply(set -> context(set, hello, site, protocols))));
        }
        return served(site).thenApply(set -> context(set, hello, site, protocols));
    }

    /** Whether {@code md} is served with a certificate of its own rather than the fallback. */
    public boolean hasCertificate(ManagedDomain md) {
        CompletableFuture<ServedCertificates> set = sets.get(md.name());
        if (set != null && set.isDone() && !set.isCompletedExceptionally()) {
            return !set.join().fallback();
        }
        return md.hasStaticCertificates() || !liveKeys(md).isEmpty();
    }

    /**
     * The live certificate set of {@code md} changed: loads it in the background and serves it
     * to new handshakes as soon as it is loaded. Connections already open keep theirs.
     */
    public CompletableFuture<Void> activated(ManagedDomain md) {
        return CompletableFuture.supplyAsync(() -> load(md), loader).handle((set, error) -> {
            if (error != null) {
                LOG.error("{}: the new certificate cannot be served, keeping the previous one: {}", md.name(),
                        rootMessage(error));
            } else {
                sets.put(md.name(), CompletableFuture.completedFuture(set));
                LOG.info("{}: now serving {}", md.name(), set.fallback() ? "the fallback certificate"
                        : "certificate serial " + set.keys().get(0).leaf().getSerialNumber().toString(16).toUpperCase());
            }
            return null;
        });
    }

    private CompletableFuture<ServedCertificates> served(Site site) {
        if (site.managedDomain().isPresent()) {
            ManagedDomain md = site.managedDomain().get();
            return forgetIfFailed(md.name(),
                    sets.computeIfAbsent(md.name(), k -> CompletableFuture.supplyAsync(() -> load(md), loader)));
        }
        if (!site.host().tls().certificateFiles().isEmpty()) {
            return sets.computeIfAbsent(site.host(), k -> CompletableFuture.supplyAsync(() -> {
                List<CertifiedKey> keys = CertificateFiles.read(site.host().tls().certificateFiles(),
                        site.host().tls().keyFiles(), site.host().tls().chainFile());
                return new ServedCertificates(keys, stapling.staples(site.host(), keys), false);
            }, loader));
        }
        // A TLS host with neither a managed domain nor certificate files: httpd refuses to
        // start; mdj serves a self-signed stand-in so the misconfiguration shows, not a crash.
        return sets.computeIfAbsent(FALLBACK_NAME, k -> CompletableFuture.supplyAsync(() -> ServedCertificates.unstapled(
                List.of(selfSigned(new KeySpec.Rsa(KeySpec.Rsa.DEFAULT_BITS), List.of("localhost"))), true), loader));
    }

    /** A set that could not be loaded is not kept: the next handshake tries again. */
    private CompletableFuture<ServedCertificates> forgetIfFailed(Object key, CompletableFuture<ServedCertificates> set) {
        set.whenComplete((loaded, error) -> {
            if (error != null) {
                sets.remove(key, set);
            }
        });
        return set;
    }

    private Selection context(ServedCertificates set, ClientHello hello, Site site, List<String> protocols) {
        try {
            return set.selectionFor(hello, protocols, site.tlsVersions(), factory);
        } catch (SSLException e) {
            throw new CompletionException(e);
        }
    }

    private ServedCertificates load(ManagedDomain md) {
        if (md.hasStaticCertificates()) {
            return stapled(md, CertificateFiles.read(md.get(MdSetting.CERTIFICATE_FILES),
                    md.get(MdSetting.KEY_FILES), Optional.empty()));
        }
        List<CertifiedKey> live = matchingLiveKeys(md);
        if (!live.isEmpty()) {
            return stapled(md, live);
        }
        // An activation renames the whole directory, which is missing between its two renames:
        // look again under the store lock, which activations hold, before making a fallback.
        try (StoreLock lock = store.lock(FALLBACK_LOCK_WAIT)) {
            live = matchingLiveKeys(md);
            return live.isEmpty() ? ServedCertificates.unstapled(fallbackKeys(md), true) : stapled(md, live);
        }
    }

    /** A managed domain's own certificates with their staples: a renewed certificate is fetched for at once. */
    private ServedCertificates stapled(ManagedDomain md, List<CertifiedKey> keys) {
        return new ServedCertificates(keys, stapling.staples(md, keys), false);
    }

    /**
     * The live keys, read again while a key does not match its certificate: files being replaced
     * one after the other (key, then chain) are seen half-way for a moment.
     */
    private List<CertifiedKey> matchingLiveKeys(ManagedDomain md) {
        for (int read = 1; ; read++) {
            List<CertifiedKey> keys = liveKeys(md);
            if (keys.stream().allMatch(k -> KeyPairs.matches(k.key(), k.leaf()))) {
                return keys;
            }
            if (read == MISMATCH_READS) {
                throw new IllegalStateException("a private key in domains/" + md.name()
                        + " does not match its certificate");
            }
            try {
                Thread.sleep(MISMATCH_PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading " + md.name(), e);
            }
        }
    }

    /** mod_md serves each key spec that has both files in {@code domains/<md>/} and skips the others. */
    private List<CertifiedKey> liveKeys(ManagedDomain md) {
        return pairs(StoreGroup.DOMAINS, md.name(), specs(md), Aspect::privateKey, Aspect::certificateChain);
    }

    private List<CertifiedKey> fallbackKeys(ManagedDomain md) {
        List<CertifiedKey> keys = new ArrayList<>();
        for (KeySpec spec : specs(md)) {
            Optional<PrivateKey> key = store.load(StoreGroup.DOMAINS, md.name(), Aspect.fallbackPrivateKey(spec));
            Optional<List<X509Certificate>> chain = store.load(StoreGroup.DOMAINS, md.name(),
                    Aspect.fallbackCertificateChain(spec));
            if (key.isPresent() && chain.isPresent() && !chain.get().isEmpty()) {
                keys.add(new CertifiedKey(key.get(), chain.get()));
                continue;
            }
            CertifiedKey created = selfSigned(spec, md.domains());
            store.save(StoreGroup.DOMAINS, md.name(), Aspect.fallbackPrivateKey(spec), created.key());
            store.save(StoreGroup.DOMAINS, md.name(), Aspect.fallbackCertificateChain(spec), created.chain());
            LOG.info("{}: no certificate yet; serving a self-signed fallback ({}) and answering 503 until there is one",
                    md.name(), spec.format());
            keys.add(created);
        }
        return keys;
    }

    private CertifiedKey selfSigned(KeySpec spec, List<String> names) {
        KeyPair pair = KeyPairs.generate(spec);
        X509Certificate cert = SelfSignedCertificates.of(pair, FALLBACK_NAME, names, clock.instant(), FALLBACK_VALIDITY)
                .forServerAuth().create();
        return new CertifiedKey(pair.getPrivate(), List.of(cert));
    }

    /** The tls-alpn-01 certificate set up for {@code name}, if a challenge is pending. */
    private Optional<SslContext> challengeContext(Site site, String name, ClientHello hello) {
        List<KeySpec> specs = site.managedDomain().map(CertificateBook::specs)
                .orElse(KeySpecs.DEFAULT.specs());
        List<CertifiedKey> keys;
        try {
            keys = pairs(StoreGroup.CHALLENGES, name, specs, Aspect::tlsAlpn01PrivateKey, Aspect::tlsAlpn01Certificate);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a name the store can hold, so no challenge for it
        }
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(factory.build(keys.get(CertifiedKey.choose(keys, hello)), ACME_TLS, site.tlsVersions()));
        } catch (SSLException e) {
            throw new CompletionException(e);
        }
    }

    private List<CertifiedKey> pairs(StoreGroup group, String name, List<KeySpec> specs,
            java.util.function.Function<KeySpec, Aspect<PrivateKey>> keyAspect,
            java.util.function.Function<KeySpec, Aspect<List<X509Certificate>>> chainAspect) {
        List<CertifiedKey> keys = new ArrayList<>();
        for (KeySpec spec : specs) {
            Optional<List<X509Certificate>> chain = store.load(group, name, chainAspect.apply(spec));
            if (chain.isEmpty() || chain.get().isEmpty()) {
                continue;
            }
            store.load(group, name, keyAspect.apply(spec)).ifPresent(key -> keys.add(new CertifiedKey(key, chain.get())));
        }
        return keys;
    }

    private static List<KeySpec> specs(ManagedDomain md) {
        return md.get(MdSetting.PRIVATE_KEYS).specs();
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && (t instanceof CompletionException || t.getMessage() == null)) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
