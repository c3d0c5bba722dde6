package dev.mdj.store.pem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pbkdf2Test {

    /** RFC 6070 (HMAC-SHA1) and RFC 7914 §11 (HMAC-SHA256, two output blocks). */
    @ParameterizedTest
    @CsvSource({
        "HMAC_SHA1, password, salt, 1, 20, 0c60c80f961f0e71f3a9b524af6012062fe037a6",
        "HMAC_SHA1, password, salt, 2, 20, ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957",
        "HMAC_SHA1, password, salt, 4096, 20, 4b007901b765489abead49d926f721d065a429c1",
        "HMAC_SHA1, passwordPASSWORDpassword, saltSALTsaltSALTsaltSALTsaltSALTsalt, 4096, 25,"
                + " 3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038",
        "HMAC_SHA256, passwd, salt, 1, 64, 55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783",
    })
    void publishedTestVectors(Pbkdf2.Prf prf, String password, String salt, int iterations, int length, String hex) {
        byte[] derived = Pbkdf2.derive(prf, password.getBytes(StandardCharsets.US_ASCII),
                salt.getBytes(StandardCharsets.US_ASCII), iterations, length);
        assertThat(HexFormat.of().formatHex(derived)).isEqualTo(hex);
    }

    /**
     * Binary passphrases like mod_md's store key: bytes that are not UTF-8, the empty one, and
     * ones longer than a digest block (hashed first).
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 24, 48, 200})
    void sameAsBouncyCastleForBinaryPasswords(int passwordLength) {
        Random random = new Random(passwordLength);
        byte[] password = new byte[passwordLength];
        byte[] salt = new byte[8];
        random.nextBytes(password);
        random.nextBytes(salt);
        assertThat(Pbkdf2.derive(Pbkdf2.Prf.HMAC_SHA256, password, salt, 2048, 32))
                .isEqualTo(bouncyCastle(new SHA256Digest(), password, salt, 2048, 32));
        assertThat(Pbkdf2.derive(Pbkdf2.Prf.HMAC_SHA512, password, salt, 3, 100))
                .isEqualTo(bouncyCastle(new SHA512Digest(), password, salt, 3, 100));
    }

    private static byte[] bouncyCastle(Digest digest, byte[] password, byte[] salt, int iterations, int length) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
        generator.init(password, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(length * 8)).getKey();
    }
}
