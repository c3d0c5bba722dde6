package dev.mdj.store.pem;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed certificates of the kinds mod_md makes itself: the fallback certificate served
 * while a managed domain has none, and the tls-alpn-01 challenge certificate. Both carry a
 * random 20-byte serial, the DNS names as SAN and a critical basicConstraints CA:FALSE.
 */
public final class SelfSignedCertificates {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair key;
    private final X500Name subject;
    private final List<String> dnsNames;
    private final Instant notBefore;
    private final Duration validity;
    private final List<Extension> extensions = new ArrayList<>();

    private SelfSignedCertificates(KeyPair key, String commonName, List<String> dnsNames, Instant notBefore,
            Duration validity) {
        this.key = key;
        this.subject = new X500Name("CN=" + commonName);
        this.dnsNames = List.copyOf(dnsNames);
        this.notBefore = notBefore;
        this.validity = validity;
    }

    /** A certificate for {@code key} named {@code commonName}, valid from {@code notBefore} for {@code validity}. */
    public static SelfSignedCertificates of(KeyPair key, String commonName, List<String> dnsNames,
            Instant notBefore, Duration validity) {
        return new SelfSignedCertificates(key, commonName, dnsNames, notBefore, validity);
    }

    /** Adds keyUsage digitalSignature and extKeyUsage serverAuth, both as mod_md's fallback has them. */
    public SelfSignedCertificates forServerAuth() {
        return extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    }

    public SelfSignedCertificates extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            extensions.add(new Extension(oid, critical, value.toASN1Primitive().getEncoded()));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot encode extension " + oid, e);
        }
        return this;
    }

    public X509Certificate create() {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(notBefore), Date.from(notBefore.plus(validity)), subject, key.getPublic());
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                    .map(name -> new GeneralName(GeneralName.dNSName, name)).toArray(GeneralName[]::new)));
            for (Extension extension : extensions) {
                b.addExtension(extension);
            }
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key.getPrivate())));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the certificate " + subject + ": " + e.getMessage(), e);
        }
    }

    /** The signature algorithm mod_md uses with a key of this type. */
    public static String signatureAlgorithm(KeyPair key) {
        return switch (key.getPrivate().getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("unsupported key algorithm " + key.getPrivate().getAlgorithm());
        };
    }

    private static BigInteger serial() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        bytes[0] &= 0x7f;
        BigInteger serial = new BigInteger(1, bytes);
        return serial.signum() == 0 ? BigInteger.ONE : serial;
    }
}
