package dev.mdj.server.metrics;

import dev.mdj.status.OcspState;
import dev.mdj.renew.AriWindow;
import dev.mdj.status.CertificateInfo;
import dev.mdj.status.MdStatus;
import dev.mdj.status.StatusReader;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.MdState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The Prometheus metrics of the managed domains, read from their status at each scrape (so
 * they are what md-status says at that moment, and MDs added or removed by a reload come and
 * go with it). Every family has the label {@code md}; certificate families also
 * {@code key_type} (the key name md-status uses: {@code rsa}, {@code secp256r1}, or the position
 * of an MDCertificateFile). Times are seconds since the epoch. Only names, states, times, counts
 * and the CA's URL appear: never a key, an account or an EAB value.
 */
public final class MdMetrics {

    /** Where a domain's renewal stands, from its staged job.json. */
    enum JobState {
        /** No renewal staged. */
        IDLE,
        /** A renewal is under way, without errors so far. */
        RUNNING,
        /** The last run of the staged renewal failed; it is retried after a back-off. */
        FAILING,
        /** The renewal finished; its certificates wait to be activated. */
        READY;

        static JobState of(Optional<JobJson> job) {
            if (job.isEmpty()) {
                return IDLE;
            }
            return job.get().finished() ? READY : job.get().errors() > 0 ? FAILING : RUNNING;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private MdMetrics() {
    }

    /** The metrics of every configured managed domain, in the text format 0.0.4. */
    public static String scrape(StatusReader reader) {
        List<MdStatus> all = reader.all();
        StringBuilder text = new StringBuilder(512 + all.size() * 1024);
        Exposition out = new Exposition(text);

        family(out, all, "mdj_md_info", "A managed domain and the CA it uses (label ca), always 1.",
                (status, sample) -> sample.accept(labels(status, "ca", ca(status)), 1L));
        family(out, all, "mdj_md_state", "The state of a managed domain as md-status shows it (label state), always 1.",
                (status, sample) -> sample.accept(labels(status, "state", state(status.md().state())), 1L));
        certificateFamily(out, all, "mdj_certificate_not_after_seconds",
                "When a live certificate expires.", info -> info.valid().until());
        certificateFamily(out, all, "mdj_certificate_not_before_seconds",
                "When a live certificate became valid.", info -> info.valid().from());
        timeFamily(out, all, "mdj_renew_at_seconds",
                "When the managed domain's renew window opens (md-status renew-at).", MdStatus::renewAt);
        ariFamily(out, all, "mdj_ari_window_start_seconds",
                "Start of the renewal window the CA suggests (ARI) for a live certificate.", AriWindow::start);
        ariFamily(out, all, "mdj_ari_window_end_seconds",
                "End of the renewal window the CA suggests (ARI) for a live certificate.", AriWindow::end);
        timeFamily(out, all, "mdj_renewal_last_success_seconds",
                "When the last successful renewal run of the managed domain finished.", reader::lastSuccessfulRenewal);
        family(out, all, "mdj_renewal_errors",
                "Consecutive failed renewal runs of the staged renewal (job.json errors); 0 without one.",
                (status, sample) -> sample.accept(labels(status),
                        (long) status.renewal().map(JobJson::errors).orElse(0)));
        family(out, all, "mdj_renewal_job_state",
                "Where the renewal stands (label state: idle, running, failing, ready), always 1.",
                (status, sample) -> sample.accept(labels(status, "state", JobState.of(status.renewal()).label()), 1L));
        timeFamily(out, all, "mdj_next_check_seconds",
                "When the watchdog looks at the managed domain next.", status -> status.engine().nextCheck());
        ocspFamily(out, all, "mdj_ocsp_status", "What the OCSP responder said about a stapled certificate"
                + " (label status: good, revoked, unknown = no response), always 1.",
                (key, ocsp, sample) -> sample.accept(Map.of("key_type", key, "status", ocsp.status().word()), 1L));
        ocspFamily(out, all, "mdj_ocsp_next_update_seconds",
                "Until when the stapled OCSP response of a certificate is valid (nextUpdate).",
                (key, ocsp, sample) -> ocsp.valid().ifPresent(v -> sample.accept(Map.of("key_type", key),
                        v.until().getEpochSecond())));
        ocspFamily(out, all, "mdj_ocsp_this_update_seconds",
                "When the responder vouched for the stapled OCSP response of a certificate (thisUpdate).",
                (key, ocsp, sample) -> ocsp.valid().ifPresent(v -> sample.accept(Map.of("key_type", key),
                        v.from().getEpochSecond())));
        ocspFamily(out, all, "mdj_ocsp_errors",
                "Consecutive failed OCSP fetches of the managed domain (ocsp/<md>/job.json errors).",
                (key, ocsp, sample) -> sample.accept(Map.of("key_type", key),
                        (long) ocsp.renewal().map(JobJson::errors).orElse(0)));
        ocspFamily(out, all, "mdj_ocsp_last_refresh_seconds",
                "When an OCSP response of the managed domain was last fetched (or tried).",
                (key, ocsp, sample) -> ocsp.renewal().flatMap(JobJson::lastRun).ifPresent(at ->
                        sample.accept(Map.of("key_type", key), at.getEpochSecond())));
        return text.toString();
    }

    /** One gauge family, with what {@code samples} gives for each domain. */
    private static void family(Exposition out, List<MdStatus> all, String name, String help,
            BiConsumer<MdStatus, BiConsumer<Map<String, String>, Long>> samples) {
        out.gauge(name, help);
        for (MdStatus status : all) {
            samples.accept(status, (labels, value) -> out.sample(name, labels, value));
        }
    }

    private static void timeFamily(Exposition out, List<MdStatus> all, String name, String help,
            Function<MdStatus, Optional<Instant>> time) {
        family(out, all, name, help, (status, sample) -> time.apply(status)
                .ifPresent(at -> sample.accept(labels(status), at.getEpochSecond())));
    }

    private static void certificateFamily(Exposition out, List<MdStatus> all, String name, String help,
            Function<CertificateInfo, Instant> time) {
        family(out, all, name, help, (status, sample) -> status.certificates().byKey().forEach((key, info) ->
                sample.accept(labels(status, "key_type", key), time.apply(info).getEpochSecond())));
    }

    private static void ariFamily(Exposition out, List<MdStatus> all, String name, String help,
            Function<AriWindow, Instant> time) {
        family(out, all, name, help, (status, sample) -> status.engine().ariWindows().forEach((key, window) ->
                sample.accept(labels(status, "key_type", key), time.apply(window).getEpochSecond())));
    }

    /** A sample of one stapled certificate: its key name, its OCSP state, and where the sample goes (labels besides md). */
    @FunctionalInterface
    private interface OcspSample {
        void accept(String key, OcspState ocsp, BiConsumer<Map<String, String>, Long> sample);
    }

    /** A family with samples per stapled certificate (domains with MDStapling on). */
    private static void ocspFamily(Exposition out, List<MdStatus> all, String name, String help, OcspSample samples) {
        family(out, all, name, help, (status, sample) -> status.ocsp().forEach((key, ocsp) ->
                samples.accept(key, ocsp, (labels, value) -> {
                    Map<String, String> withMd = new LinkedHashMap<>(labels(status));
                    withMd.putAll(new java.util.TreeMap<>(labels));
                    sample.accept(withMd, value);
                })));
    }

    private static Map<String, String> labels(MdStatus status) {
        return Map.of("md", status.name());
    }

    private static Map<String, String> labels(MdStatus status, String label, String value) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("md", status.name());
        labels.put(label, value);
        return labels;
    }

    /** The CA in use: the one md.json names, else the first configured; empty when none is known. */
    private static String ca(MdStatus status) {
        return status.md().caUrl().or(() -> status.md().caUrls().stream().findFirst()).orElse("");
    }

    /** {@code complete}, {@code missing-information}, … */
    private static String state(MdState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
