package dev.mdj.server.proxy;

import dev.mdj.server.http.Exchange;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;

/**
 * The request head that goes to the backend, as mod_proxy_http writes it: the client's method
 * and headers without the hop-by-hop ones, the backend's path and query, Host of the backend
 * (or the client's with ProxyPreserveHost) and the X-Forwarded-* headers.
 */
final class ForwardedRequest {

    static final String X_FORWARDED_FOR = "x-forwarded-for";
    static final String X_FORWARDED_HOST = "x-forwarded-host";
    static final String X_FORWARDED_SERVER = "x-forwarded-server";
    /** Not added by mod_proxy, but what applications behind a TLS front expect. */
    static final String X_FORWARDED_PROTO = "x-forwarded-proto";

    private ForwardedRequest() {
    }

    static HttpRequest of(Exchange exchange, URI target, Origin origin) {
        HttpRequest client = exchange.request();
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String uri = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, client.method(), uri);
        HttpHeaders headers = request.headers();
        headers.set(client.headers());
        HopByHop.strip(headers);
        // The front answered 100-continue itself (HttpServerExpectContinueHandler); the body follows anyway.
        headers.remove(HttpHeaderNames.EXPECT);
        if (!HttpUtil.isContentLengthSet(client) && HttpUtil.isTransferEncodingChunked(client)) {
            HttpUtil.setTransferEncodingChunked(request, true);
        }
        String clientHost = ClientAuthority.of(exchange);
        headers.set(HttpHeaderNames.HOST, exchange.site().proxyPreserveHost() ? clientHost : origin.authority());
        append(headers, X_FORWARDED_FOR, exchange.connection().remote().getAddress().getHostAddress());
        append(headers, X_FORWARDED_HOST, clientHost);
        append(headers, X_FORWARDED_SERVER,
                exchange.site().names().isEmpty() ? exchange.host() : exchange.site().names().get(0));
        headers.set(X_FORWARDED_PROTO, exchange.connection().secure() ? "https" : "http");
        return request;
    }

    /** mod_proxy merges into a header the client sent: {@code old, new}. */
    private static void append(HttpHeaders headers, String name, String value) {
        String old = headers.get(name);
        headers.set(name, old == null || old.isBlank() ? value : old + ", " + value);
    }
}
