package dev.mdj.server.proxy;

import dev.mdj.config.Configuration;
import dev.mdj.server.Generation;
import dev.mdj.server.TestServers;
import dev.mdj.server.http.BodySink;
import dev.mdj.server.http.Connection;
import dev.mdj.server.http.HttpChannels;
import dev.mdj.server.http.Responder;
import dev.mdj.server.log.AccessLogs;
import dev.mdj.server.site.SiteTable;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The front server of the proxy tests: the real HTTP/1.1 pipeline of {@link HttpChannels} on a
 * configuration written by the test, with {@link HttpReverseProxy} as its proxy.
 */
final class ProxyFront implements AutoCloseable {

    private final EventLoopGroup group;
    private final HttpReverseProxy proxy;
    private final Channel listener;
    private final AccessLogs logs;

    private static final Responder NO_FILES = exchange -> {
        exchange.sendError(HttpResponseStatus.NOT_FOUND);
        return BodySink.DISCARD;
    };

    /** Serves {@code dir/mdj.conf} (written from {@code config}, a {@code Listen 127.0.0.1:port} in it) on {@code port}. */
    ProxyFront(Path dir, int port, String config) {
        boolean epoll = Epoll.isAvailable();
        group = new MultiThreadIoEventLoopGroup(2, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        proxy = new HttpReverseProxy(Duration.ofSeconds(2));
        Configuration configuration = TestServers.config(dir, config);
        SiteTable sites = SiteTable.of(configuration);
        try {
            logs = AccessLogs.open(configuration, sites);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // No TLS, no managed domains, no challenges: certificates and store are never asked for.
        Generation generation = new Generation(1, configuration, sites, null, null, null, Map.of(), NO_FILES, proxy, logs);
        listener = new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        HttpChannels.http1(channel.pipeline(), new Connection(generation, channel.localAddress(),
                                channel.remoteAddress(), false, ""));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", port)).syncUninterruptibly().channel();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        proxy.close();
        group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
        logs.close();
    }
}
