package dev.mdj.server.http;

import dev.mdj.config.host.HeaderRule;
import dev.mdj.config.host.PathSection;
import dev.mdj.server.site.Site;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.stream.ChunkedInput;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One request and its answer: what was asked (target, host, the site chosen), on which
 * connection, and the ways to answer it. Every response goes out with Date and Server, the
 * Header rules of the site and its matching Location sections, and whatever else the
 * dispatcher arranged (HSTS).
 */
public final class Exchange {

    static final String SERVER = "mdj";

    private final ChannelHandlerContext ctx;
    private final HttpRequest request;
    private final Connection connection;
    private final RequestTarget target;
    private final String host;
    private final Site site;
    private final List<PathSection> locations;
    private final List<HeaderRule> headerRules;
    private final List<HeaderRule> extraHeaders = new ArrayList<>();
    private boolean answered;

    Exchange(ChannelHandlerContext ctx, HttpRequest request, Connection connection, RequestTarget target,
            String host, Site site) {
        this.ctx = ctx;
        this.request = request;
        this.connection = connection;
        this.target = target;
        this.host = host;
        this.site = site;
        this.locations = site.sections().stream()
                .filter(s -> s.kind() == PathSection.Kind.LOCATION && target.path().startsWith(s.path()))
                .toList();
        List<HeaderRule> rules = new ArrayList<>(site.headers());
        locations.forEach(l -> rules.addAll(l.headers()));
        this.headerRules = List.copyOf(rules);
        Transaction.current(ctx.channel()).ifPresent(t -> t.servedBy(this));
    }

    public ChannelHandlerContext ctx() {
        return ctx;
    }

    public HttpRequest request() {
        return request;
    }

    public Connection connection() {
        return connection;
    }

    public RequestTarget target() {
        return target;
    }

    /** The requested host name: lower-case, without port; the SNI name or empty when none was sent. */
    public String host() {
        return host;
    }

    public Site site() {
        return site;
    }

    /** The {@code <Location>} sections whose path the request is under, in configuration order. */
    public List<PathSection> locations() {
        return locations;
    }

    public boolean isHead() {
        return HttpMethod.HEAD.equals(request.method());
    }

    /** Adds a response header (as {@code Header setifempty}) to whatever response this exchange sends. */
    public void addHeaderIfAbsent(String name, String value) {
        extraHeaders.add(new HeaderRule(true, HeaderRule.Action.SETIFEMPTY, name, Optional.of(value)));
    }

    /**
     * Completes {@code response}'s headers (Date, Server, Header rules) before it is written;
     * for responders that write head and body themselves.
     */
    public HttpResponse decorate(HttpResponse response) {
        answered = true;
        response.headers().set(HttpHeaderNames.DATE, httpDate());
        if (!response.headers().contains(HttpHeaderNames.SERVER)) {
            response.headers().set(HttpHeaderNames.SERVER, SERVER); // a backend's own passes, as in httpd
        }
        boolean success = response.status().code() < 400;
        HeaderRules.apply(extraHeaders, response.headers(), true);
        HeaderRules.apply(headerRules, response.headers(), success);
        return response;
    }

    /** Whether a response was started. */
    public boolean answered() {
        return answered;
    }

    /** Sends a complete response; for HEAD without the body but with its length. */
    public ChannelFuture send(HttpResponseStatus status, String contentType, ByteBuf body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                isHead() ? Unpooled.EMPTY_BUFFER : body);
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (isHead()) {
            body.release();
        }
        return send(response);
    }

    /** Sends {@code response} as it is (after {@link #decorate}). */
    public ChannelFuture send(FullHttpResponse response) {
        decorate(response);
        if (closesConnection(response)) {
            return ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
        return ctx.writeAndFlush(response);
    }

    /**
     * Sends {@code head} (after {@link #decorate}) and then {@code body}, which the pipeline's
     * ChunkedWriteHandler pulls as the peer takes it; {@code body} ends with a LastHttpContent
     * and is closed by that handler, also when the peer goes away. {@code head} must carry the
     * Content-Length.
     */
    public ChannelFuture stream(HttpResponse head, ChunkedInput<HttpContent> body) {
        decorate(head);
        boolean close = closesConnection(head);
        ctx.write(head);
        ChannelFuture written = ctx.writeAndFlush(body).addListener(f -> {
            if (!f.isSuccess()) {
                body.close(); // in case it never reached the ChunkedWriteHandler
            }
        });
        return close ? written.addListener(ChannelFutureListener.CLOSE) : written;
    }

    /** Whether the connection ends after {@code response}; if so, the response says so. */
    private boolean closesConnection(HttpResponse response) {
        if (!HttpUtil.isKeepAlive(request) || "close".equalsIgnoreCase(response.headers().get(HttpHeaderNames.CONNECTION))) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return true;
        }
        return false;
    }

    /** Sends httpd's page for {@code status}. */
    public ChannelFuture sendError(HttpResponseStatus status) {
        return send(status, "text/html; charset=iso-8859-1",
                Unpooled.copiedBuffer(ErrorPages.page(status, request.method().name()), StandardCharsets.ISO_8859_1));
    }

    /** Sends httpd's page for {@code status} and closes the connection afterwards. */
    public ChannelFuture sendErrorAndClose(HttpResponseStatus status) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(ErrorPages.page(status, request.method().name()), StandardCharsets.ISO_8859_1));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=iso-8859-1");
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (isHead()) {
            response = response.replace(Unpooled.EMPTY_BUFFER);
        }
        return send(response);
    }

    /** Redirects to {@code location} with httpd's page. */
    public ChannelFuture redirect(HttpResponseStatus status, String location) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(ErrorPages.page(status, location), StandardCharsets.ISO_8859_1));
        response.headers().set(HttpHeaderNames.LOCATION, location);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/html; charset=iso-8859-1");
        if (isHead()) {
            response = response.replace(Unpooled.EMPTY_BUFFER);
        }
        return send(response);
    }

    static String httpDate() {
        return DateFormatter.format(new Date());
    }
}
