package dev.mdj.server.http;

import io.netty.handler.codec.http.HttpContent;

/** Where the body of a request goes once a responder has taken it on. */
@FunctionalInterface
public interface BodySink {

    /** Drops the body: for responders that do not read it. */
    BodySink DISCARD = content -> content.release();

    /** Takes one piece of the body (and the duty to release it); the last is a LastHttpContent. */
    void content(HttpContent content);
}
