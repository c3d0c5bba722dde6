package dev.mdj.md;

import java.util.List;
import java.util.Locale;

/** Whether and how plain http requests to a managed domain are redirected to https (MDRequireHttps). */
public enum RequireHttps {
    /** No redirect. */
    OFF,
    /** A temporary redirect (302). */
    TEMPORARY,
    /** A permanent redirect (301) and a Strict-Transport-Security header. */
    PERMANENT;

    /**
     * Parses {@code off}, {@code temporary} or {@code permanent}, ignoring case.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static RequireHttps parse(String text) {
        return Keywords.match(text, values(), mode -> List.of(mode.name()))
                .orElseThrow(() -> new IllegalArgumentException("unknown '" + text
                        + "', supported parameter values are 'temporary' and 'permanent'"));
    }

    /** The value mod_md writes for this setting to {@code md.json}: {@code off}, {@code temporary} or {@code permanent}. */
    public String jsonValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
