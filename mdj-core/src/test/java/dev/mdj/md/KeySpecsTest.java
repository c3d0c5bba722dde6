package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeySpecsTest {

    private static final String UNKNOWN_TYPE = "'; use 'Default', 'RSA [bits]', 'RSA<bits>' or one of the curves "
            + "secp256r1 (P-256), secp384r1 (P-384), secp521r1 (P-521)";

    private static List<String> args(String line) {
        return List.of(line.split(" "));
    }

    @Test
    void defaultIsOneRsaKeyOf2048Bits() {
        assertThat(KeySpecs.DEFAULT.specs()).containsExactly(new KeySpec.Rsa(2048));
        assertThat(KeySpecs.DEFAULT.format()).isEqualTo("rsa2048");
    }

    @ParameterizedTest
    @CsvSource({"Default", "default", "DEFAULT"})
    void parsesDefault(String text) {
        assertThat(KeySpecs.parse(List.of(text))).isEqualTo(KeySpecs.DEFAULT);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            RSA                      | rsa2048
            rsa                      | rsa2048
            RSA 4096                 | rsa4096
            rsa 3072                 | rsa3072
            RSA4096                  | rsa4096
            rsa3072                  | rsa3072
            secp256r1                | secp256r1
            P-384 RSA                | P-384 rsa2048
            secp256r1 rsa2048        | secp256r1 rsa2048
            RSA secp384r1            | rsa2048 secp384r1
            RSA 3072 P-256           | rsa3072 P-256
            prime256v1 P-384 P-521   | prime256v1 P-384 P-521
            """)
    void parsesKeysInOrderOfPreference(String line, String expected) {
        assertThat(KeySpecs.parse(args(line)).format()).isEqualTo(expected);
    }

    @Test
    void keepsTheOrderAndTheConfiguredCurveName() {
        assertThat(KeySpecs.parse(args("P-256 RSA 4096")).specs())
                .containsExactly(new KeySpec.Ec("P-256"), new KeySpec.Rsa(4096));
    }

    @Test
    void formatIsTheInverseOfParse() {
        KeySpecs specs = KeySpecs.parse(args("secp384r1 RSA 3072"));

        assertThat(KeySpecs.parse(args(specs.format()))).isEqualTo(specs);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Default RSA
            RSA Default
            P-256 default
            """)
    void rejectsDefaultWithOtherKeys(String line) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeySpecs.parse(args(line)))
                .withMessage("'Default' must be the only key specification.");
    }

    @Test
    void rejectsNoKeys() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeySpecs.parse(List.of()))
                .withMessage("needs to specify the private key type");
    }

    @ParameterizedTest
    @CsvSource({"RSA 1024", "rsa1024", "RSA 0", "rsa2047"})
    void rejectsUnsafeRsaSizes(String line) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeySpecs.parse(args(line)))
                .withMessage("must be 2048 or higher in order to be considered safe.");
    }

    @ParameterizedTest
    @CsvSource({"RSA 32768", "rsa16385", "RSA 99999999999999"})
    void rejectsHugeRsaSizes(String line) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeySpecs.parse(args(line)))
                .withMessage("RSA keys of more than 16384 bits are not supported.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RSA 4096x   | 4096x
            RSA 4k      | 4k
            rsa4k       | 4k
            RSA4096.5   | 4096.5
            """)
    void rejectsNonNumericRsaSizes(String line, String bits) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeySpecs.parse(args(line)))
                .withMessage("'" + bits + "' is not a valid number of RSA bits");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ed25519          | ed25519
            RSA -4096        | -4096
            rsa-4096         | rsa-4096
            RSA secp256k1    | secp256k1
            P-224            | P-224
            """)
    void rejectsUnknownKeyTypes(String line, String unknown) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeySpecs.parse(args(line)))
                .withMessage("unknown private key type '" + unknown + UNKNOWN_TYPE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            RSA rsa4096               | RSA
            rsa3072 RSA 4096          | RSA
            secp256r1 P-256           | P-256
            P-256 prime256v1          | prime256v1
            prime256v1 SECP256R1      | SECP256R1
            secp384r1 RSA P-384       | P-384
            """)
    void rejectsTwoKeysOfTheSameType(String line, String type) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> KeySpecs.parse(args(line)))
                .withMessage("two keys of type '" + type + "' are not possible.");
    }

    @Test
    void constructorChecksLikeParse() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeySpecs(List.of()))
                .withMessage("needs to specify the private key type");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new KeySpecs(List.of(new KeySpec.Rsa(2048), new KeySpec.Rsa(4096))))
                .withMessage("two keys of type 'RSA' are not possible.");
    }

    @Test
    void isImmutable() {
        List<KeySpec> source = new ArrayList<>(List.of(new KeySpec.Rsa(2048)));
        KeySpecs specs = new KeySpecs(source);
        source.add(new KeySpec.Ec("P-256"));

        assertThat(specs.specs()).hasSize(1);
        assertThatThrownBy(() -> specs.specs().add(new KeySpec.Ec("P-384")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
