package dev.mdj.server.http;

import dev.mdj.md.CertificateCheck;
import dev.mdj.status.MdStatus;
import dev.mdj.status.StatusReader;
import dev.mdj.status.StatusText;
import java.time.Clock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SetHandler server-status}: mdj's status page with what mod_md adds to httpd's
 * (Managed Certificates, and Stapling when MDStapling is on somewhere), and with {@code ?auto}
 * the machine-readable text, whose {@code Managed…} lines are mod_md's. {@code MDServerStatus off}
 * leaves the managed domains out of both, as in mod_md. Require in the Location protects it.
 */
public final class ServerStatusHandler implements Responder {

    /** The SetHandler name. */
    public static final String NAME = "server-status";

    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    /** mod_status's CurrentTime and RestartTime: {@code Monday, 23-Nov-2026 09:17:01 UTC}. */
    private static final DateTimeFormatter STATUS_TIME =
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yyyy HH:mm:ss 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final StatusReader reader;
    private final ServerFacts facts;
    private final Clock clock;
    private final boolean managedDomains;
    private final CertificateCheck check;

    /**
     * @param managedDomains MDServerStatus: whether the managed domains are shown
     * @param check MDCertificateCheck: where each certificate is linked for inspection
     */
    public ServerStatusHandler(StatusReader reader, ServerFacts facts, Clock clock, boolean managedDomains,
            CertificateCheck check) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.managedDomains = managedDomains;
        this.check = Objects.requireNonNull(check, "check");
    }

    @Override
    public BodySink respond(Exchange exchange) {
        boolean auto = exchange.target().query().map(q -> Arrays.asList(q.split("&")).contains("auto")).orElse(false);
        String host = !exchange.host().isEmpty() ? exchange.host()
                : exchange.site().names().stream().findFirst().orElse("localhost");
        if (auto) {
            return StatusAnswers.send(exchange, TEXT, () -> auto(host).getBytes(StandardCharsets.UTF_8));
        }
        return StatusAnswers.send(exchange, HTML, () -> {
            Optional<List<MdStatus>> domains = managedDomains ? Optional.of(reader.all()) : Optional.empty();
            return new ServerStatusPage(facts, check, clock.instant()).render(host, domains)
                    .getBytes(StandardCharsets.UTF_8);
        });
    }

    /** The {@code ?auto} text: the host, mod_status's basic lines, then mod_md's. */
    private String auto(String host) {
        // read first: "now" must not be before the moments the reader took as now (renew-at of a missing certificate)
        Optional<List<MdStatus>> domains = managedDomains ? Optional.of(reader.all()) : Optional.empty();
        Instant now = clock.instant();
        Duration uptime = facts.uptime(now);
        StringBuilder out = new StringBuilder();
        out.append(host).append('\n');
        out.append("ServerVersion: ").append(facts.version()).append('\n');
        out.append("CurrentTime: ").append(STATUS_TIME.format(now)).append('\n');
        out.append("RestartTime: ").append(STATUS_TIME.format(facts.startedAt())).append('\n');
        out.append("ParentServerConfigGeneration: ").append(facts.generation()).append('\n');
        out.append("ServerUptimeSeconds: ").append(uptime.toSeconds()).append('\n');
        out.append("ServerUptime: ").append(ServerFacts.uptimeText(uptime)).append('\n');
        out.append("Uptime: ").append(uptime.toSeconds()).append('\n');
        domains.ifPresent(list -> out.append(StatusText.managedCertificates(list, check, now)));
        return out.toString();
    }
}
