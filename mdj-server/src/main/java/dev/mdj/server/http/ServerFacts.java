package dev.mdj.server.http;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What the server-status page says about the server itself.
 *
 * @param version the server's name and version, {@code mdj/1.0 (Java 25)}
 * @param startedAt when the server started (reloads do not change it, as httpd's RestartTime
 *     after a graceful restart)
 * @param generation the configuration generation, counting reloads from 1
 */
public record ServerFacts(String version, Instant startedAt, int generation) {

    public ServerFacts {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** {@code mdj/<version> (Java <version>)}; without the mdj version when not run from a jar. */
    public static String version(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        return "mdj" + (version == null ? "" : "/" + version) + " (Java " + Runtime.version().feature() + ")";
    }

    public Duration uptime(Instant now) {
        Duration uptime = Duration.between(startedAt, now);
        return uptime.isNegative() ? Duration.ZERO : uptime;
    }

    /** As mod_status writes it: {@code 1 day 2 hours 5 seconds}, parts that are 0 left out. */
    public static String uptimeText(Duration uptime) {
        StringBuilder out = new StringBuilder();
        part(out, uptime.toDays(), "day");
        part(out, uptime.toHoursPart(), "hour");
        part(out, uptime.toMinutesPart(), "minute");
        part(out, uptime.toSecondsPart(), "second");
        return out.toString();
    }

    private static void part(StringBuilder out, long value, String unit) {
        if (value > 0) {
            out.append(out.isEmpty() ? "" : " ").append(value).append(' ').append(unit).append(value == 1 ? "" : "s");
        }
    }
}
