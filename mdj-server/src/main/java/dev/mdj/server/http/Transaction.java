package dev.mdj.server.http;

import dev.mdj.server.site.Site;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.AttributeKey;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * One request and what was answered, as the access log sees it: filled in when the request
 * arrives, when a site takes it on and while the response goes out. Used on its channel's
 * event loop only.
 */
public final class Transaction {

    /** The transaction of the request last read on a channel (an h2 stream has its own channel). */
    static final AttributeKey<Transaction> CURRENT = AttributeKey.valueOf(Transaction.class, "current");

    private final Connection connection;
    private final HttpRequest request;
    private final String protocol;
    private final Instant start;
    private final long startNanos;
    private final SSLSession tls;
    private Site site;
    private String host = "";
    private HttpResponse response;
    private boolean requestRead;
    private long bytes;
    private long endNanos;

    Transaction(Connection connection, HttpRequest request, boolean h2, SSLSession tls) {
        this.connection = connection;
        this.request = request;
        this.protocol = h2 ? "HTTP/2.0" : request.protocolVersion().text();
        this.tls = tls;
        this.start = Instant.now();
        this.startNanos = System.nanoTime();
    }

    /** The transaction of the request being dispatched on {@code channel}, if one is tracked. */
    static Optional<Transaction> current(Channel channel) {
        return Optional.ofNullable(channel.attr(CURRENT).get());
    }

    /** Called when a site takes the request on. */
    void servedBy(Exchange exchange) {
        site = exchange.site();
        host = exchange.host();
    }

    /** Called when the last of the request (its body included) has been read. */
    void requestRead() {
        requestRead = true;
    }

    /**
     * Whether the client has sent everything and waits for the answer to begin (a backend
     * behind ProxyPass thinking): the one state in which a quiet connection is not idle.
     */
    boolean awaitingAnswer() {
        return requestRead && response == null;
    }

    void responding(HttpResponse head) {
        response = head;
    }

    void sent(long count) {
        bytes += count;
    }

    void completed() {
        endNanos = System.nanoTime();
    }

    public Connection connection() {
        return connection;
    }

    public HttpRequest request() {
        return request;
    }

    /** {@code HTTP/1.1}, {@code HTTP/1.0} or, for an h2 stream, {@code HTTP/2.0} (as httpd logs it). */
    public String protocol() {
        return protocol;
    }

    /** The request line as httpd logs it in {@code %r}. */
    public String requestLine() {
        return request.method().name() + " " + request.uri() + " " + protocol;
    }

    /** The query string without {@code ?}, or empty. */
    public String query() {
        int query = request.uri().indexOf('?');
        return query < 0 ? "" : request.uri().substring(query + 1);
    }

    /** The path asked for, as sent (percent-encoded). */
    public String path() {
        int query = request.uri().indexOf('?');
        return query < 0 ? request.uri() : request.uri().substring(0, query);
    }

    /** The TLS session of the connection; empty on plain HTTP. */
    public Optional<SSLSession> tls() {
        return Optional.ofNullable(tls);
    }

    public Instant start() {
        return start;
    }

    /** How long the request took, from its head read to its response's end written. */
    public long elapsedNanos() {
        return (endNanos == 0 ? System.nanoTime() : endNanos) - startNanos;
    }

    /** The site that took the request on; empty for requests refused before one was chosen. */
    public Optional<Site> site() {
        return Optional.ofNullable(site);
    }

    /** The requested host name, lower-case, or empty. */
    public String host() {
        return host;
    }

    /** The response status, 0 while none was written. */
    public int status() {
        return response == null ? 0 : response.status().code();
    }

    public Optional<HttpHeaders> responseHeaders() {
        return Optional.ofNullable(response).map(HttpResponse::headers);
    }

    /** Body bytes written (without headers). */
    public long bytes() {
        return bytes;
    }
}
