package dev.mdj.acme;

import dev.mdj.store.pem.SelfSignedCertificates;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;

/**
 * The self-signed certificate answering a tls-alpn-01 challenge (RFC 8737), as mod_md makes it:
 * CN {@code tls-alpn-01-challenge}, SAN {@code DNS:<name>}, critical acmeIdentifier
 * (1.3.6.1.5.5.7.1.31) = OCTET STRING (SHA-256 of the key authorization), critical
 * basicConstraints CA:FALSE, valid 7 days, random 20-byte serial. Works for RSA and EC keys.
 */
final class TlsAlpn01Certificates {

    static final ASN1ObjectIdentifier ACME_IDENTIFIER = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");
    private static final Duration VALIDITY = Duration.ofDays(7);

    private TlsAlpn01Certificates() {
    }

    static byte[] digest(String keyAuthorization) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(keyAuthorization.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate create(KeyPair key, String dnsName, String keyAuthorization, Instant now) {
        return SelfSignedCertificates.of(key, "tls-alpn-01-challenge", List.of(dnsName), now, VALIDITY)
                .extension(ACME_IDENTIFIER, true, new DEROctetString(digest(keyAuthorization)))
                .create();
    }
}
