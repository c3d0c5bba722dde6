package dev.mdj.server.http;

/** Answers requests: static files, a backend, a status page. */
@FunctionalInterface
public interface Responder {

    /**
     * Answers {@code exchange}'s request, at once or later, through the exchange's methods.
     *
     * @return where the request body goes
     */
    BodySink respond(Exchange exchange);
}
