package dev.mdj.md;

import java.util.List;

/**
 * Whether the ServerAliases of a virtual host become members of its managed domain automatically
 * (MDMembers).
 */
public enum MemberMode {
    /** Aliases of the virtual host are added to the domain. */
    AUTO(1),
    /** Only the names listed in the MDomain directive are members. */
    MANUAL(0);

    private final int transitive;

    MemberMode(int transitive) {
        this.transitive = transitive;
    }

    /**
     * Parses {@code auto} or {@code manual}, ignoring case.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static MemberMode parse(String text) {
        return Keywords.match(text, values(), mode -> List.of(mode.name()))
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' must be 'auto' or 'manual'"));
    }

    /** The {@code transitive} value mod_md writes for this mode to {@code md.json}. */
    public int transitive() {
        return transitive;
    }
}
