package dev.mdj.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.FileRegion;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.ssl.SslHandler;
import java.util.ArrayDeque;
import java.util.Queue;
import javax.net.ssl.SSLSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows each request of an HTTP/1.1 connection or h2 stream to the end of its response (status,
 * headers, body bytes) and hands it to the access logs then: mod_log_config's moment, after the
 * response was sent. Sits next to the HTTP codec, so it sees what really goes out.
 */
final class TransactionTracker extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionTracker.class);

    private final Connection connection;
    private final boolean h2;
    /** Requests read and not yet completely answered, oldest first: HTTP/1.1 answers in order. */
    private final Queue<Transaction> open = new ArrayDeque<>();

    TransactionTracker(Connection connection, boolean h2) {
        this.connection = connection;
        this.h2 = h2;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            Transaction transaction = new Transaction(connection, request, h2, tlsSession(ctx));
            open.add(transaction);
            ctx.channel().attr(Transaction.CURRENT).set(transaction);
        }
        if (msg instanceof LastHttpContent) {
            Transaction.current(ctx.channel()).ifPresent(Transaction::requestRead);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        Transaction transaction = open.peek();
        if (transaction != null) {
            if (msg instanceof HttpResponse response && response.status().codeClass() != HttpStatusClass.INFORMATIONAL) {
                transaction.responding(response);
            }
            if (transaction.status() != 0) {
                if (msg instanceof HttpContent content) {
                    transaction.sent(content.content().readableBytes());
                } else if (msg instanceof FileRegion region) {
                    transaction.sent(region.count());
                }
                if (msg instanceof LastHttpContent) {
                    open.remove();
                    transaction.completed();
                    log(transaction);
                }
            }
        }
        ctx.write(msg, promise);
    }

    /** A connection that ends mid-response is logged with what was sent, as httpd does. */
    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        for (Transaction transaction : open) {
            if (transaction.status() != 0) {
                transaction.completed();
                log(transaction);
            }
        }
        open.clear();
        super.channelInactive(ctx);
    }

    /** The TLS session of the connection (an h2 stream's parent), if it is TLS. */
    private SSLSession tlsSession(ChannelHandlerContext ctx) {
        if (!connection.secure()) {
            return null;
        }
        Channel channel = ctx.channel() instanceof Http2StreamChannel stream ? stream.parent() : ctx.channel();
        SslHandler ssl = channel.pipeline().get(SslHandler.class);
        return ssl == null ? null : ssl.engine().getSession();
    }

    private void log(Transaction transaction) {
        try {
            connection.generation().accessLogs().log(transaction);
        } catch (RuntimeException e) {
            LOG.warn("access log: {}", e.toString(), e);
        }
    }
}
