package dev.mdj.ocsp;

import dev.mdj.md.KeySpec;
import dev.mdj.store.pem.KeyPairs;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** A CA, a leaf naming an OCSP responder, and OCSP responses built with Bouncy Castle, for unit tests. */
final class TestOcsp {

    static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");
    static final URI RESPONDER = URI.create("http://ocsp.example.net/");

    final KeyPair caKey = KeyPairs.generate(new KeySpec.Ec("P-256"));
    final X509Certificate ca = certificate("CN=Test CA", caKey, "CN=Test CA", caKey, true, null, false);
    final KeyPair leafKey = KeyPairs.generate(new KeySpec.Ec("P-256"));
    final X509Certificate leaf = certificate("CN=leaf.example.org", leafKey, "CN=Test CA", caKey, false, RESPONDER, false);
    final OcspTarget target = OcspTarget.of("example.org", List.of(leaf, ca)).orElseThrow();
    final CertificateID id = OcspRequests.certificateId(target);

    /** A certificate for {@code subject}'s key signed by {@code issuerKey}. */
    static X509Certificate certificate(String subject, KeyPair key, String issuer, KeyPair issuerKey, boolean ca,
            URI ocsp, boolean ocspSigning) {
        try {
            JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                    BigInteger.valueOf(System.nanoTime()), Date.from(NOW.minus(Duration.ofDays(1))),
                    Date.from(NOW.plus(Duration.ofDays(90))), new X500Name(subject), key.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ocsp != null) {
                b.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                        AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocsp.toString())));
            }
            if (ocspSigning) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_OCSPSigning));
            }
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate()));
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A successful response about {@code about}, signed by {@code signer} (its certificate included when delegated). */
    static byte[] response(CertificateID about, CertificateStatus status, Instant thisUpdate, Instant nextUpdate,
            byte[] nonce, KeyPair signerKey, X509Certificate signerCert, boolean includeSigner) {
        try {
            BasicOCSPRespBuilder b = new JcaBasicOCSPRespBuilder(signerKey.getPublic(),
                    new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1));
            b.addResponse(about, status, Date.from(thisUpdate), nextUpdate == null ? null : Date.from(nextUpdate),
                    (org.bouncycastle.asn1.x509.Extensions) null);
            if (nonce != null) {
                b.setResponseExtensions(new org.bouncycastle.asn1.x509.Extensions(new Extension(
                        OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false, new DEROctetString(new DEROctetString(nonce)))));
            }
            X509CertificateHolder[] chain = includeSigner
                    ? new X509CertificateHolder[] {new JcaX509CertificateHolder(signerCert)} : null;
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, b.build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(signerKey.getPrivate()), chain,
                    Date.from(thisUpdate))).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] signedByCa(CertificateStatus status, Instant thisUpdate, Instant nextUpdate, byte[] nonce) {
        return response(id, status, thisUpdate, nextUpdate, nonce, caKey, ca, false);
    }
}
