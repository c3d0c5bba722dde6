package dev.mdj.server.http;

import dev.mdj.server.site.Site;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.util.Optional;

/** Answers requests that never reached a responder: unparseable ones and internal failures. */
final class BadRequests {

    private BadRequests() {
    }

    /** A request the HTTP decoder could not read: 414, 431 or 400, and the connection closes. */
    static void answer(ChannelHandlerContext ctx, HttpRequest request, Connection connection) {
        Throwable cause = request.decoderResult().cause();
        HttpResponseStatus status = cause instanceof TooLongHttpLineException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                : cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException
                        ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                        : HttpResponseStatus.BAD_REQUEST;
        refuse(ctx, request, connection, status);
    }

    static void refuse(ChannelHandlerContext ctx, HttpRequest request, Connection connection, HttpResponseStatus status) {
        exchange(ctx, request, connection).sendErrorAndClose(status);
    }

    static void internalError(ChannelHandlerContext ctx, HttpRequest request, Connection connection) {
        refuse(ctx, request, connection, HttpResponseStatus.INTERNAL_SERVER_ERROR);
    }

    private static Exchange exchange(ChannelHandlerContext ctx, HttpRequest request, Connection connection) {
        Site site = connection.generation().sites().select(connection.local().getAddress(),
                connection.local().getPort(), connection.serverName());
        return new Exchange(ctx, request, connection, new RequestTarget("/", "/", Optional.empty(), Optional.empty()),
                connection.serverName(), site);
    }
}
