package dev.mdj.server.proxy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A real HTTP backend on a free loopback port (the JDK's server), remembering what it was sent. */
final class Backend implements AutoCloseable {

    /** What a request looked like on arrival. */
    record Seen(String method, String uri, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }
    }

    static {
        // Headers and body go out in separate writes; without this, Nagle holds the second back.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    /** The client ports of the connections requests came on. */
    final Set<Integer> connections = ConcurrentHashMap.newKeySet();

    Backend() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(executor);
        server.start();
    }

    Backend handle(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders())));
            connections.add(exchange.getRemoteAddress().getPort());
            try (HttpExchange e = exchange) {
                handler.handle(e);
            }
        });
        return this;
    }

    int port() {
        return server.getAddress().getPort();
    }

    Seen last() {
        return requests.get(requests.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
