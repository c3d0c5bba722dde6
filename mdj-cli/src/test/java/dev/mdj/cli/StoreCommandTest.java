package dev.mdj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.AccountJson;
import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.pem.KeyPairs;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** mdj store list / show / verify against a store written the way mod_md lays it out. */
class StoreCommandTest {

    private static final KeySpec RSA = new KeySpec.Rsa(2048);
    private static final String MD = "example.org";

    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();
    private Path storeDir;
    private X509Certificate cert;

    private static X509Certificate certificate(KeyPair pair, String... names) throws Exception {
        X500Name subject = new X500Name("CN=" + names[0]);
        Instant now = Instant.parse("2026-11-23T09:17:01Z");
        var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=Test CA"), BigInteger.valueOf(0x1A2B),
                Date.from(now), Date.from(now.plus(90, ChronoUnit.DAYS)), subject, pair.getPublic());
        GeneralName[] sans = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            sans[i] = new GeneralName(GeneralName.dNSName, names[i]);
        }
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    @BeforeEach
    void aStoreWithOneManagedDomain() throws Exception {
        storeDir = dir.resolve("md");
        FileStore store = FileStore.open(storeDir);
        KeyPair pair = KeyPairs.generate(RSA);
        cert = certificate(pair, MD, "www." + MD);
        store.save(StoreGroup.DOMAINS, MD, Aspect.MD_JSON, JsonFiles.readObject("""
                {"name": "example.org", "domains": ["example.org", "www.example.org"],
                 "contacts": ["mailto:admin@example.org"], "transitive": 1,
                 "ca": {"account": "ACME-localhost-0000", "proto": "ACME",
                        "url": "https://localhost:14000/dir", "urls": ["https://localhost:14000/dir"]},
                 "state": 2, "renew-mode": 1, "renew-window": "33%", "warn-window": "10%",
                 "must-staple": false, "proto": {"acme-tls/1": []}, "stapling": false,
                 "eab": {"kid": "kid-1", "hmac": "c2VjcmV0LWhtYWM"},
                 "profile-mandatory": false, "ari-renewals": true}"""));
        store.save(StoreGroup.DOMAINS, MD, Aspect.privateKey(RSA), pair.getPrivate());
        store.save(StoreGroup.DOMAINS, MD, Aspect.certificateChain(RSA), List.of(cert));
        store.save(StoreGroup.ACCOUNTS, "ACME-localhost-0000", Aspect.ACCOUNT_JSON,
                AccountJson.of("valid", "https://localhost:14000/my-account/1",
                        "https://localhost:14000/dir", List.of()).toJson());
        store.save(StoreGroup.ACCOUNTS, "ACME-localhost-0000", Aspect.ACCOUNT_KEY,
                KeyPairs.generate(new KeySpec.Rsa(3072)).getPrivate());
    }

    @Test
    void listShowsStateExpiryAndNames() {
        assertThat(run.mdj("store", "list", "--store", storeDir.toString())).isZero();
        assertThat(run.out()).contains("MD           STATE         VALID UNTIL           STAGED  NAMES")
                .contains("example.org  complete      2027-02-21 09:17 UTC  no      example.org www.example.org");
    }

    @Test
    void listAsJsonUsesModMdsFormats() {
        assertThat(run.mdj("store", "list", "--json", "--store", storeDir.toString())).isZero();
        JsonNode md = JsonFiles.mapper().readTree(run.out()).get(0);
        assertThat(md.get("name").asString()).isEqualTo(MD);
        assertThat(md.get("cert").get("rsa").get("serial").asString()).isEqualTo("1A2B");
        assertThat(md.get("cert").get("rsa").get("valid").get("until").asString())
                .isEqualTo("Sun, 21 Feb 2027 09:17:01 GMT");
        assertThat(md.get("staged").asBoolean()).isFalse();
    }

    @Test
    void showFindsAnMdByAnyOfItsNamesAndNeverPrintsTheEabHmac() {
        assertThat(run.mdj("store", "show", "www.example.org", "--store", storeDir.toString())).isZero();
        assertThat(run.out()).startsWith("example.org\n")
                .contains("CA:       https://localhost:14000/dir (account ACME-localhost-0000)")
                .contains("serial:  1A2B").contains("staged renewal: none")
                .doesNotContain("c2VjcmV0LWhtYWM");
        assertThat(run.mdj("store", "show", MD, "--json", "--store", storeDir.toString())).isZero();
        assertThat(run.out()).contains("\"account\" : \"ACME-localhost-0000\"").doesNotContain("c2VjcmV0LWhtYWM");
    }

    @Test
    void showOfAnUnknownMdIsOneLine() {
        assertThat(run.mdj("store", "show", "nope.example", "--store", storeDir.toString())).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mdj: no managed domain 'nope.example' in " + storeDir
                + " (example.org)" + System.lineSeparator());
    }

    @Test
    void verifyPassesASoundStore() {
        assertThat(run.mdj("store", "verify", "--store", storeDir.toString())).isZero();
        assertThat(run.out()).isEqualTo("store OK: 1 managed domain, 0 staged, 1 account in "
                + storeDir + System.lineSeparator());
    }

    @Test
    void verifyFindsAKeyThatDoesNotMatchAndKeysOthersCanRead() throws Exception {
        FileStore store = FileStore.openExisting(storeDir);
        store.save(StoreGroup.DOMAINS, MD, Aspect.privateKey(RSA), KeyPairs.generate(RSA).getPrivate());
        Files.setPosixFilePermissions(storeDir.resolve("domains/example.org/privkey.pem"),
                PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(run.mdj("store", "verify", "--store", storeDir.toString())).isEqualTo(1);
        assertThat(run.out())
                .contains("error: domains/example.org/privkey.pem: does not match the certificate in pubcert.pem")
                .contains("error: domains/example.org/privkey.pem: permissions are rw-r--r--, at most rw------- expected")
                .contains("2 errors in " + storeDir);
    }

    @Test
    void verifyReportsAnAccountKeyThatDoesNotDecrypt() throws IOException {
        Path accountKey = storeDir.resolve("accounts/ACME-localhost-0000/account.pem");
        String pem = Files.readString(accountKey);
        Files.writeString(accountKey, pem.replace(pem.substring(100, 110), "AAAAAAAAAA"));

        assertThat(run.mdj("store", "verify", "--store", storeDir.toString())).isEqualTo(1);
        assertThat(run.out()).contains("error: accounts/ACME-localhost-0000/account.pem: ");
    }

    @Test
    void theStoreComesFromTheConfigurationsMdStoreDir() throws IOException {
        Path conf = Files.writeString(dir.resolve("httpd.conf"), "MDStoreDir md\n");

        assertThat(run.mdj("store", "list", "-f", conf.toString())).isZero();
        assertThat(run.out()).contains("example.org  complete");
    }

    @Test
    void aDirectoryWithoutAStoreIsOneClearLine() {
        assertThat(run.mdj("store", "verify", "--store", dir.toString())).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mdj: no store in " + dir + ": md_store.json is missing"
                + System.lineSeparator());
    }

    @Test
    void activateMakesStagedSetsOfTheConfiguredDomainsLive() throws Exception {
        FileStore store = FileStore.openExisting(storeDir);
        KeyPair pair = KeyPairs.generate(RSA);
        ObjectNode staged = store.load(StoreGroup.DOMAINS, MD, Aspect.MD_JSON).orElseThrow();
        ((ObjectNode) staged.get("ca")).remove("account");
        store.save(StoreGroup.STAGING, MD, Aspect.MD_JSON, staged);
        store.save(StoreGroup.STAGING, MD, Aspect.privateKey(RSA), pair.getPrivate());
        store.save(StoreGroup.STAGING, MD, Aspect.certificateChain(RSA), List.of(certificate(pair, MD)));
        Path conf = Files.writeString(dir.resolve("httpd.conf"), "MDStoreDir md\nMDomain example.org www.example.org\n");

        assertThat(run.mdj("store", "list", "-f", conf.toString())).isZero();
        assertThat(run.out()).contains("  yes     ");
        assertThat(run.mdj("store", "activate", "-f", conf.toString())).isZero();
        assertThat(run.out()).contains("activated example.org\n1 activated, 0 failed, of 1 managed domains in " + storeDir);
        assertThat(store.load(StoreGroup.DOMAINS, MD, Aspect.privateKey(RSA))).contains(pair.getPrivate());
        assertThat(store.names(StoreGroup.ARCHIVE)).containsExactly(MD + ".1");
        assertThat(run.mdj("store", "verify", "--store", storeDir.toString())).isZero();
    }
}
