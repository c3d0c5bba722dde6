package dev.mdj.server.http;

import dev.mdj.server.metrics.MdMetrics;
import dev.mdj.server.metrics.ProcessMeters;
import dev.mdj.status.StatusReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * {@code SetHandler metrics}: Prometheus metrics in the text exposition format 0.0.4 — the
 * managed domains' certificates and renewals ({@link MdMetrics}), then the JVM and process meters
 * ({@link ProcessMeters}). Require in the Location protects it.
 */
public final class MetricsHandler implements Responder {

    /** The SetHandler name. */
    public static final String NAME = "metrics";

    private final StatusReader reader;
    private final ProcessMeters meters;

    public MetricsHandler(StatusReader reader, ProcessMeters meters) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.meters = Objects.requireNonNull(meters, "meters");
    }

    @Override
    public BodySink respond(Exchange exchange) {
        return StatusAnswers.send(exchange, ProcessMeters.CONTENT_TYPE,
                () -> (MdMetrics.scrape(reader) + meters.scrape()).getBytes(StandardCharsets.UTF_8));
    }
}
