package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EcCurveTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"secp256r1, SECP256R1", "prime256v1, SECP256R1", "P-256, SECP256R1", "PRIME256V1, SECP256R1",
        "secp384r1, SECP384R1", "p-384, SECP384R1", "SECP521R1, SECP521R1", "P-521, SECP521R1"})
    void findsCurvesByAnyName(String name, EcCurve expected) {
        assertThat(EcCurve.byName(name)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P256", "prime384v1", "secp256k1", "X25519"})
    void findsNoOtherCurves(String name) {
        assertThat(EcCurve.byName(name)).isEmpty();
    }

    @Test
    void describesAllCurves() {
        assertThat(EcCurve.describeAll()).isEqualTo("secp256r1 (P-256), secp384r1 (P-384), secp521r1 (P-521)");
    }
}
