package dev.mdj.ocsp;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** OCSP requests (RFC 6960) as mod_md sends them: one certificate, SHA-1 CertID, with a nonce. */
public final class OcspRequests {

    private OcspRequests() {
    }

    /** The CertID of {@code target}: SHA-1 hashes of its issuer's name and key, and its serial. */
    public static CertificateID certificateId(OcspTarget target) {
        try {
            return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(target.issuer()), target.leaf().getSerialNumber());
        } catch (OperatorCreationException | OCSPException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot build the OCSP CertID of " + target + ": " + e.getMessage(), e);
        }
    }

    /** The DER request for {@code id}, carrying {@code nonce} in the nonce extension. */
    public static byte[] request(CertificateID id, byte[] nonce) {
        try {
            Extension extension = new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(nonce));
            return new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(extension))
                    .build().getEncoded();
        } catch (OCSPException | IOException e) {
            throw new IllegalStateException("cannot build an OCSP request: " + e.getMessage(), e);
        }
    }
}
