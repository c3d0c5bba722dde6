package dev.mdj.server.http;

import dev.mdj.server.site.Site;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * httpd's persistent connection rules for HTTP/1.1: {@code KeepAlive Off} and
 * {@code MaxKeepAliveRequests} (of the site that answers each request) end the connection after
 * a response with {@code Connection: close}; {@code KeepAliveTimeout} (of the connection's
 * default site, as httpd) closes it when no byte of a next request came in time. Requests a
 * client pipelined after the last one are never answered, as httpd never reads them.
 *
 * <p>Placed between Netty's keep-alive handler (which closes after a response marked so) and the
 * router; {@link #bytesArriving} goes before the HTTP codec.
 */
final class KeepAlivePolicy extends ChannelDuplexHandler {

    private final Connection connection;
    private final Duration idleTimeout;
    private int requests;
    private int responses;
    private boolean lastRead;
    private boolean ignoring;
    private Future<?> idle;

    KeepAlivePolicy(Connection connection) {
        this.connection = connection;
        this.idleTimeout = connection.defaultSite().keepAliveTimeout();
    }

    /** Ends the idle wait at the first byte of a next request: from then on the Timeout applies. */
    ChannelInboundHandlerAdapter bytesArriving() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                stopIdle();
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest && lastRead) {
            ignoring = true;
        }
        if (ignoring) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!(msg instanceof HttpRequest)) {
            ctx.fireChannelRead(msg);
            return;
        }
        requests++;
        ctx.fireChannelRead(msg);
        // A responder that answers later: the router chose the site by now.
        lastRead = isLast(ctx);
    }

    /**
     * Whether the request last read ends the connection: by its own wish, or by the rules of the
     * site that took it on (the router chose it while handling the request).
     */
    private boolean isLast(ChannelHandlerContext ctx) {
        Optional<Transaction> transaction = Transaction.current(ctx.channel());
        Site site = transaction.flatMap(Transaction::site).orElseGet(connection::defaultSite);
        return transaction.map(t -> !HttpUtil.isKeepAlive(t.request())).orElse(false) || !site.keepAlive()
                // httpd counts the requests after the first: MaxKeepAliveRequests 100 allows 101.
                || site.maxKeepAliveRequests() > 0 && requests > site.maxKeepAliveRequests();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
            responses++;
            if (responses == requests && (lastRead || isLast(ctx))) {
                lastRead = true;
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
        }
        if (msg instanceof LastHttpContent && !lastRead && responses == requests) {
            ChannelPromise written = promise.unvoid();
            written.addListener(f -> {
                if (f.isSuccess() && responses == requests && ctx.channel().isActive()) {
                    startIdle(ctx);
                }
            });
            ctx.write(msg, written);
            return;
        }
        ctx.write(msg, promise);
    }

    /** At stop: an idle connection closes now, a busy one after its current response. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == Drain.INSTANCE) {
            if (responses == requests) {
                ctx.close();
            } else {
                lastRead = true;
            }
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        stopIdle();
        super.channelInactive(ctx);
    }

    private void startIdle(ChannelHandlerContext ctx) {
        stopIdle();
        idle = ctx.executor().schedule(() -> {
            ctx.close();
        }, idleTimeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void stopIdle() {
        if (idle != null) {
            idle.cancel(false);
            idle = null;
        }
    }
}
