package dev.mdj.store.pem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.junit.jupiter.api.Test;

/**
 * The AlgorithmIdentifier of our EncryptedPrivateKeyInfo is byte-for-byte the one mod_md (OpenSSL 3,
 * AES-256-CBC) writes, apart from the random salt and IV.
 */
class PemEncryptedKeyStructureTest {

    /** DER of the encryption AlgorithmIdentifier with salt and IV zeroed out. */
    private static byte[] maskedAlgorithm(String pem) throws Exception {
        EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(PemBlocks.parse(pem).getFirst().der());
        byte[] der = info.getEncryptionAlgorithm().getEncoded("DER");
        PBES2Parameters p = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        byte[] salt = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters()).getSalt();
        byte[] iv = ASN1OctetString.getInstance(p.getEncryptionScheme().getParameters()).getOctets();
        String hex = HexFormat.of().formatHex(der);
        for (byte[] random : List.of(salt, iv)) {
            String r = HexFormat.of().formatHex(random);
            assertThat(hex).containsOnlyOnce(r);
            hex = hex.replace(r, "00".repeat(random.length));
        }
        return HexFormat.of().parseHex(hex);
    }

    @Test
    void sameAlgorithmParametersAsModMd() throws Exception {
        String ours = PrivateKeyPem.encodeEncrypted(
                KeyPairs.generate(PemTestSupport.spec("rsa3072")).getPrivate(), PemTestSupport.binaryPassphrase());
        for (String modmd : List.of("modmd-store/a-basic/accounts/account.pem",
                "modmd-store/a-basic/staging/privkey.pem",
                "modmd-store/c-keytypes/staging/privkey.secp256r1.pem")) {
            assertThat(HexFormat.of().formatHex(maskedAlgorithm(ours)))
                    .as(modmd)
                    .isEqualTo(HexFormat.of().formatHex(maskedAlgorithm(PemTestSupport.resource(modmd))));
        }
    }

    @Test
    void expectedFieldValues() {
        String pem = PrivateKeyPem.encodeEncrypted(
                KeyPairs.generate(PemTestSupport.spec("P-256")).getPrivate(), PemTestSupport.binaryPassphrase());
        EncryptedPrivateKeyInfo info = EncryptedPrivateKeyInfo.getInstance(PemBlocks.parse(pem).getFirst().der());
        assertThat(info.getEncryptionAlgorithm().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBES2);
        PBES2Parameters p = PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
        assertThat(p.getKeyDerivationFunc().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_PBKDF2);
        PBKDF2Params kdf = PBKDF2Params.getInstance(p.getKeyDerivationFunc().getParameters());
        assertThat(kdf.getSalt()).hasSize(8);
        assertThat(kdf.getIterationCount().intValue()).isEqualTo(2048);
        assertThat(kdf.getKeyLength()).as("keyLength field").isNull();
        assertThat(kdf.getPrf().getAlgorithm()).isEqualTo(PKCSObjectIdentifiers.id_hmacWithSHA256);
        assertThat(p.getEncryptionScheme().getAlgorithm().getId()).isEqualTo("2.16.840.1.101.3.4.1.42");
        assertThat(ASN1OctetString.getInstance(p.getEncryptionScheme().getParameters()).getOctets()).hasSize(16);
        assertThat(info.getEncryptedData().length % 16).isZero();
    }
}
