package dev.mdj.acme;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate answering a tls-alpn-01 challenge (RFC 8737), as mod_md makes it:
 * CN {@code tls-alpn-01-challenge}, SAN {@code DNS:<name>}, critical acmeIdentifier
 * (1.3.6.1.5.5.7.1.31) = OCTET STRING (SHA-256 of the key authorization), critical
 * basicConstraints CA:FALSE, valid 7 days, random 20-byte serial. Works for RSA and EC keys.
 */
final class TlsAlpn01Certificates {

    static final ASN1ObjectIdentifier ACME_IDENTIFIER = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.31");
    private static final Duration VALIDITY = Duration.ofDays(7);
    private static final SecureRandom RANDOM = new SecureRandom();

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
        X500Name subject = new X500Name("CN=tls-alpn-01-challenge");
        byte[] serialBytes = new byte[20];
        RANDOM.nextBytes(serialBytes);
        serialBytes[0] &= 0x7f;
        BigInteger serial = new BigInteger(1, serialBytes);
        if (serial.signum() == 0) {
            serial = BigInteger.ONE;
        }
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial,
                    Date.from(now), Date.from(now.plus(VALIDITY)), subject, key.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
            b.addExtension(ACME_IDENTIFIER, true, new DEROctetString(digest(keyAuthorization)));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(Csrs.signatureAlgorithm(key)).build(key.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the tls-alpn-01 certificate: " + e.getMessage(), e);
        }
    }
}
