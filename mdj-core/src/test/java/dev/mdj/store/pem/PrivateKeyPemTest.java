package dev.mdj.store.pem;

import static dev.mdj.store.pem.PemTestSupport.binaryPassphrase;
import static dev.mdj.store.pem.PemTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrivateKeyPemTest {

    @ParameterizedTest
    @ValueSource(strings = {"rsa2048", "rsa3072", "P-256", "P-384", "P-521"})
    void plainRoundTrip(String s) {
        KeyPair pair = KeyPairs.generate(spec(s));
        String pem = PrivateKeyPem.encode(pair.getPrivate());
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertOpenSslLayout(pem);
        assertThat(PrivateKeyPem.isEncrypted(pem)).isFalse();
        PrivateKey back = PrivateKeyPem.decode(pem, null);
        assertThat(back.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        // a passphrase given for a plain key is ignored
        assertThat(PrivateKeyPem.decode(pem, binaryPassphrase()).getEncoded()).isEqualTo(back.getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa2048", "rsa3072", "P-256", "P-384", "P-521"})
    void encryptedRoundTripWithBinaryPassphrase(String s) {
        KeyPair pair = KeyPairs.generate(spec(s));
        byte[] pass = binaryPassphrase();
        String pem = PrivateKeyPem.encodeEncrypted(pair.getPrivate(), pass);
        assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n")
                .endsWith("-----END ENCRYPTED PRIVATE KEY-----\n");
        assertOpenSslLayout(pem);
        assertThat(PrivateKeyPem.isEncrypted(pem)).isTrue();
        assertThat(PrivateKeyPem.decode(pem, pass).getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
        assertThat(pass).isEqualTo(binaryPassphrase()); // not modified
    }

    @Test
    void encryptionIsSaltedEachTime() {
        PrivateKey key = KeyPairs.generate(spec("P-256")).getPrivate();
        assertThat(PrivateKeyPem.encodeEncrypted(key, binaryPassphrase()))
                .isNotEqualTo(PrivateKeyPem.encodeEncrypted(key, binaryPassphrase()));
    }

    @Test
    void passphrasesDifferingOnlyAfterNulOrInHighBytesAreDistinct() {
        PrivateKey key = KeyPairs.generate(spec("P-256")).getPrivate();
        byte[] pass = binaryPassphrase();
        String pem = PrivateKeyPem.encodeEncrypted(key, pass);
        byte[] afterNul = pass.clone();
        afterNul[30] ^= 1; // differs only after the NUL at index 24
        byte[] high = pass.clone();
        high[1] = (byte) 0xFE;
        for (byte[] wrong : List.of(afterNul, high, Arrays.copyOf(pass, 24), new byte[0])) {
            assertThatThrownBy(() -> PrivateKeyPem.decode(pem, wrong))
                    .isInstanceOf(PemException.class)
                    .hasMessage("cannot decrypt the key: wrong store key or damaged file");
        }
    }

    @Test
    void encryptedWithoutPassphrase() {
        String pem = PrivateKeyPem.encodeEncrypted(KeyPairs.generate(spec("P-256")).getPrivate(), binaryPassphrase());
        assertThatThrownBy(() -> PrivateKeyPem.decode(pem, null))
                .isInstanceOf(PemException.class).hasMessage("the key is encrypted");
    }

    @Test
    void wrongPassphraseNeverSucceedsAndMessageHasNoSecrets() {
        // Many attempts: a wrong key yields valid padding about 1 time in 256; that must still fail.
        PrivateKey key = KeyPairs.generate(spec("P-256")).getPrivate();
        String pem = PrivateKeyPem.encodeEncrypted(key, binaryPassphrase());
        for (int i = 0; i < 600; i++) {
            byte[] wrong = {(byte) i, (byte) (i >> 8), 1, 2, 3};
            assertThatThrownBy(() -> PrivateKeyPem.decode(pem, wrong))
                    .isInstanceOf(PemException.class)
                    .hasMessage("cannot decrypt the key: wrong store key or damaged file");
        }
    }

    @Test
    void damagedCiphertext() {
        String pem = PrivateKeyPem.encodeEncrypted(KeyPairs.generate(spec("P-256")).getPrivate(), binaryPassphrase());
        String[] lines = pem.split("\n");
        int last = lines.length - 3; // a full line of ciphertext, well after the parameters
        char[] line = lines[last].toCharArray();
        line[10] = line[10] == 'A' ? 'B' : 'A';
        lines[last] = new String(line);
        String damaged = String.join("\n", lines) + "\n";
        assertThatThrownBy(() -> PrivateKeyPem.decode(damaged, binaryPassphrase()))
                .isInstanceOf(PemException.class)
                .hasMessageStartingWith("cannot decrypt the key")
                .message().doesNotContain("org.bouncycastle");
    }

    @Test
    void notPem() {
        assertThatThrownBy(() -> PrivateKeyPem.decode("hello", null))
                .isInstanceOf(PemException.class).hasMessageStartingWith("not PEM");
        assertThatThrownBy(() -> PrivateKeyPem.decode("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", null))
                .isInstanceOf(PemException.class).hasMessage("no private key in PEM: found CERTIFICATE instead");
        assertThatThrownBy(() -> PrivateKeyPem.decode("-----BEGIN PRIVATE KEY-----\nAA!A\n-----END PRIVATE KEY-----\n", null))
                .isInstanceOf(PemException.class).hasMessageContaining("not valid base64");
        assertThatThrownBy(() -> PrivateKeyPem.decode("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", null))
                .isInstanceOf(PemException.class).hasMessageStartingWith("damaged key");
    }

    @Test
    void traditionalRsaAndEcForms() throws Exception {
        KeyPair rsa = KeyPairs.generate(spec("rsa2048"));
        byte[] rsaDer = PrivateKeyInfo.getInstance(rsa.getPrivate().getEncoded()).parsePrivateKey()
                .toASN1Primitive().getEncoded();
        String rsaPem = PemBlocks.encode("RSA PRIVATE KEY", rsaDer);
        assertThat(PrivateKeyPem.isEncrypted(rsaPem)).isFalse();
        assertThat(PrivateKeyPem.decode(rsaPem, null).getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());

        KeyPair ec = KeyPairs.generate(spec("P-384"));
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        byte[] ecDer = new ECPrivateKey(384, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters())
                .getEncoded();
        // OpenSSL's `ecparam -genkey` writes an EC PARAMETERS block first
        String ecPem = "-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n"
                + PemBlocks.encode("EC PRIVATE KEY", ecDer);
        java.security.interfaces.ECPrivateKey back =
                (java.security.interfaces.ECPrivateKey) PrivateKeyPem.decode(ecPem, null);
        assertThat(back.getS()).isEqualTo(((java.security.interfaces.ECPrivateKey) ec.getPrivate()).getS());
        assertThat(KeyPairs.matches(back, PemTestSupport.selfSigned(ec))).isTrue();
    }

    @Test
    void legacyEncryptedTraditionalFormIsRefusedClearly() {
        String pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-256-CBC,00112233445566778899AABBCCDDEEFF\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";
        assertThat(PrivateKeyPem.isEncrypted(pem)).isTrue();
        assertThatThrownBy(() -> PrivateKeyPem.decode(pem, binaryPassphrase()))
                .isInstanceOf(PemException.class).hasMessageContaining("encryption headers");
    }

    @Test
    void crlfAndSurroundingTextAreTolerated() {
        KeyPair pair = KeyPairs.generate(spec("P-256"));
        String pem = "some comment\r\n" + PrivateKeyPem.encodeEncrypted(pair.getPrivate(), binaryPassphrase())
                .replace("\n", "\r\n") + "trailer";
        assertThat(PrivateKeyPem.decode(pem, binaryPassphrase()).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
    }

    /** 64-character base64 lines, LF only, last body line shorter or equal, trailing newline. */
    static void assertOpenSslLayout(String pem) {
        assertThat(pem).doesNotContain("\r").endsWith("-----\n");
        String[] lines = pem.split("\n");
        for (int i = 1; i < lines.length - 1; i++) {
            if (i < lines.length - 2) {
                assertThat(lines[i]).hasSize(64);
            } else {
                assertThat(lines[i].length()).isBetween(1, 64);
            }
            Base64.getDecoder().decode(lines[i]);
        }
    }
}
