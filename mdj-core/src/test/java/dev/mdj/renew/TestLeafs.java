package dev.mdj.renew;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed leaf certificates with chosen dates, names and must-staple, for renewal tests. */
final class TestLeafs {

    /** The TLS feature {@code status_request} (RFC 6066), what "must staple" asks for. */
    private static final int STATUS_REQUEST = 5;

    private static final ASN1ObjectIdentifier TLS_FEATURE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24");
    private static final KeyPair KEY = ecKey();
    private static final AtomicLong SERIAL = new AtomicLong(1);

    private TestLeafs() {
    }

    static X509Certificate leaf(Instant notBefore, Instant notAfter, String... names) {
        return build(notBefore, notAfter, false, names);
    }

    static X509Certificate mustStaple(Instant notBefore, Instant notAfter, String... names) {
        return build(notBefore, notAfter, true, names);
    }

    private static X509Certificate build(Instant notBefore, Instant notAfter, boolean mustStaple, String... names) {
        try {
            X500Name subject = new X500Name("CN=" + names[0]);
            var builder = new JcaX509v3CertificateBuilder(subject, BigInteger.valueOf(SERIAL.getAndIncrement()),
                    Date.from(notBefore), Date.from(notAfter), subject, KEY.getPublic());
            GeneralName[] sans = Arrays.stream(names).map(n -> new GeneralName(GeneralName.dNSName, n))
                    .toArray(GeneralName[]::new);
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            if (mustStaple) {
                builder.addExtension(TLS_FEATURE, false, new DERSequence(new ASN1Integer(STATUS_REQUEST)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(KEY.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
