package dev.mdj.server.http;

import dev.mdj.status.StatusJson;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Sends status documents: mod_md's JSON ones ({@code 200 application/json}, laid out as mod_md
 * writes them), the server-status page and the metrics, for GET and HEAD ({@code 501} for other methods, as
 * mod_md). The document is read from the store on a virtual thread, never on the connection's
 * event loop (md-status of thousands of MDs reads thousands of files), and sent from the event
 * loop.
 */
final class StatusAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(StatusAnswers.class);
    static final String JSON = "application/json";

    private StatusAnswers() {
    }

    static BodySink send(Exchange exchange, Supplier<JsonNode> document) {
        return send(exchange, JSON, () -> StatusJson.writeBytes(document.get()));
    }

    /** Like {@link #send(Exchange, Supplier)} for any document: {@code 200 contentType} with {@code body}. */
    static BodySink send(Exchange exchange, String contentType, Supplier<byte[]> body) {
        HttpMethod method = exchange.request().method();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            exchange.sendError(HttpResponseStatus.NOT_IMPLEMENTED);
            return BodySink.DISCARD;
        }
        Thread.ofVirtual().name("mdj-status").start(() -> {
            byte[] bytes;
            try {
                bytes = body.get();
            } catch (RuntimeException e) {
                LOG.error("cannot build the status document for {}: {}", exchange.target().path(), e.toString(), e);
                exchange.ctx().executor().execute(() -> exchange.sendError(HttpResponseStatus.INTERNAL_SERVER_ERROR));
                return;
            }
            exchange.ctx().executor().execute(() ->
                    exchange.send(HttpResponseStatus.OK, contentType, Unpooled.wrappedBuffer(bytes)));
        });
        return BodySink.DISCARD;
    }
}
