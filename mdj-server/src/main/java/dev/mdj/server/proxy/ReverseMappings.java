package dev.mdj.server.proxy;

import dev.mdj.config.host.PathSection;
import dev.mdj.config.host.ProxyRule;
import dev.mdj.server.http.Exchange;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ProxyPassReverse: backend URLs in the Location, Content-Location and URI headers of a response
 * become URLs of the front (the client's scheme and host, the local path), so that redirects of
 * the backend lead back through the proxy. The innermost {@code <Location>}'s mapping is tried
 * first, then the server's in configuration order; the first whose backend URL prefixes the
 * value wins.
 */
final class ReverseMappings {

    private static final List<String> HEADERS = List.of("location", "content-location", "uri");

    private final List<ProxyRule> rules;
    private final String front;

    private ReverseMappings(List<ProxyRule> rules, String front) {
        this.rules = rules;
        this.front = front;
    }

    static ReverseMappings of(Exchange exchange) {
        List<ProxyRule> rules = new ArrayList<>();
        List<PathSection> locations = exchange.locations();
        for (int i = locations.size() - 1; i >= 0; i--) {
            PathSection location = locations.get(i);
            location.proxyReverse().flatMap(ProxyRule::backend)
                    .ifPresent(url -> rules.add(new ProxyRule(location.path(), Optional.of(url))));
        }
        exchange.site().proxyPassReverses().stream().filter(r -> !r.isExclusion()).forEach(rules::add);
        return new ReverseMappings(rules, ClientAuthority.scheme(exchange) + "://" + ClientAuthority.of(exchange));
    }

    void rewrite(HttpHeaders headers) {
        if (rules.isEmpty()) {
            return;
        }
        for (String name : HEADERS) {
            String value = headers.get(name);
            if (value != null) {
                headers.set(name, map(value));
            }
        }
    }

    String map(String value) {
        for (ProxyRule rule : rules) {
            String backend = rule.backend().orElseThrow().toString();
            if (value.startsWith(backend)) {
                String rest = value.substring(backend.length());
                if (backend.endsWith("/")) {
                    rest = "/" + rest;
                }
                String local = rule.path().endsWith("/") && rest.startsWith("/")
                        ? rule.path() + rest.substring(1) : rule.path() + rest;
                return front + local;
            }
        }
        return value;
    }
}
