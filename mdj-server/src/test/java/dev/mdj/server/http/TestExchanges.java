package dev.mdj.server.http;

import dev.mdj.server.site.Site;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.Optional;

/**
 * For responder tests on an EmbeddedChannel: a last handler that hands every request of the
 * channel to one responder, with one site, as the router would after the dispatcher chose it.
 */
public final class TestExchanges {

    public static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 8080);
    public static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);

    private TestExchanges() {
    }

    /**
     * The handler answering with {@code responder} for {@code site}. With {@code rawPaths} the
     * responder gets the request path as sent, neither decoded nor normalised, as if a bug let
     * a trick through the dispatcher.
     */
    public static ChannelInboundHandler router(Site site, Responder responder, boolean secure, boolean rawPaths) {
        Connection connection = new Connection(null, LOCAL, CLIENT, secure, "");
        return new ChannelInboundHandlerAdapter() {
            private BodySink body = BodySink.DISCARD;

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                if (msg instanceof HttpRequest request) {
                    RequestTarget target = rawPaths
                            ? new RequestTarget(request.uri(), request.uri(), Optional.empty(), Optional.empty())
                            : RequestTarget.parse(request.uri());
                    String host = Optional.ofNullable(request.headers().get(HttpHeaderNames.HOST))
                            .map(h -> h.replaceFirst(":[0-9]*$", "").toLowerCase(Locale.ROOT)).orElse("");
                    body = responder.respond(new Exchange(ctx, request, connection, target, host, site));
                }
                if (msg instanceof HttpContent content) {
                    body.content(content);
                } else {
                    ReferenceCountUtil.release(msg);
                }
            }
        };
    }
}
