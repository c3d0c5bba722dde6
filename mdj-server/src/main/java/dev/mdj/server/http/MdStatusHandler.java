package dev.mdj.server.http;

import dev.mdj.config.host.PathSection;
import dev.mdj.status.MdStatus;
import dev.mdj.status.StatusJson;
import dev.mdj.status.StatusReader;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SetHandler md-status}, as mod_md's: {@code GET <location>} answers every managed
 * domain without renewal logs; {@code GET <location>/<name>} the managed domain that is named
 * so or has that name among its domains, with its renewal log. Any other name, and a trailing
 * slash, get the full list (mod_md does not answer 404). Require in the Location protects it.
 */
public final class MdStatusHandler implements Responder {

    /** The SetHandler name. */
    public static final String NAME = "md-status";

    private final StatusReader reader;

    public MdStatusHandler(StatusReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    @Override
    public BodySink respond(Exchange exchange) {
        Optional<String> name = requestedName(exchange);
        return StatusAnswers.send(exchange, () -> {
            Optional<MdStatus> one = name.flatMap(reader::find);
            return one.isPresent() ? StatusJson.managedDomain(one.get(), true) : StatusJson.mdStatus(reader.all());
        });
    }

    /** The last segment of the path below the Location that set this handler, if there is one. */
    private static Optional<String> requestedName(Exchange exchange) {
        String path = exchange.target().path();
        List<PathSection> locations = exchange.locations();
        String base = locations.stream().filter(l -> l.handler().isPresent()).map(PathSection::path)
                .reduce((first, second) -> second).orElse(path);
        String info = path.startsWith(base) ? path.substring(base.length()) : "";
        if (!info.startsWith("/")) {
            return Optional.empty();
        }
        String last = info.substring(info.lastIndexOf('/') + 1);
        return last.isEmpty() ? Optional.empty() : Optional.of(last);
    }
}
