package dev.mdj.acme;

import dev.mdj.store.pem.SelfSignedCertificates;
import java.io.IOException;
import java.security.KeyPair;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * The certificate signing request mod_md sends on finalize: subject CN = the first identifier if
 * shorter than 64 characters (else an empty subject), SAN = all identifiers, the TLS feature
 * {@code status_request} (1.3.6.1.5.5.7.1.24 = SEQUENCE { INTEGER 5 }) with MDMustStaple, signed
 * with SHA-256.
 */
final class Csrs {

    /** id-pe-tlsfeature (RFC 7633). */
    static final ASN1ObjectIdentifier TLS_FEATURE = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.1.24");
    private static final int MAX_CN_LENGTH = 64;

    private Csrs() {
    }

    /** The DER encoding of the CSR. */
    static byte[] create(List<String> identifiers, KeyPair key, boolean mustStaple) {
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("a CSR needs at least one name");
        }
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE);
        String first = identifiers.getFirst();
        if (first.length() < MAX_CN_LENGTH) {
            subject.addRDN(BCStyle.CN, first);
        }
        X500Name name = subject.build();
        try {
            ExtensionsGenerator ext = new ExtensionsGenerator();
            GeneralName[] sans = identifiers.stream().map(n -> new GeneralName(GeneralName.dNSName, n))
                    .toArray(GeneralName[]::new);
            ext.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
            if (mustStaple) {
                ext.addExtension(TLS_FEATURE, false, new DERSequence(new ASN1Integer(5)));
            }
            JcaPKCS10CertificationRequestBuilder builder = new JcaPKCS10CertificationRequestBuilder(name, key.getPublic());
            builder.addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, ext.generate());
            return builder.build(new JcaContentSignerBuilder(SelfSignedCertificates.signatureAlgorithm(key)).build(key.getPrivate()))
                    .getEncoded();
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the CSR: " + e.getMessage(), e);
        }
    }
}
