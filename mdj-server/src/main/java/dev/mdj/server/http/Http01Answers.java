package dev.mdj.server.http;

import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Answers http-01 validation requests, {@code /.well-known/acme-challenge/<token>}, with the key
 * authorization the ACME driver stored for the requested host: 200, no Content-Type, no newline,
 * as mod_md. Unlike mod_md, the token must be the one the answer is for.
 */
final class Http01Answers {

    static final String PREFIX = "/.well-known/acme-challenge/";

    private final Store store;

    Http01Answers(Store store) {
        this.store = store;
    }

    /** Answers {@code exchange} if a challenge is pending for its host; false to let others answer. */
    boolean answer(Exchange exchange) {
        String token = exchange.target().path().substring(PREFIX.length());
        Optional<String> keyAuthorization;
        try {
            keyAuthorization = exchange.host().isEmpty() ? Optional.empty()
                    : store.load(StoreGroup.CHALLENGES, exchange.host(), Aspect.HTTP01_CHALLENGE);
        } catch (IllegalArgumentException e) {
            return false; // not a name the store can hold: no challenge for it
        }
        if (keyAuthorization.isEmpty()) {
            return false;
        }
        if (token.isEmpty() || token.indexOf('/') >= 0 || !keyAuthorization.get().startsWith(token + ".")) {
            exchange.sendError(HttpResponseStatus.NOT_FOUND);
            return true;
        }
        exchange.send(HttpResponseStatus.OK, null,
                Unpooled.copiedBuffer(keyAuthorization.get(), StandardCharsets.US_ASCII));
        return true;
    }
}
