package dev.mdj.server.http;

import dev.mdj.md.CertificateCheck;
import dev.mdj.ocsp.OcspStatus;
import dev.mdj.renew.StatusCodes;
import dev.mdj.status.MdStatus;
import dev.mdj.status.OcspState;
import dev.mdj.status.RelativeTime;
import dev.mdj.status.Stapled;
import dev.mdj.status.StatusCounts;
import dev.mdj.status.StatusText;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobResult;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.store.json.StoreTime;
import dev.mdj.store.json.StoreTime.Period;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The HTML of the server-status page: mdj's own layout with the information mod_md puts into
 * httpd's (per managed domain its names, state, validity, CA, CheckAt links and renewal
 * activity; the managed staplings, one row per stapled certificate). States are colour-coded and
 * always also said in words. Everything that comes from the store or the configuration is
 * escaped; contacts, keys and the EAB are not shown.
 */
final class ServerStatusPage {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            :root{--ok:#116329;--ok-bg:#dafbe1;--warn:#7d4e00;--warn-bg:#fff1c2;--err:#b3261e;--err-bg:#ffe4e1;
            --info:#0a4fa3;--info-bg:#dcecff;--muted:#5b636e;--line:#d9dee4;--text:#1c2128}
            *{box-sizing:border-box}
            body{margin:0;background:#f4f6f8;color:var(--text);font:15px/1.45 system-ui,-apple-system,"Segoe UI",
            Roboto,"Noto Sans","DejaVu Sans",sans-serif}
            main{max-width:1240px;margin:0 auto;padding:28px 20px 40px}
            h1{font-size:24px;margin:0 0 4px}
            h2{font-size:18px;margin:26px 0 10px}
            a{color:var(--info)}
            .meta,.detail,.names{color:var(--muted)}
            .meta{margin:0;font-size:14px}
            .summary{display:flex;flex-wrap:wrap;gap:12px;margin:22px 0 6px}
            .count{background:#fff;border:1px solid var(--line);border-left-width:5px;border-radius:8px;
            padding:8px 16px;min-width:150px}
            .count b{display:block;font-size:26px;line-height:1.2}
            .count.ok{border-left-color:var(--ok)}.count.warn{border-left-color:#d4a72c}
            .count.info{border-left-color:var(--info)}.count.err{border-left-color:var(--err)}
            table{width:100%;border-collapse:separate;border-spacing:0;table-layout:fixed;background:#fff;
            border:1px solid var(--line);border-radius:8px;overflow:hidden}
            th{text-align:left;font-size:12px;font-weight:600;text-transform:uppercase;letter-spacing:.05em;
            color:var(--muted);background:#fafbfc;padding:9px 12px;border-bottom:1px solid var(--line)}
            td{padding:9px 12px;font-size:14px;vertical-align:top;border-top:1px solid var(--line);overflow-wrap:anywhere}
            tr:first-child td{border-top:0}
            tr.err td:first-child{box-shadow:inset 4px 0 var(--err)}
            tr.warn td:first-child{box-shadow:inset 4px 0 #d4a72c}
            tr.info td:first-child{box-shadow:inset 4px 0 var(--info)}
            tr.ok td:first-child{box-shadow:inset 4px 0 var(--ok)}
            .md{font-weight:600}
            .names,.detail{font-size:13px}
            .badge{display:inline-block;padding:1px 9px;border-radius:999px;font-size:13px;font-weight:600;
            white-space:nowrap}
            .ok .badge{color:var(--ok);background:var(--ok-bg)}.warn .badge{color:var(--warn);background:var(--warn-bg)}
            .info .badge{color:var(--info);background:var(--info-bg)}.err .badge{color:var(--err);background:var(--err-bg)}
            .failed{color:var(--err);font-weight:600}
            .soon{color:var(--warn);font-weight:600}
            .gone{color:var(--err);font-weight:600}
            .key{display:inline-block;font:12px/1.5 ui-monospace,"DejaVu Sans Mono",monospace;background:#eef1f4;
            border-radius:4px;padding:0 5px;margin-right:4px}
            code{font:12px ui-monospace,"DejaVu Sans Mono",monospace}
            .note{background:#fff;border:1px solid var(--line);border-radius:8px;padding:10px 14px}
            """;

    /** How a managed domain is doing, as one word and a colour. */
    private enum Condition {
        VALID("ok", "Valid"),
        EXPIRES_SOON("warn", "Expires soon"),
        RENEWAL_DUE("warn", "Renewal due"),
        RENEWING("warn", "Renewing"),
        MISSING("warn", "No certificate"),
        READY("info", "Renewed"),
        EXPIRED("err", "Expired"),
        ERROR("err", "Error");

        private final String css;
        private final String label;

        Condition(String css, String label) {
            this.css = css;
            this.label = label;
        }
    }

    private final ServerFacts facts;
    private final CertificateCheck check;
    private final Instant now;

    ServerStatusPage(ServerFacts facts, CertificateCheck check, Instant now) {
        this.facts = facts;
        this.check = check;
        this.now = now;
    }

    /** The page for {@code host}; without managed domains when they are not to be shown. */
    String render(String host, Optional<List<MdStatus>> domains) {
        StringBuilder out = new StringBuilder(4096 + domains.map(List::size).orElse(0) * 1500);
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Server status: ").append(e(host)).append("</title>\n<style>\n").append(STYLE)
                .append("</style></head>\n<body><main>\n");
        out.append("<h1>Server status</h1>\n<p class=\"meta\">").append(e(host)).append(" · ").append(e(facts.version()))
                .append(" · up ").append(ServerFacts.uptimeText(facts.uptime(now)).replaceFirst("^$", "0 seconds"))
                .append(" (since ").append(WHEN.format(facts.startedAt())).append(") · configuration generation ")
                .append(facts.generation()).append(" · as of ").append(WHEN.format(now)).append("</p>\n");
        if (domains.isPresent()) {
            summary(out, StatusCounts.of(domains.get()));
            certificates(out, domains.get());
            stapling(out, domains.get());
        } else {
            out.append("<p class=\"note\">Managed domains are not shown here (MDServerStatus off).</p>\n");
        }
        out.append("<p class=\"meta\" style=\"margin-top:24px\">Machine-readable: <a href=\"?auto\">?auto</a></p>\n")
                .append("</main></body></html>\n");
        return out.toString();
    }

    private static void summary(StringBuilder out, StatusCounts counts) {
        out.append("<div class=\"summary\">");
        count(out, "", counts.total(), "managed certificates");
        count(out, "ok", counts.ok(), "complete");
        count(out, "warn", counts.renew(), "renewal due or under way");
        count(out, "info", counts.ready(), "renewed, waiting to go live");
        count(out, "err", counts.errored(), "errored");
        out.append("</div>\n");
    }

    private static void count(StringBuilder out, String css, int value, String label) {
        out.append("<div class=\"count ").append(css).append("\"><b>").append(value).append("</b>").append(label)
                .append("</div>");
    }

    private void certificates(StringBuilder out, List<MdStatus> domains) {
        out.append("<h2>Managed Certificates</h2>\n");
        if (domains.isEmpty()) {
            out.append("<p class=\"note\">No managed domains are configured.</p>\n");
            return;
        }
        out.append("<table><colgroup><col style=\"width:19%\"><col style=\"width:17%\"><col style=\"width:17%\">")
                .append("<col style=\"width:29%\"><col style=\"width:9%\"><col style=\"width:9%\"></colgroup>\n")
                .append("<thead><tr><th>Domain</th><th>State</th><th>Expires</th><th>Renewal</th><th>CA</th>")
                .append("<th>Check at</th></tr></thead>\n<tbody>\n");
        for (MdStatus status : domains) {
            Condition condition = condition(status);
            out.append("<tr class=\"").append(condition.css).append("\"><td>");
            names(out, status.md());
            out.append("</td><td><span class=\"badge\">").append(condition.label).append("</span>");
            String state = status.stateText(now);
            if (!state.equals("good")) {
                out.append("<div class=\"detail\">").append(e(state)).append("</div>");
            }
            out.append("</td><td>");
            certificate(out, status, condition);
            out.append("</td><td>");
            renewal(out, status);
            out.append("</td><td>");
            authority(out, status.md());
            out.append("</td><td>");
            checkAt(out, status);
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    private Condition condition(MdStatus status) {
        if (status.errored()) {
            return Condition.ERROR;
        }
        if (status.stateText(now).equals("expired")) {
            return Condition.EXPIRED;
        }
        if (status.ready()) {
            return Condition.READY;
        }
        if (status.renewal().isPresent()) {
            return Condition.RENEWING;
        }
        if (status.md().state() == MdState.INCOMPLETE) {
            return Condition.MISSING;
        }
        if (status.renewing()) {
            return Condition.RENEWAL_DUE;
        }
        return expiresSoon(status) ? Condition.EXPIRES_SOON : Condition.VALID;
    }

    /** Whether a certificate is inside its warn window (MDWarnWindow). */
    private boolean expiresSoon(MdStatus status) {
        Optional<Period> valid = status.certificates().valid();
        return valid.isPresent() && status.md().warnWindow()
                .filter(window -> !window.startIn(valid.get().from(), valid.get().until()).isAfter(now)).isPresent();
    }

    private static void names(StringBuilder out, MdJson md) {
        out.append("<div class=\"md\">").append(e(md.name())).append("</div>");
        List<String> others = md.domains().stream().filter(d -> !d.equals(md.name())).toList();
        if (!others.isEmpty()) {
            out.append("<div class=\"names\">").append(e(String.join(", ", others))).append("</div>");
        }
    }

    private void certificate(StringBuilder out, MdStatus status, Condition condition) {
        Optional<Period> valid = status.certificates().valid();
        if (valid.isEmpty()) {
            out.append("<span class=\"detail\">none yet</span>");
            return;
        }
        Period period = valid.get();
        out.append("<div title=\"valid ").append(StoreTime.format(period.from())).append(" – ")
                .append(StoreTime.format(period.until())).append("\">");
        if (period.from().isAfter(now)) {
            out.append("valid from ").append(when(period.from())).append("<br>");
        }
        String css = switch (condition) {
            case EXPIRED -> "gone";
            case EXPIRES_SOON, RENEWAL_DUE -> "soon";
            default -> "";
        };
        out.append("<span class=\"").append(css).append("\">").append(when(period.until())).append("</span></div>");
        if (!status.md().certFiles().isEmpty()) {
            out.append("<div class=\"detail\">from MDCertificateFile</div>");
        }
    }

    private void renewal(StringBuilder out, MdStatus status) {
        Optional<JobJson> renewal = status.renewal();
        if (renewal.isPresent()) {
            job(out, status, renewal.get());
        } else if (status.engine().decision().renews()) {
            Instant at = status.engine().decision().at().orElseThrow();
            out.append(at.isAfter(now) ? "renews " + when(at) : "renewal due now");
        } else {
            status.renewAt().ifPresent(at -> out.append(at.isAfter(now)
                    ? "window opens " + when(at) : "renewal window open"));
            out.append("<div class=\"detail\">not renewed: ").append(e(status.engine().decision().description()))
                    .append("</div>");
        }
        // the next check matters only where mdj renews
        status.engine().nextCheck().filter(at -> at.isAfter(now) && status.engine().decision().renews())
                .ifPresent(at -> out.append("<div class=\"detail\">next check ").append(soon(at)).append("</div>"));
    }

    private void job(StringBuilder out, MdStatus status, JobJson job) {
        JobResult last = job.last().orElse(JobResult.ok());
        if (status.renewalFailing()) {
            out.append("<div class=\"failed\">Failed");
            if (last.status() != 0) {
                out.append(": ").append(e(last.statusDescription().orElse(StatusCodes.describe(last.status()))));
            }
            out.append("</div>");
            last.problem().ifPresent(problem -> out.append("<div><code>").append(e(problem)).append("</code></div>"));
            last.detail().ifPresent(detail -> out.append("<div>").append(e(detail)).append("</div>"));
            if (job.errors() > 0) {
                out.append("<div class=\"detail\">").append(job.errors()).append(job.errors() == 1 ? " failed run" : " failed runs")
                        .append("</div>");
            }
            job.nextRun().filter(at -> at.isAfter(now))
                    .ifPresent(at -> out.append("<div class=\"detail\">next try ").append(soon(at)).append("</div>"));
        } else if (job.finished()) {
            int staged = status.stagedCertificates().byKey().size();
            out.append(staged == 0 ? "renewal finished" : staged + (staged == 1 ? " new certificate" : " new certificates")
                    + " staged");
            status.engine().activatesAt().ifPresent(at -> out.append("<div class=\"detail\">")
                    .append(at.isAfter(now) ? "goes live " + soon(at) : "goes live at the next check").append("</div>"));
        } else {
            out.append("renewal under way");
            last.activity().or(last::detail)
                    .ifPresent(text -> out.append("<div class=\"detail\">").append(e(text)).append("</div>"));
            job.nextRun().filter(at -> at.isAfter(now))
                    .ifPresent(at -> out.append("<div class=\"detail\">next run ").append(soon(at)).append("</div>"));
        }
    }

    private static void authority(StringBuilder out, MdJson md) {
        List<String> urls = md.caUrl().map(List::of).orElse(md.caUrls());
        for (int i = 0; i < urls.size(); i++) {
            out.append(i == 0 ? "" : "<br>");
            link(out, urls.get(i), StatusText.caName(md, urls.get(i)));
        }
    }

    private void checkAt(StringBuilder out, MdStatus status) {
        status.certificates().byKey().forEach((key, info) -> {
            link(out, check.urlPrefix() + info.sha256Fingerprint(), check.name());
            out.append(" <span class=\"key\">").append(e(key)).append("</span><br>");
        });
    }

    /**
     * mod_md's "Managed Staplings": one row per stapled certificate with what its responder said,
     * until when, where the responder is, and the last fetch.
     */
    private void stapling(StringBuilder out, List<MdStatus> domains) {
        List<Stapled> staplings = Stapled.of(domains);
        if (staplings.isEmpty()) {
            return;
        }
        out.append("<h2>Managed Staplings</h2>\n")
                .append("<table class=\"md_ocsp_status\"><thead><tr><th>Domain</th><th>CertificateID</th>")
                .append("<th>OCSPStatus</th><th>StaplingValid</th><th>Responder</th><th>Activity</th></tr>")
                .append("</thead>\n<tbody>\n");
        java.util.Set<String> mustStapleDomains = domains.stream().filter(d -> d.md().mustStaple())
                .map(MdStatus::name).collect(java.util.stream.Collectors.toSet());
        for (Stapled stapled : staplings) {
            OcspState state = stapled.state();
            boolean mustStaple = mustStapleDomains.contains(stapled.domain());
            String css = switch (state.status()) {
                case GOOD -> "ok";
                case REVOKED -> "err";
                case UNKNOWN -> mustStaple ? "err" : "warn";
            };
            out.append("<tr class=\"").append(css).append("\"><td><div class=\"md\">").append(e(stapled.domain()))
                    .append("</div><span class=\"key\">").append(e(stapled.key())).append("</span></td><td><code>")
                    .append(e(state.certificateId())).append("</code></td><td><span class=\"badge\">")
                    .append(e(state.status().word())).append("</span></td><td>");
            state.valid().ifPresent(valid -> out.append(when(valid.until())));
            out.append("</td><td>");
            state.responder().ifPresent(url -> link(out, url.toString(), url.getHost()));
            out.append("</td><td>");
            state.renewal().ifPresent(job -> {
                job.last().filter(last -> last.status() != 0).ifPresent(last -> out.append("<div class=\"failed\">")
                        .append(e(last.detail().orElse(StatusCodes.describe(last.status())))).append("</div>"));
                job.nextRun().filter(now::isBefore).ifPresent(at -> out.append("refresh ").append(soon(at)));
            });
            if (mustStaple && state.status() == OcspStatus.UNKNOWN) {
                out.append("<div class=\"failed\">MDMustStaple is on: clients that enforce it refuse this ")
                        .append("certificate without a stapled response.</div>");
            }
            out.append("</td></tr>\n");
        }
        out.append("</tbody></table>\n");
    }

    /** {@code 2027-02-21 (in 61 days)}, the exact time as the title. */
    private String when(Instant at) {
        return "<span title=\"" + StoreTime.format(at) + "\" style=\"white-space:nowrap\">" + DAY.format(at)
                + "</span> (" + relative(at) + ")";
    }

    /** {@code in 5 hours}, the exact time as the title: for what happens soon. */
    private String soon(Instant at) {
        return "<span title=\"" + StoreTime.format(at) + "\">" + relative(at) + "</span>";
    }

    /** {@code in 61 days}, {@code 5 hours ago}: the largest unit that gives at least 2 of it. */
    String relative(Instant at) {
        return RelativeTime.of(at, now);
    }

    /** A link when {@code url} is an http(s) URL, else the text alone. */
    private static void link(StringBuilder out, String url, String text) {
        if (url.startsWith("https://") || url.startsWith("http://")) {
            out.append("<a href=\"").append(e(url)).append("\">").append(e(text)).append("</a>");
        } else {
            out.append(e(text));
        }
    }

    private static String e(String text) {
        return ErrorPages.escape(text);
    }
}
