package dev.mdj.store.pem;

import static dev.mdj.store.pem.PemTestSupport.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Interop with OpenSSL's libcrypto (the library mod_md uses, called through ctypes with the same
 * {@code PEM_write_bio_PKCS8PrivateKey(..., EVP_aes_256_cbc(), ...)} call), with Python's
 * {@code cryptography}, and with the {@code openssl pkcs8} command for other PRFs and ciphers.
 * Skipped when python3 with cryptography is not installed.
 */
class PemOpenSslInteropTest {

    @TempDir
    static Path dir;
    private static Path script;

    @BeforeAll
    static void setUp() throws Exception {
        Result r = run(null, "python3", "-c", "import cryptography, ctypes.util; "
                + "assert ctypes.util.find_library('crypto')");
        assumeTrue(r != null && r.rc == 0, "python3 with cryptography and libcrypto needed");
        script = dir.resolve("pkcs8_interop.py");
        Files.writeString(script, PemTestSupport.resource("interop/pkcs8_interop.py"));
    }

    private record Result(int rc, String out, String err) {
    }

    private static Result run(String stdin, String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            return null;
        }
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.US_ASCII));
        }
        p.getOutputStream().close();
        var out = p.getInputStream().readAllBytes();
        var err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.US_ASCII),
                new String(err, StandardCharsets.US_ASCII));
    }

    private static byte[] storeLikePassphrase() {
        byte[] p = new byte[48];
        new SecureRandom().nextBytes(p);
        p[0] = 0x00;
        p[1] = (byte) 0xFF;
        p[20] = 0x00;
        return p;
    }

    private static String helper(String mode, byte[] pass, String pem) throws Exception {
        Result r = run(pem, "python3", script.toString(), mode, HexFormat.of().formatHex(pass));
        assertThat(r.rc).as(mode + ": " + r.err).isZero();
        return r.out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa2048", "P-256", "P-384", "P-521"})
    void javaEncryptsLibcryptoAndCryptographyDecrypt(String s) throws Exception {
        KeyPair pair = KeyPairs.generate(spec(s));
        byte[] pass = storeLikePassphrase();
        String encrypted = PrivateKeyPem.encodeEncrypted(pair.getPrivate(), pass);
        for (String mode : List.of("libcrypto-decrypt", "cryptography-decrypt")) {
            String plain = helper(mode, pass, encrypted);
            var back = PrivateKeyPem.decode(plain, null);
            // OpenSSL-style EC PKCS#8 carries the optional public key, the JDK's does not: compare
            // the key itself, not the encoding.
            assertThat(KeyPairs.matches(back, PemTestSupport.selfSigned(pair))).as(mode).isTrue();
            if (s.startsWith("rsa")) {
                assertThat(plain).as(mode).isEqualTo(PrivateKeyPem.encode(pair.getPrivate()));
            }
        }
        byte[] wrong = pass.clone();
        wrong[47] ^= 1;
        Result r = run(encrypted, "python3", script.toString(), "libcrypto-decrypt", HexFormat.of().formatHex(wrong));
        assertThat(r.rc).isNotZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa3072", "P-256", "P-521"})
    void libcryptoEncryptsLikeModMdAndJavaDecrypts(String s) throws Exception {
        KeyPair pair = KeyPairs.generate(spec(s));
        byte[] pass = storeLikePassphrase();
        String encrypted = helper("libcrypto-encrypt", pass, PrivateKeyPem.encode(pair.getPrivate()));
        assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        var back = PrivateKeyPem.decode(encrypted, pass);
        assertThat(KeyPairs.matches(back, PemTestSupport.selfSigned(pair))).isTrue();
        // and our output has the very same layout (line lengths, total length) as libcrypto's
        String ours = PrivateKeyPem.encodeEncrypted(pair.getPrivate(), pass);
        assertThat(ours.length()).isEqualTo(encrypted.length());
        assertThat(ours.lines().map(String::length).toList())
                .isEqualTo(encrypted.lines().map(String::length).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "-v2 aes-256-cbc -v2prf hmacWithSHA256",
        "-v2 aes-128-cbc -v2prf hmacWithSHA1",
        "-v2 aes-192-cbc -v2prf hmacWithSHA512",
        "-v2 aes-256-cbc -v2prf hmacWithSHA1 -iter 1000"})
    void opensslPkcs8Variants(String options) throws Exception {
        Result version = run(null, "openssl", "version");
        assumeTrue(version != null && version.rc == 0, "openssl command needed");
        KeyPair pair = KeyPairs.generate(spec("P-256"));
        Path pw = dir.resolve("pw.txt");
        Files.writeString(pw, "s3cret-ASCII\n");
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl", "pkcs8", "-topk8", "-passout", "file:" + pw));
        cmd.addAll(List.of(options.split(" ")));
        Result r = run(PrivateKeyPem.encode(pair.getPrivate()), cmd.toArray(String[]::new));
        assertThat(r.rc).as(r.err).isZero();
        assertThat(PrivateKeyPem.decode(r.out, "s3cret-ASCII".getBytes(StandardCharsets.US_ASCII)).getEncoded())
                .isEqualTo(PrivateKeyPem.decode(PrivateKeyPem.encode(pair.getPrivate()), null).getEncoded());
    }

    @Test
    void defaultPrfSha1WithoutPrfField() throws Exception {
        // OpenSSL 1.0 wrote PBKDF2-params without prf (default hmacWithSHA1); openssl 3 does the same
        // when asked for hmacWithSHA1, which the test above covers; check the field really is absent.
        Result version = run(null, "openssl", "version");
        assumeTrue(version != null && version.rc == 0, "openssl command needed");
        KeyPair pair = KeyPairs.generate(spec("rsa2048"));
        Result r = run(PrivateKeyPem.encode(pair.getPrivate()), "openssl", "pkcs8", "-topk8", "-passout", "pass:x",
                "-v2", "aes-256-cbc", "-v2prf", "hmacWithSHA1");
        assertThat(r.rc).as(r.err).isZero();
        var info = org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo.getInstance(PemBlocks.parse(r.out).getFirst().der());
        var kdf = org.bouncycastle.asn1.pkcs.PBKDF2Params.getInstance(
                org.bouncycastle.asn1.pkcs.PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters())
                        .getKeyDerivationFunc().getParameters());
        assertThat(kdf.isDefaultPrf()).isTrue();
        assertThat(PrivateKeyPem.decode(r.out, "x".getBytes(StandardCharsets.US_ASCII)).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
    }
}
