package dev.mdj.ocsp;

import dev.mdj.events.EventNotifier;
import dev.mdj.events.MdEvent;
import dev.mdj.md.RenewWindow;
import dev.mdj.renew.RetryBackoff;
import dev.mdj.renew.StatusCodes;
import dev.mdj.renew.TaskScheduler;
import dev.mdj.store.Store;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.store.json.JobResult;
import dev.mdj.store.json.StoreTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an OCSP response for every watched certificate, as mod_md's OCSP watchdog does: the
 * persisted response is loaded at once, a new one is fetched when MDStaplingRenewWindow opens
 * (default: the last 33 % of the response's lifetime) or at once when there is none, and a
 * failed fetch is retried with the renewal back-off (MDRetryDelay doubling up to a day) while the
 * last good response stays in service. Each fetch is recorded in {@code ocsp/<md>/job.json} and
 * told as {@code ocsp-renewed} / {@code ocsp-errored} (rate limited to one a day / an hour). A
 * {@code revoked} answer is handed to the revocation listener, which renews the managed domain.
 *
 * <p>Handshakes only call {@link Staple#current()}, a memory read. All waiting goes through the
 * {@link TaskScheduler}, all time through the {@link Clock}; fetches run on the workers.
 */
public final class Stapler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Stapler.class);
    /** The earliest next fetch after a good one: a window opening at once must not make a loop. */
    static final Duration MIN_REFRESH = Duration.ofMinutes(1);
    private static final int NONCE_BYTES = 16;

    private final OcspStore store;
    private final OcspFetcher fetcher;
    private final EventNotifier events;
    private final TaskScheduler scheduler;
    private final Executor workers;
    private final Clock clock;
    private final RandomGenerator random;
    private final RenewWindow renewWindow;
    private final Duration retryDelay;
    private final Consumer<String> revoked;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    /** One lock per job.json: the certificates of one managed domain share it. */
    private final Map<String, Object> jobLocks = new ConcurrentHashMap<>();
    private volatile boolean closed;

    private Stapler(Builder b) {
        this.store = new OcspStore(Objects.requireNonNull(b.store, "store"));
        this.fetcher = Objects.requireNonNull(b.fetcher, "fetcher");
        this.events = Objects.requireNonNull(b.events, "events");
        this.scheduler = Objects.requireNonNull(b.scheduler, "scheduler");
        this.workers = Objects.requireNonNull(b.workers, "workers");
        this.clock = Objects.requireNonNull(b.clock, "clock");
        this.random = Objects.requireNonNull(b.random, "random");
        this.renewWindow = Objects.requireNonNull(b.renewWindow, "renewWindow");
        this.retryDelay = Objects.requireNonNull(b.retryDelay, "retryDelay");
        this.revoked = Objects.requireNonNull(b.revoked, "revoked");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The parts of a stapler; all are required but the revocation listener. */
    public static final class Builder {
        private Store store;
        private OcspFetcher fetcher;
        private EventNotifier events;
        private TaskScheduler scheduler;
        private Executor workers;
        private Clock clock;
        private RandomGenerator random;
        private RenewWindow renewWindow;
        private Duration retryDelay;
        private Consumer<String> revoked = md -> { };

        public Builder store(Store value) { store = value; return this; }
        public Builder fetcher(OcspFetcher value) { fetcher = value; return this; }
        public Builder events(EventNotifier value) { events = value; return this; }
        public Builder scheduler(TaskScheduler value) { scheduler = value; return this; }
        /** Runs the fetches (they block on the network). */
        public Builder workers(Executor value) { workers = value; return this; }
        public Builder clock(Clock value) { clock = value; return this; }
        public Builder random(RandomGenerator value) { random = value; return this; }
        /** MDStaplingRenewWindow. */
        public Builder renewWindow(RenewWindow value) { renewWindow = value; return this; }
        /** MDRetryDelay, the first delay after a failed fetch. */
        public Builder retryDelay(Duration value) { retryDelay = value; return this; }
        /** Told the managed domain whose certificate the responder says is revoked. */
        public Builder revoked(Consumer<String> value) { revoked = value; return this; }

        public Stapler build() {
            return new Stapler(this);
        }
    }

    /**
     * Staples {@code target} from now on: its persisted response is served at once (while
     * valid), and a fresh one is fetched when due. Watching a certificate again returns the same
     * staple.
     */
    public Staple watch(OcspTarget target) {
        return watched.computeIfAbsent(target.id(), id -> {
            Watched w = new Watched(target);
            w.response = store.load(target.md(), id).orElse(null);
            schedule(w, w.response == null ? clock.instant() : refreshAt(w.response));
            return w;
        });
    }

    /** Stops stapling the certificates of {@code md} that are not in {@code ids} (replaced ones). */
    public void retain(String md, Collection<String> ids) {
        watched.values().removeIf(w -> {
            if (w.target.md().equals(md) && !ids.contains(w.target.id())) {
                w.cancel();
                return true;
            }
            return false;
        });
    }

    /** The staple of the certificate {@code id}, if it is watched. */
    public Optional<Staple> staple(String id) {
        return Optional.ofNullable(watched.get(id));
    }

    /** When the certificate {@code id} is fetched next, if it is watched (for status pages). */
    public Optional<Instant> nextRefresh(String id) {
        Watched w = watched.get(id);
        if (w == null) {
            return Optional.empty();
        }
        synchronized (w) {
            return Optional.ofNullable(w.nextAt);
        }
    }

    /** Stops scheduling; a fetch under way finishes but schedules nothing. */
    @Override
    public void close() {
        closed = true;
        watched.values().forEach(Watched::cancel);
    }

    /** The start of the renew window, but not sooner than {@link #MIN_REFRESH} from now. */
    private Instant refreshAt(OcspResponse response) {
        Instant start = renewWindow.startIn(response.thisUpdate(), response.nextUpdate());
        Instant earliest = clock.instant().plus(MIN_REFRESH);
        if (!response.usableAt(clock.instant())) {
            return clock.instant();
        }
        return start.isBefore(earliest) ? earliest : start;
    }

    private void schedule(Watched w, Instant at) {
        if (closed) {
            return;
        }
        synchronized (w) {
            if (w.cancelled) {
                return;
            }
            if (w.next != null) {
                w.next.cancel();
            }
            w.nextAt = at;
            w.next = scheduler.schedule(at, () -> workers.execute(() -> refresh(w)));
        }
    }

    /** One fetch for {@code w}: check, persist, serve, record, tell; and the next one scheduled. */
    private void refresh(Watched w) {
        if (closed || w.cancelled) {
            return;
        }
        OcspTarget target = w.target;
        Instant now = clock.instant();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            OcspResponse response = OcspResponseCheck.check(fetcher.fetch(target.responder(),
                    OcspRequests.request(w.id, nonce)), target, w.id, nonce, now);
            store.save(target, response);
            w.response = response;
            w.errors = 0;
            Instant next = refreshAt(response);
            String detail = "certificate status is " + response.status().name() + ", status valid "
                    + StoreTime.format(response.thisUpdate()) + " - " + StoreTime.format(response.nextUpdate());
            LOG.info("{}: OCSP response for certificate {}: {}", target.md(), target.id(), response.status().word());
            record(target.md(), MdEvent.OCSP_RENEWED, job -> job.withErrors(0).withNextRun(next).withLastRun(now)
                    .withLast(JobResult.of(0, null, null, detail, null, null, null)));
            schedule(w, next);
            if (response.status() == OcspStatus.REVOKED && !target.md().equals(OcspTarget.OTHERS)) {
                LOG.warn("{}: the OCSP responder says certificate {} is REVOKED; renewing", target.md(), target.id());
                revoked.accept(target.md());
            }
        } catch (OcspException e) {
            failed(w, now, e.status(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("{}: fetching the OCSP response failed unexpectedly", target.md(), e);
            failed(w, now, StatusCodes.EGENERAL, "internal error: " + e);
        }
    }

    private void failed(Watched w, Instant now, int status, String message) {
        w.errors++;
        Instant next = now.plus(RetryBackoff.delay(w.errors, Optional.empty(), retryDelay, random));
        LOG.warn("{}: OCSP response for certificate {} failed for the {}. time, next try in {}s: {}", w.target.md(),
                w.target.id(), w.errors, Duration.between(now, next).toSeconds(), message);
        int errors = w.errors;
        record(w.target.md(), MdEvent.OCSP_ERRORED, job -> job.withErrors(errors).withNextRun(next).withLastRun(now)
                .withLast(JobResult.of(status, StatusCodes.describe(status), null, message, null, null, null))
                .withLogEntry(JobLogEntry.of(now, "ocsp-error", StatusCodes.describe(status).toLowerCase(Locale.ROOT),
                        message)));
        schedule(w, next);
    }

    /** Updates {@code ocsp/<md>/job.json} and tells {@code event} (whose log entry goes in too). */
    private void record(String md, MdEvent event, java.util.function.UnaryOperator<JobJson> change) {
        synchronized (jobLocks.computeIfAbsent(md, k -> new Object())) {
            JobJson job = change.apply(store.job(md));
            store.saveJob(events.notify(event, md, job).job());
        }
    }

    /** A watched certificate: its CertID, the response in service and its schedule. */
    private final class Watched implements Staple {
        final OcspTarget target;
        final CertificateID id;
        volatile OcspResponse response;
        /** Failed fetches in a row; only the fetch under way touches it. */
        int errors;
        /** Guarded by this. */
        TaskScheduler.Scheduled next;
        Instant nextAt;
        boolean cancelled;

        Watched(OcspTarget target) {
            this.target = target;
            this.id = OcspRequests.certificateId(target);
        }

        @Override
        public byte[] current() {
            OcspResponse r = response;
            return r != null && r.usableAt(clock.instant()) ? r.der() : null;
        }

        @Override
        public Optional<OcspResponse> response() {
            return Optional.ofNullable(response);
        }

        synchronized void cancel() {
            cancelled = true;
            if (next != null) {
                next.cancel();
            }
        }
    }
}
