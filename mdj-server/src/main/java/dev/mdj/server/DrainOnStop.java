package dev.mdj.server;

import dev.mdj.server.http.Drain;
import dev.mdj.server.http.HttpChannels;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * The first handler of every connection, for {@link Drain} at stop: HTTP/1.1 connections are
 * left to their keep-alive handler (which closes after the current response); anything else is
 * closed — for h2 that is a GOAWAY after which the streams under way finish.
 */
@ChannelHandler.Sharable
final class DrainOnStop extends ChannelInboundHandlerAdapter {

    static final DrainOnStop INSTANCE = new DrainOnStop();
    static final String NAME = "drain";

    private DrainOnStop() {
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event != Drain.INSTANCE) {
            super.userEventTriggered(ctx, event);
        } else if (ctx.pipeline().get(HttpChannels.KEEP_ALIVE_POLICY) != null) {
            ctx.fireUserEventTriggered(event);
        } else {
            ctx.channel().close();
        }
    }
}
