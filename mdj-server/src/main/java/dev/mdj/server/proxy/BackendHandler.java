package dev.mdj.server.proxy;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a backend connection: passes what the backend sends to the request using
 * the connection; while the connection is idle in its pool, it closes it on anything but silence.
 */
final class BackendHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(BackendHandler.class);

    private final Origin origin;
    private final BackendPool pool;
    private ProxyCall call;

    BackendHandler(Origin origin, BackendPool pool) {
        this.origin = origin;
        this.pool = pool;
    }

    void attach(ProxyCall call) {
        this.call = call;
    }

    void detach() {
        this.call = null;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (call != null) {
            call.backendRead(msg);
        } else {
            // An idle connection has nothing to say; whatever it is, the connection cannot be trusted.
            ReferenceCountUtil.release(msg);
            pool.forget(origin, ctx.channel());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (call != null) {
            call.backendReadComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (call != null && ctx.channel().isWritable()) {
            call.backendWritable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (call != null) {
            call.backendClosed();
        } else {
            pool.forget(origin, ctx.channel());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent && call == null) {
            pool.forget(origin, ctx.channel());
        }
        ReferenceCountUtil.release(event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("backend {}: {}", origin, cause.toString());
        ctx.close();
    }
}
