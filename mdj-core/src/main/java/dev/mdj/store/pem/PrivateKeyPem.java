package dev.mdj.store.pem;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Private keys in PEM, as mod_md stores them: plain PKCS#8 ({@code BEGIN PRIVATE KEY}) or
 * PKCS#8 encrypted with PBES2/PBKDF2/AES-CBC ({@code BEGIN ENCRYPTED PRIVATE KEY}) under a binary
 * passphrase (the 48 raw bytes of the store key, see {@link dev.mdj.store.StoreSecret}).
 *
 * <p>Writing matches OpenSSL 3's {@code PEM_write_bio_PKCS8PrivateKey} with AES-256-CBC:
 * PBKDF2 with hmacWithSHA256 (explicit, NULL parameters), 2048 iterations, 8-byte salt, no
 * keyLength field, 16-byte IV, 64-character base64 lines, LF line ends, trailing newline.
 * Reading also accepts hmacWithSHA1 (explicit or by default, as OpenSSL 1.0 wrote it), AES-128 and
 * AES-192, and the traditional unencrypted {@code RSA PRIVATE KEY} / {@code EC PRIVATE KEY} forms.
 * Keys are built with the JDK's key factories, PBKDF2 runs on the JDK's digests ({@link Pbkdf2});
 * Bouncy Castle is used for ASN.1 only and is not registered as a JCA provider.
 */
public final class PrivateKeyPem {

    static final String PLAIN = "PRIVATE KEY";
    static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";
    static final String RSA = "RSA PRIVATE KEY";
    static final String EC = "EC PRIVATE KEY";

    private static final List<String> KEY_LABELS = List.of(PLAIN, ENCRYPTED, RSA, EC);

    private PrivateKeyPem() {
    }

    /**
     * The key as an unencrypted PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}).
     *
     * @param key a key whose {@link PrivateKey#getEncoded()} is PKCS#8
     * @return the PEM text, ending in a newline
     */
    public static String encode(PrivateKey key) {
        return PemBlocks.encode(PLAIN, pkcs8(key));
    }

    /**
     * The key as an encrypted PKCS#8 PEM ({@code -----BEGIN ENCRYPTED PRIVATE KEY-----}), the way
     * mod_md (OpenSSL 3, AES-256-CBC) writes keys in its {@code accounts} and {@code staging} groups.
     *
     * @param key a key whose {@link PrivateKey#getEncoded()} is PKCS#8
     * @param passphrase the raw passphrase bytes (any bytes, including NUL and bytes above 0x7F)
     * @return the PEM text, ending in a newline
     */
    public static String encodeEncrypted(PrivateKey key, byte[] passphrase) {
        Objects.requireNonNull(passphrase, "passphrase");
        byte[] plain = pkcs8(key);
        try {
            return PemBlocks.encode(ENCRYPTED, Pbes2.encrypt(plain, passphrase));
        } finally {
            java.util.Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Whether the text holds an encrypted PKCS#8 key (its first key block is
     * {@code ENCRYPTED PRIVATE KEY}, or a traditional block with encryption headers).
     *
     * @param pem the PEM text
     * @return true if reading the key needs a passphrase
     */
    public static boolean isEncrypted(String pem) {
        PemBlocks.Block block = keyBlock(pem);
        return ENCRYPTED.equals(block.label()) || block.hasHeaders();
    }

    /**
     * Reads the first private key in the text.
     *
     * @param pem the PEM text
     * @param passphraseOrNull the raw passphrase bytes for an encrypted key; null if none is known
     * @return the key, built by the JDK's key factories (RSA or EC)
     * @throws PemException if the text holds no key, the key is encrypted and no passphrase was
     *     given, the passphrase is wrong, or the key is damaged or of an unsupported kind
     */
    public static PrivateKey decode(String pem, byte[] passphraseOrNull) {
        PemBlocks.Block block = keyBlock(pem);
        if (block.hasHeaders()) {
            throw new PemException("unsupported key format: traditional " + block.label()
                    + " with encryption headers (convert it to PKCS#8)");
        }
        PrivateKeyInfo info;
        switch (block.label()) {
            case ENCRYPTED -> {
                if (passphraseOrNull == null) {
                    throw new PemException("the key is encrypted");
                }
                byte[] plain = Pbes2.decrypt(block.der(), passphraseOrNull);
                try {
                    info = PrivateKeyInfo.getInstance(plain);
                } catch (RuntimeException e) {
                    // Padding can come out right by chance with a wrong key.
                    throw new PemException(Pbes2.DECRYPT_FAILED);
                } finally {
                    java.util.Arrays.fill(plain, (byte) 0);
                }
                return toKey(info, Pbes2.DECRYPT_FAILED);
            }
            case PLAIN -> info = parse(() -> PrivateKeyInfo.getInstance(block.der()));
            case RSA -> info = parse(() -> new PrivateKeyInfo(
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
                    RSAPrivateKey.getInstance(block.der())));
            case EC -> info = parse(() -> {
                ECPrivateKey ec = ECPrivateKey.getInstance(block.der());
                if (ec.getParametersObject() == null) {
                    throw new IllegalArgumentException("no curve");
                }
                return new PrivateKeyInfo(
                        new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()), ec);
            });
            default -> throw new IllegalStateException(block.label());
        }
        return toKey(info, "damaged key: cannot read the " + block.label());
    }

    private interface InfoParser {
        PrivateKeyInfo parse() throws Exception;
    }

    private static PrivateKeyInfo parse(InfoParser parser) {
        try {
            return parser.parse();
        } catch (Exception e) {
            throw new PemException("damaged key: not a valid private key structure", e);
        }
    }

    private static PrivateKey toKey(PrivateKeyInfo info, String failure) {
        String oid = info.getPrivateKeyAlgorithm().getAlgorithm().getId();
        String algorithm;
        if (oid.equals(PKCSObjectIdentifiers.rsaEncryption.getId())) {
            algorithm = "RSA";
        } else if (oid.equals(X9ObjectIdentifiers.id_ecPublicKey.getId())) {
            algorithm = "EC";
        } else {
            throw new PemException("unsupported key algorithm " + oid + " (RSA and EC are supported)");
        }
        try {
            return KeyFactory.getInstance(algorithm)
                    .generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded(ASN1Encoding.DER)));
        } catch (Exception e) {
            throw new PemException(failure, e);
        }
    }

    private static PemBlocks.Block keyBlock(String pem) {
        List<PemBlocks.Block> blocks = PemBlocks.parse(pem);
        if (blocks.isEmpty()) {
            throw new PemException("not PEM: no -----BEGIN ...----- block found");
        }
        return blocks.stream().filter(b -> KEY_LABELS.contains(b.label())).findFirst()
                .orElseThrow(() -> new PemException("no private key in PEM: found " + blocks.getFirst().label()
                        + " instead"));
    }

    private static byte[] pkcs8(PrivateKey key) {
        Objects.requireNonNull(key, "key");
        byte[] der = key.getEncoded();
        if (der == null || !"PKCS#8".equals(key.getFormat())) {
            throw new PemException("cannot write the key: " + key.getAlgorithm() + " key has no PKCS#8 encoding");
        }
        return der;
    }
}
