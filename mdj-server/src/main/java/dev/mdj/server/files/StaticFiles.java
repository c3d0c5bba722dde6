package dev.mdj.server.files;

import dev.mdj.server.http.BodySink;
import dev.mdj.server.http.Exchange;
import dev.mdj.server.http.Responder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpChunkedInput;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedNioFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the files of a site's DocumentRoot as httpd's core handler with mod_dir and mod_mime
 * does: Content-Type by extension, Last-Modified, ETag, {@code Accept-Ranges: bytes}; directory
 * requests without the trailing slash redirected (301), with it answered by the first
 * DirectoryIndex file (no listings: 403 without one); {@code <Directory>} Require; conditional
 * requests (304, 412) and single byte ranges (206, 416).
 *
 * <p>GET, HEAD and, as httpd, POST (its body is ignored) get the file; OPTIONS gets the Allow
 * list; other methods 405. How paths are kept inside the root: {@link DocumentFiles}.
 *
 * <p>Small files go out as one response; larger ones are streamed from a FileChannel through
 * the pipeline's ChunkedWriteHandler, which works for plain and TLS HTTP/1.1 as for h2 streams
 * (unlike a zero-copy FileRegion). File system calls run on the event loop, as httpd's worker
 * makes them on its thread: for local disks they take microseconds.
 */
public final class StaticFiles implements Responder {

    private static final Logger LOG = LoggerFactory.getLogger(StaticFiles.class);

    /** Files up to this size are read at once and sent as one response. */
    static final int SMALL_FILE = 8192;
    /** How much a streamed file is read at a time. */
    static final int CHUNK = 8192;
    static final String ALLOW = "GET, HEAD, POST, OPTIONS";

    private final MimeTypes types;
    private final Clock clock;

    public StaticFiles(MimeTypes types) {
        this(types, Clock.systemUTC());
    }

    StaticFiles(MimeTypes types, Clock clock) {
        this.types = types;
        this.clock = clock;
    }

    @Override
    public BodySink respond(Exchange exchange) {
        Optional<Path> root = exchange.site().documentRoot();
        if (root.isEmpty()) {
            exchange.sendError(HttpResponseStatus.NOT_FOUND);
            return BodySink.DISCARD;
        }
        String path = exchange.target().path();
        DocumentFiles.Lookup lookup = DocumentFiles.find(root.get(), path);
        if (lookup instanceof DocumentFiles.Found found && found.attributes().isDirectory()) {
            if (!path.endsWith("/")) {
                if (DirectoryAccess.granted(exchange, found)) {
                    exchange.redirect(HttpResponseStatus.MOVED_PERMANENTLY, directoryUrl(exchange));
                } else {
                    exchange.sendError(HttpResponseStatus.FORBIDDEN);
                }
                return BodySink.DISCARD;
            }
            lookup = index(exchange, found);
        } else if (lookup instanceof DocumentFiles.Found && path.endsWith("/")) {
            lookup = new DocumentFiles.Missing(); // a file is no directory (httpd: 404)
        }
        switch (lookup) {
            case DocumentFiles.Missing missing -> exchange.sendError(HttpResponseStatus.NOT_FOUND);
            case DocumentFiles.Refused refused -> exchange.sendError(HttpResponseStatus.FORBIDDEN);
            case DocumentFiles.Found file -> {
                if (!file.attributes().isRegularFile() || !DirectoryAccess.granted(exchange, file)) {
                    exchange.sendError(HttpResponseStatus.FORBIDDEN);
                } else {
                    answer(exchange, file);
                }
            }
        }
        return BodySink.DISCARD;
    }

    /**
     * mod_dir: the first DirectoryIndex name that is a file the client may read; none gives
     * 403, as httpd without {@code Options Indexes}.
     */
    private static DocumentFiles.Lookup index(Exchange exchange, DocumentFiles.Found directory) {
        if (!DirectoryAccess.granted(exchange, directory)) {
            return new DocumentFiles.Refused();
        }
        for (String name : exchange.site().directoryIndex()) {
            if (DocumentFiles.findIn(directory, name) instanceof DocumentFiles.Found file
                    && file.attributes().isRegularFile()) {
                return file;
            }
        }
        return new DocumentFiles.Refused();
    }

    private void answer(Exchange exchange, DocumentFiles.Found file) {
        HttpMethod method = exchange.request().method();
        boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        if (HttpMethod.OPTIONS.equals(method)) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            response.headers().set(HttpHeaderNames.ALLOW, ALLOW).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            exchange.send(response);
            return;
        }
        if (!safe && !HttpMethod.POST.equals(method)) {
            exchange.addHeaderIfAbsent(HttpHeaderNames.ALLOW.toString(), ALLOW);
            exchange.sendError(HttpResponseStatus.METHOD_NOT_ALLOWED);
            return;
        }
        Instant now = clock.instant();
        Validators validators = Validators.of(file.attributes(), now);
        HttpHeaders request = exchange.request().headers();
        switch (validators.evaluate(request, safe, now)) {
            case NOT_MODIFIED -> {
                exchange.send(emptyResponse(HttpResponseStatus.NOT_MODIFIED, validators));
                return;
            }
            case PRECONDITION_FAILED -> {
                // httpd answers 412 with the file's headers and no body
                FullHttpResponse response = emptyResponse(HttpResponseStatus.PRECONDITION_FAILED, validators);
                response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                contentType(response, file);
                exchange.send(response);
                return;
            }
            case PROCEED -> {
            }
        }
        long size = file.attributes().size();
        Optional<ByteRange> range = safe && validators.rangeAllowed(request.get(HttpHeaderNames.IF_RANGE))
                ? ByteRange.parse(request.get(HttpHeaderNames.RANGE), size) : Optional.empty();
        if (range.isPresent() && !range.get().satisfiable()) {
            exchange.addHeaderIfAbsent(HttpHeaderNames.CONTENT_RANGE.toString(), "bytes */" + size);
            exchange.sendError(HttpResponseStatus.REQUESTED_RANGE_NOT_SATISFIABLE);
            return;
        }
        ByteRange part = range.orElse(new ByteRange(0, size));
        HttpResponse head = range.isPresent()
                ? new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.PARTIAL_CONTENT)
                : new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        validatorHeaders(head, validators);
        head.headers().set(HttpHeaderNames.CONTENT_LENGTH, part.length());
        if (range.isPresent()) {
            head.headers().set(HttpHeaderNames.CONTENT_RANGE,
                    "bytes " + part.first() + "-" + part.last() + "/" + size);
        }
        contentType(head, file);
        if (exchange.isHead()) {
            exchange.send(withBody(head, Unpooled.EMPTY_BUFFER));
            return;
        }
        send(exchange, file, head, part);
    }

    private static void send(Exchange exchange, DocumentFiles.Found file, HttpResponse head, ByteRange part) {
        FileChannel channel;
        try {
            // the real path was checked to be inside the root; a link swapped in since is not followed
            channel = FileChannel.open(file.real(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            exchange.sendError(HttpResponseStatus.NOT_FOUND);
            return;
        } catch (AccessDeniedException e) {
            exchange.sendError(HttpResponseStatus.FORBIDDEN);
            return;
        } catch (IOException e) {
            LOG.warn("{}: cannot open: {}", file.real(), e.toString());
            exchange.sendError(HttpResponseStatus.FORBIDDEN);
            return;
        }
        if (part.length() > SMALL_FILE) {
            try {
                exchange.stream(head, new HttpChunkedInput(new ChunkedNioFile(channel, part.first(), part.length(),
                        CHUNK)));
            } catch (IOException e) {
                close(channel);
                LOG.warn("{}: cannot read: {}", file.real(), e.toString());
                exchange.sendError(HttpResponseStatus.INTERNAL_SERVER_ERROR);
            }
            return;
        }
        ByteBuf body = exchange.ctx().alloc().buffer((int) part.length());
        try (channel) {
            while (body.readableBytes() < part.length()) {
                int read = body.writeBytes(channel, part.first() + body.readableBytes(),
                        (int) part.length() - body.readableBytes());
                if (read < 0) {
                    throw new IOException("the file shrank while it was read");
                }
            }
        } catch (IOException e) {
            body.release();
            LOG.warn("{}: cannot read: {}", file.real(), e.toString());
            exchange.sendError(HttpResponseStatus.INTERNAL_SERVER_ERROR);
            return;
        }
        exchange.send(withBody(head, body));
    }

    private static FullHttpResponse emptyResponse(HttpResponseStatus status, Validators validators) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status);
        validatorHeaders(response, validators);
        return response;
    }

    /** Last-Modified, ETag and Accept-Ranges, in httpd's order. */
    private static void validatorHeaders(HttpResponse response, Validators validators) {
        response.headers()
                .set(HttpHeaderNames.LAST_MODIFIED, validators.lastModifiedHeader())
                .set(HttpHeaderNames.ETAG, validators.etag())
                .set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
    }

    private void contentType(HttpResponse response, DocumentFiles.Found file) {
        types.typeOf(file.path().getFileName().toString())
                .ifPresent(type -> response.headers().set(HttpHeaderNames.CONTENT_TYPE, type));
    }

    private static FullHttpResponse withBody(HttpResponse head, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(head.protocolVersion(), head.status(), body);
        response.headers().set(head.headers());
        return response;
    }

    /**
     * The URL of the requested directory with its slash, absolute as httpd writes it: the host
     * and port the client named (the default port left out), the query kept.
     */
    private static String directoryUrl(Exchange exchange) {
        String path = exchange.target().rawPath() + "/" + exchange.target().query().map(q -> "?" + q).orElse("");
        if (exchange.host().isEmpty()) {
            return path;
        }
        boolean secure = exchange.connection().secure();
        int port = requestedPort(exchange).orElse(exchange.connection().local().getPort());
        boolean defaultPort = port == (secure ? 443 : 80);
        return (secure ? "https://" : "http://") + exchange.host() + (defaultPort ? "" : ":" + port) + path;
    }

    /** The port of the Host header, if it names one. */
    private static Optional<Integer> requestedPort(Exchange exchange) {
        String host = exchange.request().headers().get(HttpHeaderNames.HOST);
        if (host == null) {
            return Optional.empty();
        }
        int colon = host.lastIndexOf(':');
        if (colon < 0 || colon < host.lastIndexOf(']') || colon == host.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(host.substring(colon + 1)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a file: {}", e.toString());
        }
    }
}
