package dev.mdj.server.http;

import dev.mdj.config.host.HeaderRule;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Arrays;
import java.util.List;

/** Applies mod_headers' {@code Header} lines to response headers. */
final class HeaderRules {

    private HeaderRules() {
    }

    /**
     * Applies {@code rules} in order; rules without {@code always} only when {@code success}
     * (mod_headers' "onsuccess" table is not used for error responses).
     */
    static void apply(List<HeaderRule> rules, HttpHeaders headers, boolean success) {
        for (HeaderRule rule : rules) {
            if (!rule.always() && !success) {
                continue;
            }
            String name = rule.name();
            String value = rule.value().orElse("");
            switch (rule.action()) {
                case SET -> headers.set(name, value);
                case ADD -> headers.add(name, value);
                case APPEND -> headers.set(name, headers.contains(name) ? headers.get(name) + ", " + value : value);
                case MERGE -> {
                    String current = headers.get(name);
                    if (current == null) {
                        headers.set(name, value);
                    } else if (Arrays.stream(current.split(",")).map(String::trim).noneMatch(value::equals)) {
                        headers.set(name, current + ", " + value);
                    }
                }
                case SETIFEMPTY -> {
                    if (!headers.contains(name)) {
                        headers.set(name, value);
                    }
                }
                case UNSET -> headers.remove(name);
            }
        }
    }
}
