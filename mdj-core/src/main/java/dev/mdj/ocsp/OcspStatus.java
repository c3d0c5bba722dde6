package dev.mdj.ocsp;

import java.util.Locale;

/** What a responder says about a certificate, in md-status's words. */
public enum OcspStatus {
    GOOD,
    REVOKED,
    /** No response yet (or the responder does not know the certificate). */
    UNKNOWN;

    /** {@code good}, {@code revoked} or {@code unknown}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The status called {@code word}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static OcspStatus of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }
}
