package dev.mdj.ocsp;

import dev.mdj.renew.StatusCodes;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Decides whether an OCSP responder's answer may be stapled for a certificate, as mod_md's
 * {@code ocsp_handle_response} does and more strictly: the response must be successful and
 * basic, signed by the issuer or by a responder certificate the issuer delegated OCSP signing
 * to, carry our nonce if it carries one, and have a single response for our CertID that says
 * good or revoked ({@code unknown} is an error). A missing nextUpdate means thisUpdate + 12 h.
 */
public final class OcspResponseCheck {

    /** How long a response without nextUpdate is kept (mod_md: 12 hours). */
    static final Duration DEFAULT_VALIDITY = Duration.ofHours(12);

    private OcspResponseCheck() {
    }

    /**
     * @param der the responder's answer
     * @param target the certificate asked about
     * @param id its CertID as sent
     * @param nonce the nonce sent
     * @param now the time, for the validity of a delegated responder certificate
     * @throws OcspException saying what is wrong with the answer
     */
    public static OcspResponse check(byte[] der, OcspTarget target, CertificateID id, byte[] nonce, Instant now)
            throws OcspException {
        OCSPResp response;
        try {
            response = new OCSPResp(der);
        } catch (IOException e) {
            throw invalid("the OCSP response cannot be parsed: " + e.getMessage());
        }
        if (response.getStatus() != OCSPResp.SUCCESSFUL) {
            throw invalid("the OCSP responder answered with status " + response.getStatus() + ", not successful");
        }
        BasicOCSPResp basic;
        try {
            if (!(response.getResponseObject() instanceof BasicOCSPResp b)) {
                throw invalid("the OCSP response is not a basic response");
            }
            basic = b;
        } catch (OCSPException e) {
            throw invalid("the OCSP response cannot be read: " + e.getMessage());
        }
        checkNonce(basic, nonce);
        checkSignature(basic, target.issuer(), now);
        SingleResp single = Arrays.stream(basic.getResponses()).filter(s -> s.getCertID().equals(id)).findFirst()
                .orElseThrow(() -> invalid("the OCSP response does not answer for certificate serial "
                        + target.leaf().getSerialNumber().toString(16)));
        CertificateStatus status = single.getCertStatus();
        OcspStatus word;
        if (status == CertificateStatus.GOOD) {
            word = OcspStatus.GOOD;
        } else if (status instanceof RevokedStatus) {
            word = OcspStatus.REVOKED;
        } else {
            throw new OcspException(StatusCodes.ENOENT, "the OCSP responder does not know the certificate (unknown)");
        }
        Instant thisUpdate = single.getThisUpdate() == null ? now : single.getThisUpdate().toInstant();
        Instant nextUpdate = single.getNextUpdate() == null ? thisUpdate.plus(DEFAULT_VALIDITY)
                : single.getNextUpdate().toInstant();
        try {
            return new OcspResponse(response.getEncoded(), word, thisUpdate, nextUpdate);
        } catch (IOException e) {
            throw invalid("the OCSP response cannot be encoded: " + e.getMessage());
        }
    }

    private static void checkNonce(BasicOCSPResp basic, byte[] nonce) throws OcspException {
        Extension extension = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (extension == null) {
            return; // responders with cached answers send none; mod_md accepts that too
        }
        byte[] value = extension.getExtnValue().getOctets();
        // RFC 8954: the value is an OCTET STRING; older responders put the bare bytes
        byte[] answered = value;
        try {
            answered = ASN1OctetString.getInstance(value).getOctets();
        } catch (IllegalArgumentException e) {
            // bare bytes
        }
        if (!Arrays.equals(answered, nonce) && !Arrays.equals(value, nonce)) {
            throw invalid("the OCSP response carries another request's nonce");
        }
    }

    /** Signed by the issuer itself, or by a certificate in the response the issuer made an OCSP signer. */
    private static void checkSignature(BasicOCSPResp basic, X509Certificate issuer, Instant now) throws OcspException {
        if (signedBy(basic, issuer)) {
            return;
        }
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : basic.getCerts()) {
            try {
                X509Certificate responder = converter.getCertificate(holder);
                if (delegated(responder, issuer, now) && signedBy(basic, responder)) {
                    return;
                }
            } catch (CertificateException e) {
                // not a usable certificate: try the next
            }
        }
        throw invalid("the OCSP response is signed by neither the issuer nor a responder it delegated to");
    }

    private static boolean delegated(X509Certificate responder, X509Certificate issuer, Instant now) {
        try {
            responder.verify(issuer.getPublicKey());
            responder.checkValidity(java.util.Date.from(now));
            return Optional.ofNullable(responder.getExtendedKeyUsage()).orElse(java.util.List.of())
                    .contains(KeyPurposeId.id_kp_OCSPSigning.getId());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean signedBy(BasicOCSPResp basic, X509Certificate signer) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(signer.getPublicKey()));
        } catch (OCSPException | OperatorCreationException e) {
            return false;
        }
    }

    private static OcspException invalid(String message) {
        return new OcspException(StatusCodes.EINVAL, message);
    }
}
