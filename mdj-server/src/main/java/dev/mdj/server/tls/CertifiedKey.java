package dev.mdj.server.tls;

import java.security.PrivateKey;
import java.security.interfaces.ECKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A private key with its certificate chain (leaf first), as served in a handshake.
 *
 * @param key the private key
 * @param chain the leaf certificate followed by its issuers
 */
public record CertifiedKey(PrivateKey key, List<X509Certificate> chain) {

    public CertifiedKey {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a certificate chain needs at least the leaf");
        }
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    /** For an EC key, its curve's JCA name ({@code secp256r1}, {@code secp384r1}, {@code secp521r1}). */
    public Optional<String> ecCurve() {
        if (!(key instanceof ECKey ec)) {
            return Optional.empty();
        }
        return Optional.of(switch (ec.getParams().getCurve().getField().getFieldSize()) {
            case 384 -> "secp384r1";
            case 521 -> "secp521r1";
            default -> "secp256r1";
        });
    }

    /**
     * The key of {@code keys} to serve to {@code hello}: the first ECDSA key the client can verify,
     * else the first RSA key, else the first key (a client that can use none fails either way).
     */
    static int choose(List<CertifiedKey> keys, ClientHello hello) {
        int rsa = -1;
        for (int i = 0; i < keys.size(); i++) {
            Optional<String> curve = keys.get(i).ecCurve();
            if (curve.isPresent() && hello.acceptsEcdsa(curve.get())) {
                return i;
            }
            if (curve.isEmpty() && rsa < 0) {
                rsa = i;
            }
        }
        return Math.max(rsa, 0);
    }
}
