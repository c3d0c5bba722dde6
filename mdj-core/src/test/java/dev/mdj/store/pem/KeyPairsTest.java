package dev.mdj.store.pem;

import static dev.mdj.store.pem.PemTestSupport.selfSigned;
import static dev.mdj.store.pem.PemTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyPairsTest {

    @ParameterizedTest
    @ValueSource(strings = {"rsa2048", "rsa3072", "rsa4096", "P-256", "secp384r1", "P-521", "prime256v1"})
    void generatedKeysMatchTheirCertificateOnly(String s) throws Exception {
        KeyPair pair = KeyPairs.generate(spec(s));
        KeyPair other = KeyPairs.generate(spec(s));
        X509Certificate cert = selfSigned(pair);
        assertThat(KeyPairs.matches(pair.getPrivate(), cert)).isTrue();
        assertThat(KeyPairs.matches(other.getPrivate(), cert)).isFalse();
        assertThat(KeyPairs.matches(pair.getPrivate(), selfSigned(other))).isFalse();
        // survives a PEM round trip (keys rebuilt by the JDK factories)
        assertThat(KeyPairs.matches(PrivateKeyPem.decode(PrivateKeyPem.encode(pair.getPrivate()), null), cert)).isTrue();
        if (s.startsWith("rsa")) {
            assertThat(((RSAPublicKey) pair.getPublic()).getModulus().bitLength()).isEqualTo(Integer.parseInt(s.substring(3)));
            assertThat(((RSAPublicKey) pair.getPublic()).getPublicExponent().intValue()).isEqualTo(65537);
        } else {
            int bits = s.contains("521") ? 521 : s.contains("384") ? 384 : 256;
            assertThat(((ECPublicKey) pair.getPublic()).getParams().getOrder().bitLength()).isEqualTo(bits);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"P-256", "P-384"})
    void differentKindsAndCurvesDoNotMatch(String s) throws Exception {
        KeyPair ec = KeyPairs.generate(spec(s));
        KeyPair otherCurve = KeyPairs.generate(spec(s.equals("P-256") ? "P-384" : "P-256"));
        KeyPair rsa = KeyPairs.generate(spec("rsa2048"));
        assertThat(KeyPairs.matches(ec.getPrivate(), selfSigned(rsa))).isFalse();
        assertThat(KeyPairs.matches(rsa.getPrivate(), selfSigned(ec))).isFalse();
        assertThat(KeyPairs.matches(ec.getPrivate(), selfSigned(otherCurve))).isFalse();
    }
}
