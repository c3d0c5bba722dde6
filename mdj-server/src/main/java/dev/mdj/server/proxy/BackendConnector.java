package dev.mdj.server.proxy;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.resolver.NoopAddressResolverGroup;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens backend connections on a given event loop: the name resolved off the loop (the JDK
 * resolver blocks), TLS for https:// backends with the JDK's default trust store and host name
 * verification, then the HTTP/1.1 client codec and a {@link BackendHandler}.
 */
final class BackendConnector implements AutoCloseable {

    /** How long an unused pooled connection is kept; backends close idle ones themselves too. */
    static final Duration IDLE_TIME = Duration.ofSeconds(30);

    private final Duration connectTimeout;
    private final ExecutorService resolver = Executors.newVirtualThreadPerTaskExecutor();
    private SslContext tls;

    BackendConnector(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** A new connection to {@code origin} on {@code loop}, for a client connected on {@code client}. */
    Future<Channel> open(EventLoop loop, Class<? extends Channel> client, Origin origin, BackendPool pool) {
        Promise<Channel> opened = loop.newPromise();
        if (NetUtil.isValidIpV4Address(origin.host()) || NetUtil.isValidIpV6Address(origin.host())) {
            connect(loop, client, origin, pool, NetUtil.createInetAddressFromIpAddressString(origin.host()), opened);
            return opened;
        }
        try {
            resolver.execute(() -> {
                try {
                    InetAddress address = InetAddress.getByName(origin.host());
                    loop.execute(() -> connect(loop, client, origin, pool, address, opened));
                } catch (UnknownHostException e) {
                    opened.tryFailure(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            opened.tryFailure(e);
        }
        return opened;
    }

    private void connect(EventLoop loop, Class<? extends Channel> client, Origin origin, BackendPool pool,
            InetAddress address, Promise<Channel> opened) {
        SslContext context;
        try {
            context = origin.secure() ? tls() : null;
        } catch (SSLException e) {
            opened.tryFailure(e);
            return;
        }
        ChannelFuture connected = new Bootstrap()
                .group(loop)
                .channel(socketType(client))
                .resolver(NoopAddressResolverGroup.INSTANCE)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        if (context != null) {
                            channel.pipeline().addLast("tls", context.newHandler(channel.alloc(), origin.host(), origin.port()));
                        }
                        channel.pipeline().addLast("http", new HttpClientCodec());
                        channel.pipeline().addLast("idle", new IdleStateHandler(0, 0, IDLE_TIME.toMillis(), TimeUnit.MILLISECONDS));
                        channel.pipeline().addLast("backend", new BackendHandler(origin, pool));
                    }
                })
                .connect(new InetSocketAddress(address, origin.port()));
        connected.addListener(f -> {
            if (f.isSuccess()) {
                opened.trySuccess(connected.channel());
            } else {
                opened.tryFailure(f.cause());
            }
        });
    }

    /** Backend sockets use the transport of the client's: the event loop only takes its own kind. */
    private static Class<? extends Channel> socketType(Class<? extends Channel> client) {
        return EpollSocketChannel.class.isAssignableFrom(client) ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    private synchronized SslContext tls() throws SSLException {
        if (tls == null) {
            // No trust manager given: the JDK's default trust store.
            tls = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
        }
        return tls;
    }

    @Override
    public void close() {
        resolver.shutdownNow();
    }
}
