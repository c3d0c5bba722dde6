package dev.mdj.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.AttributeKey;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets up the HTTP handlers of a connection: HTTP/1.1, or h2 when ALPN chose it. */
public final class HttpChannels {

    private static final Logger LOG = LoggerFactory.getLogger(HttpChannels.class);

    /** httpd's LimitRequestLine. */
    static final int MAX_REQUEST_LINE = 8190;
    /** httpd's LimitRequestFieldSize is per field; this bounds all header fields together. */
    static final int MAX_HEADER_BYTES = 32 * 1024;
    /** httpd's LimitRequestFields: more header fields than this are a 400. */
    static final int MAX_HEADER_FIELDS = 100;
    private static final int MAX_CONCURRENT_STREAMS = 100;

    /** The HTTP/1.1 handler that ends connections, also at stop ({@link Drain}). */
    public static final String KEEP_ALIVE_POLICY = "keep-alive-policy";

    /** The open stream channels of an h2 connection. */
    private static final AttributeKey<Set<Channel>> STREAMS = AttributeKey.valueOf("mdj.h2-streams");

    private HttpChannels() {
    }

    /**
     * Whether {@code channel} is quiet because mdj has to answer: an HTTP/1.1 request, or one of
     * the h2 streams, read completely whose response has not begun (a backend thinking). A
     * client that stalls while sending or stops reading the response (h2: gives no flow-control
     * window) is not waiting for mdj, however many streams it keeps open.
     */
    public static boolean busy(Channel channel) {
        Set<Channel> streams = channel.attr(STREAMS).get();
        if (streams != null) {
            return streams.stream().anyMatch(HttpChannels::awaitingAnswer);
        }
        return awaitingAnswer(channel);
    }

    private static boolean awaitingAnswer(Channel channel) {
        return Transaction.current(channel).map(Transaction::awaitingAnswer).orElse(false);
    }

    /** HTTP/1.1 on {@code pipeline}, answering as {@code connection}. */
    public static void http1(ChannelPipeline pipeline, Connection connection) {
        KeepAlivePolicy keepAlive = new KeepAlivePolicy(connection);
        pipeline.addLast("keep-alive-idle", keepAlive.bytesArriving());
        pipeline.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(MAX_REQUEST_LINE)
                .setMaxHeaderSize(MAX_HEADER_BYTES)));
        pipeline.addLast("transactions", new TransactionTracker(connection, false));
        pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
        pipeline.addLast(KEEP_ALIVE_POLICY, keepAlive);
        pipeline.addLast("continue", new HttpServerExpectContinueHandler());
        pipeline.addLast("chunked", new ChunkedWriteHandler());
        pipeline.addLast("router", new RequestRouter(connection));
    }

    /** h2 on {@code pipeline}: every stream gets the HTTP/1.1 object view and its own router. */
    public static void h2(ChannelPipeline pipeline, Connection connection) {
        Set<Channel> streams = new HashSet<>();
        pipeline.channel().attr(STREAMS).set(streams);
        pipeline.addLast("h2", Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings()
                        .maxConcurrentStreams(MAX_CONCURRENT_STREAMS)
                        .maxHeaderListSize(MAX_HEADER_BYTES))
                .build());
        pipeline.addLast("streams", new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                streams.add(stream); // the stream channels share the connection's event loop
                stream.closeFuture().addListener(closed -> streams.remove(stream));
                stream.pipeline().addLast(new Http2StreamFrameToHttpObjectCodec(true),
                        new TransactionTracker(connection, true), new ChunkedWriteHandler(), new RequestRouter(connection));
            }
        }));
    }

    /**
     * After the TLS handshake: h2 or HTTP/1.1 as negotiated; a tls-alpn-01 validation
     * connection is closed, its handshake was all the CA wanted.
     */
    public static ApplicationProtocolNegotiationHandler negotiated(Supplier<Connection> connection) {
        return new ApplicationProtocolNegotiationHandler(ApplicationProtocolNames.HTTP_1_1) {
            @Override
            protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
                Channel channel = ctx.channel();
                switch (protocol) {
                    case ApplicationProtocolNames.HTTP_2 -> h2(channel.pipeline(), connection.get());
                    case ApplicationProtocolNames.HTTP_1_1 -> http1(channel.pipeline(), connection.get());
                    default -> ctx.close();
                }
            }

            /** Failed handshakes are the client's business (scanners, old clients): no warning each. */
            @Override
            protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
                LOG.debug("{}: TLS handshake failed: {}", ctx.channel().remoteAddress(), cause.toString());
                ctx.close();
            }
        };
    }
}
