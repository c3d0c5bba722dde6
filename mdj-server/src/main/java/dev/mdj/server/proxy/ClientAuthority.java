package dev.mdj.server.proxy;

import dev.mdj.server.http.Exchange;
import io.netty.handler.codec.http.HttpHeaderNames;

/** The host (and port) the client asked for, as it named it: for X-Forwarded-Host and rewritten Locations. */
final class ClientAuthority {

    private ClientAuthority() {
    }

    /** The Host header (h2's :authority arrives as Host), else the request's host name and the local port. */
    static String of(Exchange exchange) {
        String header = exchange.request().headers().get(HttpHeaderNames.HOST);
        if (header != null && !header.isBlank()) {
            return header.strip();
        }
        int port = exchange.connection().local().getPort();
        boolean secure = exchange.connection().secure();
        return port == (secure ? 443 : 80) ? exchange.host() : exchange.host() + ":" + port;
    }

    static String scheme(Exchange exchange) {
        return exchange.connection().secure() ? "https" : "http";
    }
}
