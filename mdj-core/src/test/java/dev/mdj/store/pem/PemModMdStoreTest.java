package dev.mdj.store.pem;

import static dev.mdj.store.pem.PemTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.store.StoreSecret;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keys and certificates from stores written by the real mod_md 2.6 (captured reference runs). */
class PemModMdStoreTest {

    private static byte[] secret(String scenario) {
        return StoreSecret.parse(resource("modmd-store/" + scenario + "/md_store.json")).passphrase();
    }

    private static PrivateKey key(String scenario, String file, byte[] pass) {
        return PrivateKeyPem.decode(resource("modmd-store/" + scenario + "/" + file), pass);
    }

    private static List<X509Certificate> chain(String scenario, String file) {
        return CertificatePem.decodeChain(resource("modmd-store/" + scenario + "/" + file));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-basic", "c-keytypes"})
    void accountKeysDecryptAndAreRsa3072(String scenario) {
        byte[] pass = secret(scenario);
        for (String f : List.of("accounts/account.pem", "staging/account.pem")) {
            assertThat(PrivateKeyPem.isEncrypted(resource("modmd-store/" + scenario + "/" + f))).isTrue();
            PrivateKey k = key(scenario, f, pass);
            assertThat(k).isInstanceOf(RSAPrivateKey.class);
            assertThat(((RSAPrivateKey) k).getModulus().bitLength()).isEqualTo(3072);
        }
        assertThat(key(scenario, "accounts/account.pem", pass).getEncoded())
                .isEqualTo(key(scenario, "staging/account.pem", pass).getEncoded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-basic/-", "c-keytypes/-", "c-keytypes/.secp256r1"})
    void stagedKeysDecryptAndMatchTheirCertificates(String arg) {
        String scenario = arg.substring(0, arg.indexOf('/'));
        String suffix = arg.endsWith("-") ? "" : arg.substring(arg.indexOf('/') + 1);
        byte[] pass = secret(scenario);
        PrivateKey staged = key(scenario, "staging/privkey" + suffix + ".pem", pass);
        List<X509Certificate> stagedChain = chain(scenario, "staging/pubcert" + suffix + ".pem");
        assertThat(stagedChain).hasSize(2);
        assertThat(KeyPairs.matches(staged, stagedChain.getFirst())).isTrue();
        assertThat(KeyPairs.matches(staged, stagedChain.get(1))).isFalse();

        String domainsPem = resource("modmd-store/" + scenario + "/domains/privkey" + suffix + ".pem");
        assertThat(PrivateKeyPem.isEncrypted(domainsPem)).isFalse();
        PrivateKey domains = PrivateKeyPem.decode(domainsPem, null);
        List<X509Certificate> domainsChain = chain(scenario, "domains/pubcert" + suffix + ".pem");
        assertThat(KeyPairs.matches(domains, domainsChain.getFirst())).isTrue();
        // activation copied staging to domains: same key, decrypted
        assertThat(KeyPairs.matches(staged, domainsChain.getFirst())).isTrue();
        if (suffix.isEmpty()) {
            assertThat(((RSAPrivateKey) staged).getModulus().bitLength()).isEqualTo(2048);
        } else {
            assertThat(((ECPrivateKey) staged).getParams().getOrder().bitLength()).isEqualTo(256);
        }
        // leaf then intermediate: the leaf was issued by the second certificate
        assertThat(domainsChain.getFirst().getIssuerX500Principal())
                .isEqualTo(domainsChain.get(1).getSubjectX500Principal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-basic", "c-keytypes"})
    void wrongSecretFailsClearly(String scenario) {
        byte[] other = secret(scenario.equals("a-basic") ? "c-keytypes" : "a-basic");
        assertThatThrownBy(() -> key(scenario, "accounts/account.pem", other))
                .isInstanceOf(PemException.class)
                .hasMessage("cannot decrypt the key: wrong store key or damaged file");
        assertThatThrownBy(() -> key(scenario, "staging/privkey.pem", null))
                .isInstanceOf(PemException.class).hasMessage("the key is encrypted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-basic/domains/pubcert.pem", "a-basic/staging/pubcert.pem",
            "c-keytypes/domains/pubcert.secp256r1.pem", "c-keytypes/staging/pubcert.pem"})
    void chainsReEncodeByteForByte(String file) {
        String pem = resource("modmd-store/" + file);
        assertThat(CertificatePem.encodeChain(CertificatePem.decodeChain(pem))).isEqualTo(pem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-basic/domains/privkey.pem", "c-keytypes/domains/privkey.pem"})
    void plainRsaKeysReEncodeByteForByte(String file) {
        String pem = resource("modmd-store/" + file);
        assertThat(PrivateKeyPem.encode(PrivateKeyPem.decode(pem, null))).isEqualTo(pem);
    }
}
