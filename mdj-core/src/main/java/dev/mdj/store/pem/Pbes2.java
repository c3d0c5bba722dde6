package dev.mdj.store.pem;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * PKCS#5 v2 (PBES2 + PBKDF2 + AES-CBC) encryption of a PKCS#8 PrivateKeyInfo with a binary
 * passphrase, as OpenSSL's {@code PEM_write_bio_PKCS8PrivateKey(..., EVP_aes_256_cbc(), ...)}.
 * The key is derived from the raw passphrase bytes; JCE's char[]-based PBE is not used.
 */
final class Pbes2 {

    /** OpenSSL's PKCS5_DEFAULT_ITER. */
    static final int ITERATIONS = 2048;
    /** OpenSSL's PKCS5_SALT_LEN. */
    static final int SALT_LENGTH = 8;
    static final int IV_LENGTH = 16;
    /** Refuse absurd counts in a damaged or hostile file rather than spin for hours. */
    static final int MAX_ITERATIONS = 10_000_000;

    static final String DECRYPT_FAILED = "cannot decrypt the key: wrong store key or damaged file";

    private static final AlgorithmIdentifier HMAC_SHA1 =
            new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA1, DERNull.INSTANCE);

    private static final Map<ASN1ObjectIdentifier, Integer> AES_KEY_BYTES = Map.of(
            NISTObjectIdentifiers.id_aes128_CBC, 16,
            NISTObjectIdentifiers.id_aes192_CBC, 24,
            NISTObjectIdentifiers.id_aes256_CBC, 32);

    private static final Map<ASN1ObjectIdentifier, Pbkdf2.Prf> PRFS = Map.of(
            PKCSObjectIdentifiers.id_hmacWithSHA1, Pbkdf2.Prf.HMAC_SHA1,
            PKCSObjectIdentifiers.id_hmacWithSHA224, Pbkdf2.Prf.HMAC_SHA224,
            PKCSObjectIdentifiers.id_hmacWithSHA256, Pbkdf2.Prf.HMAC_SHA256,
            PKCSObjectIdentifiers.id_hmacWithSHA384, Pbkdf2.Prf.HMAC_SHA384,
            PKCSObjectIdentifiers.id_hmacWithSHA512, Pbkdf2.Prf.HMAC_SHA512);

    private static final SecureRandom RANDOM = new SecureRandom();

    private Pbes2() {
    }

    /** DER of an EncryptedPrivateKeyInfo wrapping {@code pkcs8} (DER of a PrivateKeyInfo). */
    static byte[] encrypt(byte[] pkcs8, byte[] passphrase) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        // OpenSSL writes no keyLength in PBKDF2-params for AES (fixed key size) and an explicit
        // prf with NULL parameters (it is not the hmacWithSHA1 default).
        PBKDF2Params kdfParams = new PBKDF2Params(salt, ITERATIONS,
                new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE));
        PBES2Parameters pbes2 = new PBES2Parameters(
                new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, kdfParams),
                new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
        byte[] key = Pbkdf2.derive(Pbkdf2.Prf.HMAC_SHA256, passphrase, salt, ITERATIONS, 32);
        byte[] encrypted;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            encrypted = cipher.doFinal(pkcs8);
        } catch (GeneralSecurityException e) {
            throw new PemException("cannot encrypt the key: " + e.getClass().getSimpleName(), e);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        try {
            return new EncryptedPrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, pbes2), encrypted)
                    .getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new PemException("cannot encode the encrypted key", e);
        }
    }

    /** The PrivateKeyInfo DER inside an EncryptedPrivateKeyInfo. */
    static byte[] decrypt(byte[] der, byte[] passphrase) {
        EncryptedPrivateKeyInfo info;
        PBES2Parameters pbes2;
        try {
            info = EncryptedPrivateKeyInfo.getInstance(der);
        } catch (RuntimeException e) {
            throw new PemException("damaged encrypted key: not a PKCS#8 EncryptedPrivateKeyInfo", e);
        }
        AlgorithmIdentifier alg = info.getEncryptionAlgorithm();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(alg.getAlgorithm())) {
            throw new PemException("unsupported key encryption " + alg.getAlgorithm().getId()
                    + " (only PKCS#5 v2 / PBES2 is supported)");
        }
        try {
            pbes2 = PBES2Parameters.getInstance(alg.getParameters());
        } catch (RuntimeException e) {
            throw new PemException("damaged encrypted key: bad PBES2 parameters", e);
        }
        KeyDerivationFunc kdf = pbes2.getKeyDerivationFunc();
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw new PemException("unsupported key derivation " + kdf.getAlgorithm().getId()
                    + " (only PBKDF2 is supported)");
        }
        EncryptionScheme scheme = pbes2.getEncryptionScheme();
        Integer keyBytes = AES_KEY_BYTES.get(scheme.getAlgorithm());
        if (keyBytes == null) {
            throw new PemException("unsupported key cipher " + scheme.getAlgorithm().getId()
                    + " (AES-128/192/256-CBC are supported)");
        }
        PBKDF2Params params;
        byte[] iv;
        try {
            params = PBKDF2Params.getInstance(kdf.getParameters());
            iv = ASN1OctetString.getInstance(scheme.getParameters()).getOctets();
        } catch (RuntimeException e) {
            throw new PemException("damaged encrypted key: bad PBKDF2 or cipher parameters", e);
        }
        if (iv.length != IV_LENGTH) {
            throw new PemException("damaged encrypted key: AES-CBC IV is " + iv.length + " bytes");
        }
        if (params.getKeyLength() != null && params.getKeyLength().intValue() != keyBytes) {
            throw new PemException("damaged encrypted key: PBKDF2 key length does not match the cipher");
        }
        AlgorithmIdentifier prf = params.getPrf() == null ? HMAC_SHA1 : params.getPrf();
        Pbkdf2.Prf hmac = prf(prf.getAlgorithm());
        java.math.BigInteger count = params.getIterationCount();
        if (count.signum() <= 0 || count.compareTo(java.math.BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
            throw new PemException("damaged encrypted key: unreasonable PBKDF2 iteration count " + count);
        }
        int iterations = count.intValue();
        byte[] key = Pbkdf2.derive(hmac, passphrase, params.getSalt(), iterations, keyBytes);
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(info.getEncryptedData());
        } catch (GeneralSecurityException e) {
            throw new PemException(DECRYPT_FAILED);
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
    }

    private static Pbkdf2.Prf prf(ASN1ObjectIdentifier oid) {
        Pbkdf2.Prf prf = PRFS.get(oid);
        if (prf == null) {
            throw new PemException("unsupported PBKDF2 pseudo-random function " + oid.getId());
        }
        return prf;
    }
}
