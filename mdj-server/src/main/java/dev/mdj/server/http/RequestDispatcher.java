package dev.mdj.server.http;

import dev.mdj.config.host.AccessRule;
import dev.mdj.config.host.PathSection;
import dev.mdj.config.host.ProxyRule;
import dev.mdj.config.host.RedirectRule;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.RequireHttps;
import dev.mdj.server.Generation;
import dev.mdj.server.site.Site;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides who answers a request, in httpd's order: the http-01 answer, MDRequireHttps,
 * /.httpd/certificate-status, the 503 of a managed domain without certificate, Require, Redirect, SetHandler, ProxyPass, and last the
 * static files of DocumentRoot.
 */
final class RequestDispatcher {

    /** mod_md's Strict-Transport-Security for MDRequireHttps permanent: about half a year. */
    static final String HSTS = "max-age=15768000";
    private static final String WELL_KNOWN = "/.well-known/";
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\\.?");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9a-f:.]+\\]");

    private RequestDispatcher() {
    }

    static BodySink dispatch(ChannelHandlerContext ctx, HttpRequest request, Connection connection) {
        Generation generation = connection.generation();
        RequestTarget target;
        String host;
        try {
            target = RequestTarget.parse(request.uri());
            host = hostOf(request, target, connection);
        } catch (RequestTarget.BadTarget e) {
            BadRequests.refuse(ctx, request, connection, HttpResponseStatus.valueOf(e.status()));
            return BodySink.DISCARD;
        }
        Site site = generation.sites().select(connection.local().getAddress(), connection.local().getPort(), host);
        Exchange exchange = new Exchange(ctx, request, connection, target, host, site);
        if (connection.secure() && !connection.serverName().isEmpty() && !host.equals(connection.serverName())
                && site != generation.sites().select(connection.local().getAddress(), connection.local().getPort(),
                        connection.serverName())) {
            // The TLS handshake was for another site's certificate (httpd: AH02032).
            exchange.sendErrorAndClose(HttpResponseStatus.MISDIRECTED_REQUEST);
            return BodySink.DISCARD;
        }
        return dispatch(exchange, generation);
    }

    private static BodySink dispatch(Exchange exchange, Generation generation) {
        String path = exchange.target().path();
        boolean secure = exchange.connection().secure();
        if (!secure && path.startsWith(Http01Answers.PREFIX)
                && new Http01Answers(generation.store()).answer(exchange)) {
            return BodySink.DISCARD;
        }
        Optional<ManagedDomain> md = exchange.site().managedDomainFor(exchange.host());
        RequireHttps requireHttps = md.map(m -> m.get(MdSetting.REQUIRE_HTTPS)).orElse(RequireHttps.OFF);
        if (requireHttps != RequireHttps.OFF && !path.startsWith(WELL_KNOWN)) {
            if (!secure) {
                redirectToHttps(exchange, requireHttps);
                return BodySink.DISCARD;
            }
            if (requireHttps == RequireHttps.PERMANENT) {
                exchange.addHeaderIfAbsent("strict-transport-security", HSTS);
            }
        }
        if (CertificateStatusAnswers.answer(exchange, generation)) {
            return BodySink.DISCARD;
        }
        Optional<ManagedDomain> siteMd = exchange.site().managedDomain();
        if (secure && siteMd.isPresent() && !generation.certificates().hasCertificate(siteMd.get())) {
            exchange.sendErrorAndClose(HttpResponseStatus.SERVICE_UNAVAILABLE);
            return BodySink.DISCARD;
        }
        List<PathSection> locations = exchange.locations();
        List<AccessRule> access = locations.stream().map(PathSection::access).filter(a -> !a.isEmpty())
                .reduce((first, second) -> second).orElse(List.of());
        if (!Access.granted(access, exchange.connection().remote(), exchange.connection().local())) {
            exchange.sendError(HttpResponseStatus.FORBIDDEN);
            return BodySink.DISCARD;
        }
        Optional<RedirectRule> redirect = redirectFor(exchange);
        if (redirect.isPresent()) {
            redirect(exchange, redirect.get());
            return BodySink.DISCARD;
        }
        Optional<String> handler = locations.stream().map(PathSection::handler).flatMap(Optional::stream)
                .reduce((first, second) -> second);
        if (handler.isPresent() && !handler.get().equalsIgnoreCase("none")) {
            Responder responder = generation.handlers().get(handler.get().toLowerCase(Locale.ROOT));
            if (responder == null) {
                exchange.sendError(HttpResponseStatus.NOT_FOUND);
                return BodySink.DISCARD;
            }
            return responder.respond(exchange);
        }
        Optional<URI> backend = proxyTarget(exchange);
        if (backend.isPresent()) {
            return generation.proxy().forward(exchange, backend.get());
        }
        return generation.files().respond(exchange);
    }

    /**
     * The host the request names: Host header, else the authority of an absolute target, else
     * (HTTP/1.0) the SNI name; lower-case, without port and trailing dot.
     */
    private static String hostOf(HttpRequest request, RequestTarget target, Connection connection)
            throws RequestTarget.BadTarget {
        String header = request.headers().get(HttpHeaderNames.HOST);
        if (request.headers().getAll(HttpHeaderNames.HOST).size() > 1) {
            throw new RequestTarget.BadTarget(400, "more than one Host header");
        }
        String value = target.authority().orElse(header);
        if (value == null) {
            if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)) {
                throw new RequestTarget.BadTarget(400, "HTTP/1.1 without Host");
            }
            return connection.serverName();
        }
        String host = value.toLowerCase(Locale.ROOT);
        int at = host.lastIndexOf('@');
        if (at >= 0) {
            throw new RequestTarget.BadTarget(400, "user info in the host");
        }
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            String rest = close < 0 ? "" : host.substring(close + 1);
            host = close < 0 ? host : host.substring(0, close + 1);
            if (!IPV6_LITERAL.matcher(host).matches() || !(rest.isEmpty() || rest.matches(":[0-9]{0,5}"))) {
                throw new RequestTarget.BadTarget(400, "bad Host");
            }
            return host;
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            if (!host.substring(colon + 1).matches("[0-9]{0,5}")) {
                throw new RequestTarget.BadTarget(400, "bad port in Host");
            }
            host = host.substring(0, colon);
        }
        if (host.isEmpty() || host.length() > 253 || !HOST_NAME.matcher(host).matches()) {
            throw new RequestTarget.BadTarget(400, "bad Host");
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    /**
     * mod_md's MDRequireHttps: to {@code https://<host><path>?<query>} without port; 302/301 for
     * GET and HEAD, 307/308 for other methods (which must keep their body).
     */
    private static void redirectToHttps(Exchange exchange, RequireHttps mode) {
        HttpMethod method = exchange.request().method();
        boolean safe = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        HttpResponseStatus status = mode == RequireHttps.PERMANENT
                ? safe ? HttpResponseStatus.MOVED_PERMANENTLY : HttpResponseStatus.PERMANENT_REDIRECT
                : safe ? HttpResponseStatus.FOUND : HttpResponseStatus.TEMPORARY_REDIRECT;
        RequestTarget target = exchange.target();
        exchange.redirect(status, "https://" + exchange.host() + target.rawPath()
                + target.query().map(q -> "?" + q).orElse(""));
    }

    /** The Redirect that applies: the innermost Location's, else the first of the server's that matches. */
    private static Optional<RedirectRule> redirectFor(Exchange exchange) {
        String path = exchange.target().path();
        for (int i = exchange.locations().size() - 1; i >= 0; i--) {
            List<RedirectRule> rules = exchange.locations().get(i).redirects();
            if (!rules.isEmpty()) {
                return Optional.of(rules.get(0));
            }
        }
        return exchange.site().redirects().stream().filter(r -> underPath(path, r.path())).findFirst();
    }

    private static void redirect(Exchange exchange, RedirectRule rule) {
        if (rule.target().isEmpty()) {
            exchange.sendError(HttpResponseStatus.GONE);
            return;
        }
        String rest = exchange.target().rawPath().length() > rule.path().length()
                && exchange.target().rawPath().startsWith(rule.path())
                ? exchange.target().rawPath().substring(rule.path().length()) : "";
        String base = rule.target().get().toString();
        String location = base.endsWith("/") && rest.startsWith("/") ? base + rest.substring(1) : base + rest;
        exchange.redirect(HttpResponseStatus.valueOf(rule.status()),
                location + exchange.target().query().map(q -> "?" + q).orElse(""));
    }

    /**
     * The backend URL for the request, if it is proxied: the innermost Location's ProxyPass, else
     * the first server-level mapping whose path it is under ({@code !} stops the search).
     */
    private static Optional<URI> proxyTarget(Exchange exchange) {
        String path = exchange.target().path();
        for (int i = exchange.locations().size() - 1; i >= 0; i--) {
            PathSection location = exchange.locations().get(i);
            if (location.proxy().isPresent()) {
                ProxyRule rule = location.proxy().get();
                return rule.backend().map(b -> backendUrl(exchange, b, location.path()));
            }
        }
        for (ProxyRule rule : exchange.site().proxyPasses()) {
            if (path.startsWith(rule.path())) { // mod_proxy matches a plain prefix
                return rule.backend().map(b -> backendUrl(exchange, b, rule.path()));
            }
        }
        return Optional.empty();
    }

    private static URI backendUrl(Exchange exchange, URI backend, String localPrefix) {
        String raw = exchange.target().rawPath();
        String rest = raw.length() >= localPrefix.length() ? raw.substring(localPrefix.length()) : "";
        String base = backend.toString();
        String joined = base.endsWith("/") && rest.startsWith("/") ? base + rest.substring(1) : base + rest;
        return URI.create(joined + exchange.target().query().map(q -> "?" + q).orElse(""));
    }

    /** mod_alias matching: the path itself or below it at a segment boundary. */
    private static boolean underPath(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
