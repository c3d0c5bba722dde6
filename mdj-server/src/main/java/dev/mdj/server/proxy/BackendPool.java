package dev.mdj.server.proxy;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The idle keep-alive backend connections of one event loop, by origin. Used on that loop only,
 * so requests take and return connections without locks or thread hops.
 */
final class BackendPool {

    /** Idle connections kept per origin; more are closed when returned. */
    static final int MAX_IDLE_PER_ORIGIN = 64;

    private final EventLoop loop;
    private final BackendConnector connector;
    private final Map<Origin, ArrayDeque<Channel>> idle = new HashMap<>();
    private boolean closed;

    BackendPool(EventLoop loop, BackendConnector connector) {
        this.loop = loop;
        this.connector = connector;
    }

    EventLoop loop() {
        return loop;
    }

    /** The connection used last to {@code origin} that is still open, or null. */
    Channel takeIdle(Origin origin) {
        ArrayDeque<Channel> channels = idle.get(origin);
        while (channels != null && !channels.isEmpty()) {
            Channel channel = channels.pollLast();
            if (channel.isActive()) {
                return channel;
            }
            channel.close();
        }
        return null;
    }

    /** A new connection to {@code origin}. */
    Future<Channel> open(Origin origin, Class<? extends Channel> client) {
        return connector.open(loop, client, origin, this);
    }

    /** Keeps {@code channel}, which finished an exchange cleanly, for the next request to {@code origin}. */
    void release(Origin origin, Channel channel) {
        ArrayDeque<Channel> channels = idle.computeIfAbsent(origin, o -> new ArrayDeque<>());
        if (closed || !channel.isActive() || channels.size() >= MAX_IDLE_PER_ORIGIN) {
            channel.close();
            return;
        }
        channels.addLast(channel);
    }

    /** Drops {@code channel}, which closed or timed out while idle. */
    void forget(Origin origin, Channel channel) {
        ArrayDeque<Channel> channels = idle.get(origin);
        if (channels != null) {
            channels.remove(channel);
        }
        channel.close();
    }

    /** Closes the idle connections; connections in use close when their exchange ends. */
    void close() {
        closed = true;
        List<Channel> all = new ArrayList<>();
        idle.values().forEach(all::addAll);
        idle.clear();
        all.forEach(Channel::close);
    }
}
