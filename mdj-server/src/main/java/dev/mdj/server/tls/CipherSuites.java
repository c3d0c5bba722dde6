package dev.mdj.server.tls;

import java.util.List;

/**
 * The cipher suites mdj offers: Mozilla's "intermediate" recommendation (forward-secret AEAD
 * suites only), in Java's names, which Netty maps for BoringSSL too.
 */
final class CipherSuites {

    static final List<String> INTERMEDIATE = List.of(
            "TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private CipherSuites() {
    }

    /**
     * Whether the TLS 1.2 suite code point is an ECDHE_ECDSA one (IANA registry: 0xC0xx ranges
     * of ECDHE_ECDSA and the ChaCha20 one 0xCCA9).
     */
    static boolean isEcdheEcdsa(int suite) {
        return suite == 0xC009 || suite == 0xC00A || suite == 0xC023 || suite == 0xC024
                || suite == 0xC02B || suite == 0xC02C || suite == 0xCCA9
                || suite == 0xC0AC || suite == 0xC0AD || suite == 0xC0AE || suite == 0xC0AF;
    }
}
