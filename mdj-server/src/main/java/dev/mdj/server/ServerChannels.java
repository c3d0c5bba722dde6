package dev.mdj.server;

import dev.mdj.server.http.Connection;
import dev.mdj.server.http.HttpChannels;
import dev.mdj.server.tls.ClientHello;
import dev.mdj.server.tls.HelloRouter;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sets up each accepted connection under the generation current at accept time: plain HTTP,
 * or TLS with the certificate chosen from its ClientHello and then HTTP/1.1 or h2.
 */
final class ServerChannels extends ChannelInitializer<SocketChannel> {

    private final Supplier<Generation> generation;
    private final boolean tls;
    private final Consumer<Channel> accepted;

    /** @param accepted told of every connection before it is set up */
    ServerChannels(Supplier<Generation> generation, boolean tls, Consumer<Channel> accepted) {
        this.generation = generation;
        this.tls = tls;
        this.accepted = accepted;
    }

    @Override
    protected void initChannel(SocketChannel channel) {
        accepted.accept(channel);
        Generation current = generation.get();
        current.accessLogs().track(channel);
        channel.pipeline().addLast(DrainOnStop.NAME, DrainOnStop.INSTANCE);
        channel.pipeline().addLast("timeout", new ConnectionTimeout(current.timeout()));
        if (!tls) {
            HttpChannels.http1(channel.pipeline(), connection(current, channel, false));
            return;
        }
        channel.pipeline().addLast("hello", new HelloRouter(current.sites(), current.certificates()));
        channel.pipeline().addLast("alpn", HttpChannels.negotiated(() -> connection(current, channel, true)));
    }

    private static Connection connection(Generation generation, SocketChannel channel, boolean secure) {
        ClientHello hello = channel.attr(HelloRouter.HELLO).get();
        return new Connection(generation, (InetSocketAddress) channel.localAddress(),
                (InetSocketAddress) channel.remoteAddress(), secure, hello == null ? "" : hello.serverName());
    }
}
