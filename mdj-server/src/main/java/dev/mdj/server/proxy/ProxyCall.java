package dev.mdj.server.proxy;

import dev.mdj.server.http.BodySink;
import dev.mdj.server.http.Exchange;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on its way through the proxy: the request head and body streamed to a backend
 * connection, the response streamed back to the client, each side slowed down when the other
 * cannot keep up. Client and backend connection share an event loop, so everything here runs on
 * that one thread.
 *
 * <p>Failures as mod_proxy_http: no connection to the backend, or the backend closing before its
 * response head, is 502; no response for the site's Timeout is 504; a backend that fails after
 * the response head was sent leaves only closing the client connection. A client that goes away
 * takes the backend connection with it; only a connection that completed its exchange cleanly
 * goes back to the pool.
 */
final class ProxyCall implements BodySink {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyCall.class);
    /** RFC 9110 §9.2.2: requests that may be sent again when a reused connection turns out dead. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE);

    private final Exchange exchange;
    private final Channel client;
    private final HttpRequest head;
    private final Origin origin;
    private final BackendPool pool;
    private final Duration timeout;
    private final ReverseMappings reverse;
    private final ChannelFutureListener clientClosed = f -> clientGone();
    /** Body pieces that came before the backend connection was ready. */
    private final ArrayDeque<HttpContent> waiting = new ArrayDeque<>();

    private Channel backend;
    private BackendHandler backendHandler;
    private boolean reused;
    private long bodyBytesSent;
    /** The client sent its last body piece. */
    private boolean requestRead;
    /** The last body piece went to the backend. */
    private boolean requestSent;
    private boolean backendKeepAlive;
    private boolean responseStarted;
    /** An interim (1xx) response is being skipped until its end. */
    private boolean interim;
    /** Nothing more goes to the client: the response is complete, or the exchange failed. */
    private boolean done;
    private boolean backendPaused;
    private boolean unflushed;
    private ChannelFuture lastClientWrite;
    private long lastActivity;
    private Future<?> timer;

    ProxyCall(Exchange exchange, HttpRequest head, Origin origin, BackendPool pool) {
        this.exchange = exchange;
        this.client = exchange.ctx().channel();
        this.head = head;
        this.origin = origin;
        this.pool = pool;
        this.timeout = exchange.site().timeout();
        this.reverse = ReverseMappings.of(exchange);
    }

    BodySink start() {
        client.closeFuture().addListener(clientClosed);
        // The body waits in the client's socket until there is a backend to take it.
        client.config().setAutoRead(false);
        Channel idle = pool.takeIdle(origin);
        if (idle != null) {
            attach(idle, true);
        } else {
            connect();
        }
        return this;
    }

    private void connect() {
        pool.open(origin, socket(client).getClass()).addListener((Future<Channel> f) -> {
            if (!f.isSuccess()) {
                LOG.warn("proxy: cannot connect to {} for {} {}: {}", origin, exchange.request().method(),
                        exchange.target().rawPath(), f.cause().toString());
                fail(HttpResponseStatus.BAD_GATEWAY);
            } else if (done) {
                pool.release(origin, f.getNow());
            } else {
                attach(f.getNow(), false);
            }
        });
    }

    private void attach(Channel channel, boolean pooled) {
        backend = channel;
        backendHandler = channel.pipeline().get(BackendHandler.class);
        backendHandler.attach(this);
        reused = pooled;
        channel.write(head).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        HttpContent piece;
        while ((piece = waiting.poll()) != null) {
            send(piece);
        }
        channel.flush();
        if (!channel.isActive()) {
            // Closed before it was ours: its channelInactive went to the pool, not to this request.
            backendClosed();
            return;
        }
        readClientWhileUseful();
    }

    /** Takes a piece of the request body from the client. */
    @Override
    public void content(HttpContent content) {
        if (content instanceof LastHttpContent) {
            requestRead = true;
        }
        if (done) {
            content.release();
        } else if (backend == null) {
            waiting.add(content);
        } else {
            send(content);
            backend.flush();
            if (!backend.isWritable()) {
                client.config().setAutoRead(false);
            }
        }
    }

    private void send(HttpContent content) {
        bodyBytesSent += content.content().readableBytes();
        boolean last = content instanceof LastHttpContent;
        backend.write(content).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        if (last) {
            requestSent = true;
            lastActivity = System.nanoTime();
            scheduleTimeout(timeout.toNanos());
        }
    }

    /** The backend can take more of the body. */
    void backendWritable() {
        readClientWhileUseful();
    }

    /**
     * Reads from the client while its request body has pieces to come. After that the client is
     * not read until the response is complete: a pipelined next request waits its turn.
     */
    private void readClientWhileUseful() {
        client.config().setAutoRead(!done && !requestRead && backend != null && backend.isWritable());
    }

    void backendRead(Object msg) {
        lastActivity = System.nanoTime();
        if (done) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
            ReferenceCountUtil.release(msg);
            LOG.warn("proxy: bad response from {}: {}", origin, object.decoderResult().cause().toString());
            backendFailed();
            return;
        }
        if (msg instanceof HttpResponse response) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                // 100 Continue, 103 Early Hints: the front has answered the client's Expect itself.
                interim = true;
            } else {
                respond(response);
            }
        }
        if (msg instanceof HttpContent content) {
            if (interim) {
                interim = !(content instanceof LastHttpContent);
                content.release();
                return;
            }
            boolean last = content instanceof LastHttpContent;
            lastClientWrite = exchange.ctx().write(content);
            unflushed = true;
            if (last) {
                complete();
            }
        }
    }

    private void respond(HttpResponse backendHead) {
        if (backendHead.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
            LOG.warn("proxy: {} switched protocols though no upgrade was forwarded", origin);
            backendFailed();
            return;
        }
        backendKeepAlive = HttpUtil.isKeepAlive(backendHead);
        HttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, backendHead.status());
        response.headers().set(backendHead.headers());
        HopByHop.strip(response.headers());
        reverse.rewrite(response.headers());
        int status = backendHead.status().code();
        boolean bodyless = status == 204 || status == 304;
        if (!bodyless && !HttpUtil.isContentLengthSet(response)
                && exchange.request().protocolVersion().equals(HttpVersion.HTTP_1_1)) {
            // Without a length, HTTP/1.1 clients get chunks (h2's codec drops the header and frames).
            HttpUtil.setTransferEncodingChunked(response, true);
        }
        responseStarted = true;
        lastClientWrite = exchange.ctx().write(exchange.decorate(response));
        unflushed = true;
    }

    /** Flushes what the backend's last read brought, and stops reading it while the client lags. */
    void backendReadComplete() {
        if (unflushed) {
            unflushed = false;
            exchange.ctx().flush();
        }
        if (!done && backend != null && !client.isWritable() && !backendPaused && lastClientWrite != null) {
            backendPaused = true;
            backend.config().setAutoRead(false);
            lastClientWrite.addListener(f -> resumeBackend());
        }
    }

    private void resumeBackend() {
        if (backendPaused) {
            backendPaused = false;
            lastActivity = System.nanoTime();
            if (backend != null) {
                backend.config().setAutoRead(true);
            }
        }
    }

    /** The response is complete: the backend connection goes back to the pool if it can serve again. */
    private void complete() {
        done = true;
        exchange.ctx().flush();
        unflushed = false;
        Channel channel = detachBackend();
        if (requestSent && backendKeepAlive && channel.isActive()) {
            pool.release(origin, channel);
        } else {
            channel.close();
        }
        finish();
    }

    /** The backend connection closed before the response was complete. */
    void backendClosed() {
        if (done) {
            return;
        }
        if (!responseStarted && reused && bodyBytesSent == 0 && IDEMPOTENT.contains(head.method())) {
            // The pooled connection was closed by the backend as we took it: try once more on a new one.
            LOG.debug("proxy: reused connection to {} closed, retrying", origin);
            detachBackend();
            cancelTimeout();
            reused = false;
            if (requestSent) {
                requestSent = false;
                waiting.add(LastHttpContent.EMPTY_LAST_CONTENT);
            }
            client.config().setAutoRead(false);
            connect();
            return;
        }
        if (!responseStarted) {
            LOG.warn("proxy: {} closed the connection without a response to {} {}", origin,
                    exchange.request().method(), exchange.target().rawPath());
        }
        backendFailed();
    }

    private void backendFailed() {
        if (responseStarted) {
            abort();
        } else {
            fail(HttpResponseStatus.BAD_GATEWAY);
        }
    }

    private void fail(HttpResponseStatus status) {
        if (done) {
            return;
        }
        done = true;
        closeBackend();
        if (client.isActive()) {
            exchange.sendError(status);
        }
        finish();
    }

    /** After the response head went out, a broken response can only end with the client connection. */
    private void abort() {
        done = true;
        closeBackend();
        client.close();
        finish();
    }

    private void clientGone() {
        if (!done) {
            LOG.debug("proxy: client went away during {} {}", exchange.request().method(), exchange.target().rawPath());
            done = true;
            closeBackend();
            finish();
        }
    }

    private void scheduleTimeout(long nanos) {
        cancelTimeout();
        timer = client.eventLoop().schedule(this::checkTimeout, nanos, TimeUnit.NANOSECONDS);
    }

    /** The site's Timeout between backend reads, once the request was sent; a client that lags does not count. */
    private void checkTimeout() {
        timer = null;
        if (done) {
            return;
        }
        long silent = System.nanoTime() - lastActivity;
        if (backendPaused || silent < timeout.toNanos()) {
            scheduleTimeout(backendPaused ? timeout.toNanos() : timeout.toNanos() - silent);
            return;
        }
        LOG.warn("proxy: no answer from {} within {} for {} {}", origin, timeout, exchange.request().method(),
                exchange.target().rawPath());
        if (responseStarted) {
            abort();
        } else {
            fail(HttpResponseStatus.GATEWAY_TIMEOUT);
        }
    }

    private void cancelTimeout() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void closeBackend() {
        Channel channel = detachBackend();
        if (channel != null) {
            channel.close();
        }
    }

    /** Frees the backend connection of this request (reading on, for whoever uses it next). */
    private Channel detachBackend() {
        Channel channel = backend;
        backend = null;
        if (channel != null) {
            backendHandler.detach();
            backendHandler = null;
            channel.config().setAutoRead(true);
        }
        backendPaused = false;
        return channel;
    }

    private void finish() {
        cancelTimeout();
        client.closeFuture().removeListener(clientClosed);
        HttpContent piece;
        while ((piece = waiting.poll()) != null) {
            piece.release();
        }
        if (client.isActive()) {
            client.config().setAutoRead(true);
        }
    }

    /** The TCP connection under the client's channel (an h2 stream is a child of it). */
    private static Channel socket(Channel channel) {
        return channel instanceof Http2StreamChannel stream ? stream.parent() : channel;
    }
}
