package dev.mdj.server.http;

import java.net.URI;

/** Forwards requests to HTTP backends (ProxyPass). */
@FunctionalInterface
public interface ReverseProxy {

    /**
     * Forwards {@code exchange}'s request to {@code target} (the backend URL with the rest of the
     * request path and the query) and streams the backend's response back.
     *
     * @return where the request body goes (streamed to the backend)
     */
    BodySink forward(Exchange exchange, URI target);
}
