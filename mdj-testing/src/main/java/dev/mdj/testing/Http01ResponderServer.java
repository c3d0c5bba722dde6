package dev.mdj.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers http-01 challenges the way mod_md does, for tests against Pebble: on 127.0.0.1:port,
 * {@code GET /.well-known/acme-challenge/<token>} is served from the store's
 * {@code challenges/<Host>/acme-http-01.txt} (200, no Content-Type, the bytes as stored); no file
 * gives 404, another method 501. As in mod_md, the token in the URL is not compared.
 */
public final class Http01ResponderServer implements AutoCloseable {

    private static final String PREFIX = "/.well-known/acme-challenge/";
    private final HttpServer server;
    private final AtomicInteger served = new AtomicInteger();

    private Http01ResponderServer(HttpServer server) {
        this.server = server;
    }

    /** Starts serving {@code store}'s challenge answers on 127.0.0.1:{@code port}. */
    public static Http01ResponderServer start(Store store, int port) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        Http01ResponderServer r = new Http01ResponderServer(server);
        server.createContext("/", exchange -> r.handle(store, exchange));
        server.start();
        return r;
    }

    /** How many challenge answers were served (200). */
    public int served() {
        return served.get();
    }

    private void handle(Store store, HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            if (!path.startsWith(PREFIX) || path.length() == PREFIX.length()
                    || path.indexOf('/', PREFIX.length()) >= 0) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            if (!ex.getRequestMethod().equals("GET")) {
                ex.sendResponseHeaders(501, -1);
                return;
            }
            String host = Optional.ofNullable(ex.getRequestHeaders().getFirst("Host")).orElse("");
            int colon = host.lastIndexOf(':');
            if (colon > 0 && !host.endsWith("]")) {
                host = host.substring(0, colon);
            }
            host = host.toLowerCase(Locale.ROOT);
            Optional<String> answer;
            try {
                answer = host.isEmpty() ? Optional.empty() : store.load(StoreGroup.CHALLENGES, host, Aspect.HTTP01_CHALLENGE);
            } catch (IllegalArgumentException badName) {
                answer = Optional.empty();
            } catch (RuntimeException e) {
                ex.sendResponseHeaders(500, -1);
                return;
            }
            if (answer.isEmpty()) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
            served.incrementAndGet();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
