package dev.mdj.store.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PemCertificateTest {

    @Test
    void chainRoundTripKeepsOrderAndLayout() throws Exception {
        X509Certificate a = PemTestSupport.selfSigned(KeyPairs.generate(PemTestSupport.spec("P-256")));
        X509Certificate b = PemTestSupport.selfSigned(KeyPairs.generate(PemTestSupport.spec("rsa2048")));
        String pem = CertificatePem.encodeChain(List.of(a, b));
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----\n").endsWith("-----END CERTIFICATE-----\n")
                .contains("-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\n");
        PrivateKeyPemTest.assertOpenSslLayout(pem.substring(0, pem.indexOf("-----END") + 26));
        assertThat(CertificatePem.decodeChain(pem)).containsExactly(a, b);
    }

    @Test
    void otherBlocksAreSkipped() throws Exception {
        var pair = KeyPairs.generate(PemTestSupport.spec("P-256"));
        X509Certificate a = PemTestSupport.selfSigned(pair);
        String pem = PrivateKeyPem.encode(pair.getPrivate()) + CertificatePem.encodeChain(List.of(a));
        assertThat(CertificatePem.decodeChain(pem)).containsExactly(a);
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> CertificatePem.decodeChain(""))
                .isInstanceOf(PemException.class).hasMessageStartingWith("no certificate in PEM");
        assertThatThrownBy(() -> CertificatePem.decodeChain("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                .isInstanceOf(PemException.class).hasMessageStartingWith("damaged certificate: block 1");
        assertThatThrownBy(() -> CertificatePem.encodeChain(List.of()))
                .isInstanceOf(PemException.class);
    }
}
