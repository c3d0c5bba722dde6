package dev.mdj.md;

import java.util.List;

/** Which names of a virtual host are matched against managed domains (MDMatchNames). */
public enum MatchNames {
    /** The ServerName and all ServerAliases. */
    ALL,
    /** Only the ServerName. */
    SERVERNAMES;

    /**
     * Parses {@code all} or {@code servernames}, ignoring case.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static MatchNames parse(String text) {
        return Keywords.match(text, values(), mode -> List.of(mode.name()))
                .orElseThrow(() -> new IllegalArgumentException("invalid argument, must be a 'all' or 'servernames'"));
    }
}
