package dev.mdj.engine;

import dev.mdj.acme.AcmeDriver;
import dev.mdj.config.Configuration;
import dev.mdj.events.CommandRunner;
import dev.mdj.events.EventNotifier;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.Settings;
import dev.mdj.renew.ActivationListener;
import dev.mdj.renew.AriWindow;
import dev.mdj.renew.Driver;
import dev.mdj.renew.Registry;
import dev.mdj.renew.TaskScheduler;
import dev.mdj.renew.Watchdog;
import dev.mdj.md.StoreLocks;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreLock;
import dev.mdj.store.StoreStartup;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * The certificate engine wired together in the one place that knows every part: the store of
 * MDStoreDir, the registry, the watchdog, the ACME driver and the event commands. The server and
 * the CLI start one of these; nothing else constructs the parts.
 *
 * <p>Renewals run on virtual threads, at most {@link Builder#concurrency} at a time.
 */
public final class Engine implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Engine.class);

    /** How many MDs renew at the same time unless told otherwise. */
    public static final int DEFAULT_CONCURRENCY = 16;

    private final FileStore store;
    private final Registry registry;
    private final Watchdog watchdog;
    private final ScheduledExecutorService timer;
    private final ExecutorService threads;

    private Engine(Builder b) {
        Configuration config = Objects.requireNonNull(b.configuration, "configuration");
        Settings global = config.server().global();
        this.store = FileStore.open(global.get(GlobalSetting.STORE_DIR));
        this.registry = new Registry(store, config);
        syncUnderLock(config, global.get(GlobalSetting.STORE_LOCKS));
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("mdj-watchdog").daemon(true).factory());
        this.threads = Executors.newVirtualThreadPerTaskExecutor();
        Semaphore permits = new Semaphore(b.concurrency);
        Path workDir = config.server().serverRoot();
        Driver driver = b.driver != null ? b.driver : new AcmeDriver(global.get(GlobalSetting.DNS01_VERSION),
                AcmeDriver.POLL_TIMEOUT, new CommandRunner(workDir, AcmeDriver.COMMAND_TIMEOUT));
        this.watchdog = Watchdog.builder()
                .registry(registry).store(store).driver(driver)
                .events(EventNotifier.of(global, workDir, b.clock))
                .scheduler(TaskScheduler.of(timer, b.clock))
                .workers(task -> threads.execute(() -> {
                    permits.acquireUninterruptibly();
                    try {
                        task.run();
                    } finally {
                        permits.release();
                    }
                }))
                .clock(b.clock).random(b.random).listener(b.listener).build();
    }

    /**
     * Brings the store in line with the configuration under the store lock (MDStoreLocks), as
     * mod_md does at start; if another server holds the lock too long, mod_md carries on without
     * syncing, and so does mdj. Staged renewals are not activated here but by the watchdog's
     * first look at each MD, so that MDActivationDelay and the events apply to them too.
     */
    private void syncUnderLock(Configuration config, StoreLocks locks) {
        try (StoreLock lock = locks.enabled() ? store.lock(locks.waitTime()) : () -> { }) {
            registry.sync();
            new StoreStartup(store).removeStaleChallenges(config.managedDomains());
        } catch (StoreException e) {
            LOG.warn("not syncing the store with the configuration: {}", e.getMessage());
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The parts an engine is made from; only the configuration is required. */
    public static final class Builder {
        private Configuration configuration;
        private Clock clock = Clock.systemUTC();
        private RandomGenerator random = new SecureRandom();
        private ActivationListener listener = md -> { };
        private Driver driver;
        private int concurrency = DEFAULT_CONCURRENCY;

        public Builder configuration(Configuration value) { configuration = value; return this; }
        public Builder clock(Clock value) { clock = Objects.requireNonNull(value); return this; }
        public Builder random(RandomGenerator value) { random = Objects.requireNonNull(value); return this; }
        public Builder listener(ActivationListener value) { listener = Objects.requireNonNull(value); return this; }
        /** Replaces the ACME driver (tests). */
        public Builder driver(Driver value) { driver = value; return this; }
        public Builder concurrency(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1: " + value);
            }
            concurrency = value;
            return this;
        }

        /** Opens the store, activates what was staged, syncs the registry; nothing runs yet. */
        public Engine build() {
            return new Engine(this);
        }
    }

    /** Starts the watchdog: every managed domain is checked and renewed when due. */
    public Engine start() {
        watchdog.start();
        return this;
    }

    /** Renews {@code md} now, on the calling thread (see {@link Watchdog#renewNow}). */
    public void renewNow(String md) {
        watchdog.renewNow(md);
    }

    /** Looks at {@code md} now in the background (see {@link Watchdog#checkNow}). */
    public void checkNow(String md) {
        watchdog.checkNow(md);
    }

    /** When the watchdog looks at {@code md} next (see {@link Watchdog#nextCheck}). */
    public Optional<Instant> nextCheck(String md) {
        return watchdog.nextCheck(md);
    }

    /** The CA's renewal windows (ARI) the watchdog last fetched for {@code md}, by live certificate. */
    public Map<X509Certificate, AriWindow> renewalInfo(String md) {
        return watchdog.renewalInfo(md);
    }

    /** When the watchdog would renew {@code md} by the CA's renewal information, if it would. */
    public Optional<Instant> ariRenewAt(String md) {
        return watchdog.ariRenewAt(md);
    }

    public FileStore store() {
        return store;
    }

    /** Stops scheduling; waits up to 30 s for runs under way to finish. */
    @Override
    public void close() {
        watchdog.stop();
        threads.shutdown();
        try {
            threads.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
        }
    }
}
