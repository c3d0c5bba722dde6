package dev.mdj.ocsp;

import static dev.mdj.ocsp.TestOcsp.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.md.KeySpec;
import dev.mdj.store.pem.KeyPairs;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.junit.jupiter.api.Test;

/** What a responder's answer must be to be stapled. */
class OcspResponseCheckTest {

    private static final byte[] NONCE = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final Instant THIS_UPDATE = NOW.minus(Duration.ofMinutes(5));
    private static final Instant NEXT_UPDATE = NOW.plus(Duration.ofDays(4));

    private final TestOcsp pki = new TestOcsp();

    private OcspResponse check(byte[] der) throws OcspException {
        return OcspResponseCheck.check(der, pki.target, pki.id, NONCE, NOW);
    }

    @Test
    void aGoodAnswerSignedByTheIssuerIsKeptAsSent() throws Exception {
        byte[] der = pki.signedByCa(CertificateStatus.GOOD, THIS_UPDATE, NEXT_UPDATE, NONCE);
        OcspResponse response = check(der);
        assertThat(response.status()).isEqualTo(OcspStatus.GOOD);
        assertThat(response.thisUpdate()).isEqualTo(THIS_UPDATE);
        assertThat(response.nextUpdate()).isEqualTo(NEXT_UPDATE);
        assertThat(new OCSPResp(response.der()).getEncoded()).isEqualTo(der);
    }

    @Test
    void revokedIsKeptToo() throws Exception {
        byte[] der = pki.signedByCa(new RevokedStatus(Date.from(THIS_UPDATE), 1), THIS_UPDATE, NEXT_UPDATE, null);
        assertThat(check(der).status()).isEqualTo(OcspStatus.REVOKED);
    }

    @Test
    void withoutNextUpdateItIsValidTwelveHours() throws Exception {
        OcspResponse response = check(pki.signedByCa(CertificateStatus.GOOD, THIS_UPDATE, null, null));
        assertThat(response.nextUpdate()).isEqualTo(THIS_UPDATE.plus(Duration.ofHours(12)));
    }

    @Test
    void unknownIsAnError() {
        byte[] der = pki.signedByCa(new UnknownStatus(), THIS_UPDATE, NEXT_UPDATE, null);
        assertThatThrownBy(() -> check(der)).isInstanceOf(OcspException.class).hasMessageContaining("unknown")
                .extracting(e -> ((OcspException) e).status()).isEqualTo(2);
    }

    @Test
    void anotherRequestsNonceIsRefused() {
        byte[] der = pki.signedByCa(CertificateStatus.GOOD, THIS_UPDATE, NEXT_UPDATE, new byte[] {9, 9, 9});
        assertThatThrownBy(() -> check(der)).hasMessageContaining("nonce");
    }

    @Test
    void anAnswerForAnotherCertificateIsRefused() throws Exception {
        X509Certificate otherLeaf = TestOcsp.certificate("CN=other", KeyPairs.generate(new KeySpec.Ec("P-256")),
                "CN=Test CA", pki.caKey, false, TestOcsp.RESPONDER, false);
        CertificateID other = OcspRequests.certificateId(OcspTarget.of("x", List.of(otherLeaf, pki.ca)).orElseThrow());
        byte[] der = TestOcsp.response(other, CertificateStatus.GOOD, THIS_UPDATE, NEXT_UPDATE, null, pki.caKey, pki.ca,
                false);
        assertThatThrownBy(() -> check(der)).hasMessageContaining("does not answer for certificate serial");
    }

    @Test
    void aSignatureByAStrangerIsRefused() {
        KeyPair stranger = KeyPairs.generate(new KeySpec.Ec("P-256"));
        X509Certificate strangerCert = TestOcsp.certificate("CN=stranger", stranger, "CN=stranger", stranger, false,
                null, true);
        byte[] der = TestOcsp.response(pki.id, CertificateStatus.GOOD, THIS_UPDATE, NEXT_UPDATE, null, stranger,
                strangerCert, true);
        assertThatThrownBy(() -> check(der)).hasMessageContaining("signed by neither the issuer");
    }

    @Test
    void aResponderTheIssuerDelegatedToIsAccepted() throws Exception {
        KeyPair responderKey = KeyPairs.generate(new KeySpec.Ec("P-256"));
        X509Certificate responder = TestOcsp.certificate("CN=OCSP responder", responderKey, "CN=Test CA", pki.caKey,
                false, null, true);
        byte[] der = TestOcsp.response(pki.id, CertificateStatus.GOOD, THIS_UPDATE, NEXT_UPDATE, null, responderKey,
                responder, true);
        assertThat(check(der).status()).isEqualTo(OcspStatus.GOOD);
    }

    @Test
    void aDelegateWithoutOcspSigningIsRefused() {
        KeyPair key = KeyPairs.generate(new KeySpec.Ec("P-256"));
        X509Certificate notDelegated = TestOcsp.certificate("CN=some server", key, "CN=Test CA", pki.caKey, false,
                null, false);
        byte[] der = TestOcsp.response(pki.id, CertificateStatus.GOOD, THIS_UPDATE, NEXT_UPDATE, null, key,
                notDelegated, true);
        assertThatThrownBy(() -> check(der)).hasMessageContaining("signed by neither the issuer");
    }

    @Test
    void garbageAndUnsuccessfulAnswersAreRefused() throws Exception {
        assertThatThrownBy(() -> check(new byte[] {1, 2, 3})).hasMessageContaining("cannot be parsed");
        byte[] tryLater = new org.bouncycastle.cert.ocsp.OCSPRespBuilder()
                .build(org.bouncycastle.cert.ocsp.OCSPRespBuilder.TRY_LATER, null).getEncoded();
        assertThatThrownBy(() -> check(tryLater)).hasMessageContaining("not successful");
    }

    @Test
    void theRequestCarriesTheCertIdAndTheNonce() throws Exception {
        org.bouncycastle.cert.ocsp.OCSPReq request = new org.bouncycastle.cert.ocsp.OCSPReq(
                OcspRequests.request(pki.id, NONCE));
        assertThat(request.getRequestList()).hasSize(1);
        assertThat(request.getRequestList()[0].getCertID()).isEqualTo(pki.id);
        assertThat(request.getExtension(org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers.id_pkix_ocsp_nonce))
                .isNotNull();
    }
}
