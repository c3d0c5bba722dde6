package dev.mdj.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of an HTTP/1.1 connection or an h2 stream: hands each request to the
 * dispatcher and its body to whoever took the request on.
 */
public final class RequestRouter extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRouter.class);

    private final Connection connection;
    private BodySink body;

    public RequestRouter(Connection connection) {
        this.connection = connection;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest full) {
            // h2 hands over a request that ended with its headers as one object; responders
            // get the head and the body apart, as from HTTP/1.1.
            HttpRequest head = new DefaultHttpRequest(full.protocolVersion(), full.method(), full.uri(), full.headers());
            head.setDecoderResult(full.decoderResult());
            channelRead(ctx, head);
            channelRead(ctx, new DefaultLastHttpContent(full.content(), full.trailingHeaders()));
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (request.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                BadRequests.answer(ctx, request, connection);
                body = BodySink.DISCARD;
                return;
            }
            if (request.headers().size() > HttpChannels.MAX_HEADER_FIELDS) {
                ReferenceCountUtil.release(msg);
                BadRequests.refuse(ctx, request, connection, HttpResponseStatus.BAD_REQUEST);
                body = BodySink.DISCARD;
                return;
            }
            try {
                body = RequestDispatcher.dispatch(ctx, request, connection);
            } catch (RuntimeException e) {
                LOG.error("{} {}: {}", request.method(), request.uri(), e.toString(), e);
                body = BodySink.DISCARD;
                BadRequests.internalError(ctx, request, connection);
            }
        }
        if (msg instanceof HttpContent content) {
            BodySink sink = body != null ? body : BodySink.DISCARD;
            if (content instanceof LastHttpContent) {
                body = null;
            }
            sink.content(content);
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("{}: closing after {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
