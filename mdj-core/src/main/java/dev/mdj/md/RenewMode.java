package dev.mdj.md;

import java.util.List;

/** When certificates are renewed (MDRenewMode, formerly MDDriveMode). */
public enum RenewMode {
    /** Never by itself; an administrator renews. Also spelled {@code stick}. */
    MANUAL(0, "manual", "stick"),
    /** When the renew window is reached, for domains that this server uses. Also spelled {@code automatic}. */
    AUTO(1, "auto", "automatic"),
    /** When the renew window is reached, even for domains no virtual host uses. */
    ALWAYS(2, "always");

    private final int jsonValue;
    private final List<String> names;

    RenewMode(int jsonValue, String... names) {
        this.jsonValue = jsonValue;
        this.names = List.of(names);
    }

    /**
     * Parses one of {@code auto}, {@code automatic}, {@code always}, {@code manual} and {@code stick}, ignoring case.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static RenewMode parse(String text) {
        return Keywords.match(text, values(), mode -> mode.names)
                .orElseThrow(() -> new IllegalArgumentException("unknown MDDriveMode '" + text
                        + "'; supported are 'auto', 'always' and 'manual'"));
    }

    /** The number mod_md writes for this mode to {@code md.json}. */
    public int jsonValue() {
        return jsonValue;
    }
}
