package dev.mdj.ocsp;

import java.util.Optional;

/**
 * The OCSP staple of one served certificate, looked up in memory at every handshake; the
 * {@link Stapler} keeps it current in the background.
 */
public interface Staple {

    /** For certificates that are not stapled. */
    Staple NONE = new Staple() {
        @Override
        public byte[] current() {
            return null;
        }

        @Override
        public Optional<OcspResponse> response() {
            return Optional.empty();
        }
    };

    /**
     * The DER response to send now, or null when there is none that a client would accept (never
     * one past its nextUpdate). Revoked responses are sent too: the client is to know.
     */
    byte[] current();

    /** The latest response, also an expired one (for status pages). */
    Optional<OcspResponse> response();
}
