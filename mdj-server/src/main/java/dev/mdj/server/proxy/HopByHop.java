package dev.mdj.server.proxy;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The headers that describe one connection and must not cross the proxy (RFC 9110 §7.6.1):
 * Connection and every header it names, Keep-Alive, TE, Trailer, Transfer-Encoding, Upgrade and
 * the Proxy-* headers (with {@code Proxy} itself, the httpoxy header).
 */
final class HopByHop {

    private static final Set<String> NAMES = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding",
            "upgrade", "proxy");

    private HopByHop() {
    }

    static void strip(HttpHeaders headers) {
        List<String> doomed = new ArrayList<>();
        for (String value : headers.getAll(HttpHeaderNames.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    doomed.add(token.strip());
                }
            }
        }
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (NAMES.contains(lower) || lower.startsWith("proxy-")) {
                doomed.add(name);
            }
        }
        doomed.forEach(headers::remove);
    }
}
