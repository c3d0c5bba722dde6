package dev.mdj.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class CertificateInfoTest {

    @Test
    void showsTheCertificateAsModMd() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        // a serial with a leading zero nibble and a high bit that DER pads with a zero byte
        X509Certificate cert = certificate(pair, new BigInteger("0ABCFF", 16), "C=US,O=Test CA,CN=Issuer R1");

        CertificateInfo info = CertificateInfo.of(cert);

        assertThat(info.serial()).isEqualTo("0ABCFF");
        assertThat(info.issuerName()).isEqualTo("/C=US/O=Test CA/CN=Issuer R1");
        assertThat(info.sha256Fingerprint()).matches("[0-9a-f]{64}");
        byte[] keyId = new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(pair.getPublic()).getKeyIdentifier();
        assertThat(info.ariCertId()).contains(
                Base64.getUrlEncoder().withoutPadding().encodeToString(keyId) + ".Crz_");
        assertThat(CertificateInfo.of(certificate(pair, new BigInteger("80", 16), "CN=x")).ariCertId().orElseThrow())
                .endsWith(".gA");
    }

    private static X509Certificate certificate(KeyPair pair, BigInteger serial, String issuer) throws Exception {
        Instant now = Instant.parse("2026-11-23T09:17:01Z");
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), serial, Date.from(now),
                Date.from(now.plusSeconds(86_400)), new X500Name("CN=test.example.org"), pair.getPublic());
        builder.addExtension(Extension.authorityKeyIdentifier, false,
                new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(pair.getPublic()));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }
}
