package dev.mdj.server;

import dev.mdj.server.http.HttpChannels;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection on which nothing was read or written for httpd's Timeout: a client
 * that connects and sends nothing, stalls mid-request or stops reading. A connection waiting
 * for its answer (a backend behind ProxyPass) is left to the responder's own timeout.
 */
final class ConnectionTimeout extends IdleStateHandler {

    ConnectionTimeout(Duration timeout) {
        super(0, 0, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
        if (!HttpChannels.busy(ctx.channel())) {
            ctx.close();
        }
    }
}
