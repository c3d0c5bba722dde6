package dev.mdj.server.proxy;

import dev.mdj.server.http.BodySink;
import dev.mdj.server.http.Exchange;
import dev.mdj.server.http.ReverseProxy;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * ProxyPass to HTTP and HTTPS backends, as mod_proxy_http: the request is streamed to the
 * backend (hop-by-hop headers dropped, Host of the backend unless ProxyPreserveHost,
 * X-Forwarded-For/-Host/-Server and, unlike mod_proxy, X-Forwarded-Proto added) and the response
 * streamed back with ProxyPassReverse applied. Backend connections are opened on the client
 * connection's own event loop and kept alive in a pool per event loop, so a request never
 * changes threads. A backend that cannot be reached gives 502, one that does not answer within
 * the site's Timeout 504.
 */
public final class HttpReverseProxy implements ReverseProxy, AutoCloseable {

    private final BackendConnector connector;
    private final Map<EventExecutor, BackendPool> pools = new ConcurrentHashMap<>();

    /**
     * @param connectTimeout how long connecting to a backend may take before the request gets 502
     */
    public HttpReverseProxy(Duration connectTimeout) {
        this.connector = new BackendConnector(connectTimeout);
    }

    @Override
    public BodySink forward(Exchange exchange, URI target) {
        EventLoop loop = exchange.ctx().channel().eventLoop();
        BackendPool pool = pools.computeIfAbsent(loop, l -> new BackendPool(loop, connector));
        Origin origin = Origin.of(target);
        return new ProxyCall(exchange, ForwardedRequest.of(exchange, target, origin), origin, pool).start();
    }

    /** Closes the idle backend connections; requests under way finish and close theirs. */
    @Override
    public void close() {
        for (BackendPool pool : pools.values()) {
            if (!pool.loop().isShuttingDown()) { // a loop that stops closes its connections itself
                pool.loop().execute(pool::close);
            }
        }
        connector.close();
    }
}
