package dev.mdj.config.host;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code Header [always|onsuccess] set|append|add|merge|setifempty|unset NAME [VALUE]} line:
 * a change to the response headers. Conditions ({@code env=...}, {@code expr=...}) and the
 * {@code edit}/{@code echo} actions of mod_headers are not supported and are refused.
 *
 * @param always whether the change applies to error responses too ({@code always})
 * @param action what to do
 * @param name the header name
 * @param value the value, empty for {@code unset}
 */
public record HeaderRule(boolean always, Action action, String name, Optional<String> value) {

    /** The mod_headers actions mdj supports. */
    public enum Action { SET, APPEND, ADD, MERGE, SETIFEMPTY, UNSET }

    public HeaderRule {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses the arguments of a Header line.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static HeaderRule parse(List<String> args) {
        List<String> rest = args;
        boolean always = false;
        if (!rest.isEmpty() && (rest.get(0).equalsIgnoreCase("always")
                || rest.get(0).equalsIgnoreCase("onsuccess"))) {
            always = rest.get(0).equalsIgnoreCase("always");
            rest = rest.subList(1, rest.size());
        }
        if (rest.size() < 2) {
            throw new IllegalArgumentException("needs an action and a header name, like 'set X-Frame-Options DENY'");
        }
        Action action;
        try {
            action = Action.valueOf(rest.get(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + rest.get(0) + "' is not supported by mdj;"
                    + " use set, append, add, merge, setifempty or unset");
        }
        String name = rest.get(1);
        if (!name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
            throw new IllegalArgumentException("'" + name + "' is not a valid header name");
        }
        if (action == Action.UNSET) {
            if (rest.size() != 2) {
                throw new IllegalArgumentException("'unset' takes only the header name");
            }
            return new HeaderRule(always, action, name, Optional.empty());
        }
        if (rest.size() != 3) {
            throw new IllegalArgumentException(rest.size() < 3
                    ? "'" + rest.get(0) + "' needs a value"
                    : "conditions such as '" + rest.get(3) + "' are not supported by mdj");
        }
        String value = rest.get(2);
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("header values must not contain line breaks");
        }
        return new HeaderRule(always, action, name, Optional.of(value));
    }
}
