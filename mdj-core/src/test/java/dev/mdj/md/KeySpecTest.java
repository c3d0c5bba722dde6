package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeySpecTest {

    @Test
    void rsaDescribesItself() {
        KeySpec rsa = new KeySpec.Rsa(4096);

        assertThat(rsa.algorithm()).isEqualTo("RSA");
        assertThat(rsa.storeName()).isEqualTo("rsa");
        assertThat(rsa.format()).isEqualTo("rsa4096");
    }

    @ParameterizedTest
    @ValueSource(ints = {2048, 3072, 16384})
    void rsaAcceptsSafeSizes(int bits) {
        assertThat(new KeySpec.Rsa(bits).bits()).isEqualTo(bits);
    }

    @ParameterizedTest
    @ValueSource(ints = {2047, 1024, 0, -1})
    void rsaRejectsUnsafeSizes(int bits) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeySpec.Rsa(bits))
                .withMessage("must be 2048 or higher in order to be considered safe.");
    }

    @ParameterizedTest
    @ValueSource(ints = {16385, Integer.MAX_VALUE})
    void rsaRejectsHugeSizes(int bits) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeySpec.Rsa(bits))
                .withMessage("RSA keys of more than 16384 bits are not supported.");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "secp256r1, secp256r1", "prime256v1, secp256r1", "P-256, secp256r1", "p-256, secp256r1",
        "SECP256R1, secp256r1", "secp384r1, secp384r1", "P-384, secp384r1", "secp521r1, secp521r1",
        "P-521, secp521r1"})
    void ecKeepsTheConfiguredNameAndKnowsTheJcaName(String curve, String jcaName) {
        KeySpec.Ec ec = new KeySpec.Ec(curve);

        assertThat(ec.curve()).isEqualTo(curve);
        assertThat(ec.jcaCurveName()).isEqualTo(jcaName);
        assertThat(ec.storeName()).isEqualTo(curve);
        assertThat(ec.format()).isEqualTo(curve);
        assertThat(ec.algorithm()).isEqualTo("EC");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P-224", "ed25519", "secp256k1", "rsa"})
    void ecRejectsUnsupportedCurves(String curve) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeySpec.Ec(curve))
                .withMessage("unknown elliptic curve '" + curve
                        + "'; supported are secp256r1 (P-256), secp384r1 (P-384), secp521r1 (P-521)");
    }
}
