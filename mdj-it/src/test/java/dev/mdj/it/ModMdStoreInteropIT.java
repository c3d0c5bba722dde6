package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.testing.ApacheHttpd;
import dev.mdj.testing.FreePorts;
import dev.mdj.testing.PebbleServer;
import dev.mdj.testing.Pem;
import dev.mdj.testing.Processes;
import dev.mdj.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mdj and the real mod_md share one store, in both directions: mdj reads what mod_md obtained
 * and activated, and mod_md activates what mdj staged. Needs root, apache2 (with mod_md) and
 * pebble; skipped otherwise.
 */
class ModMdStoreInteropIT {

    static final String MD = "test1.example.org";
    static final List<String> NAMES = List.of(MD, "www." + MD);
    static final Pattern FINISHED = Pattern.compile("\"finished\"\\s*:\\s*true");

    /** mod_md's a-basic scenario (reference/templates/a-basic.conf.in) on the test's ports. */
    static final String A_BASIC = """
            MDomain test1.example.org www.test1.example.org

            <VirtualHost *:@HTTP_PORT@>
                ServerName test1.example.org
                ServerAlias www.test1.example.org
            </VirtualHost>
            <VirtualHost *:@HTTPS_PORT@>
                ServerName test1.example.org
                ServerAlias www.test1.example.org
                SSLEngine on
            </VirtualHost>
            """;

    static int httpPort;
    static int httpsPort;
    static PebbleServer pebble;

    @BeforeAll
    static void startPebble(@TempDir Path acmeDir) {
        Assumptions.assumeTrue(ApacheHttpd.available(),
                "needs root and /usr/sbin/apache2 with mod_md (bash .ci/run installs them)");
        int[] ports = FreePorts.find(2);
        httpPort = ports[0];
        httpsPort = ports[1];
        pebble = PebbleServer.start(acmeDir, httpPort, httpsPort);
    }

    @AfterAll
    static void stopPebble() {
        if (pebble != null) {
            pebble.close();
        }
    }

    @Test
    void mdjOpensAStoreThatModMdCreatedAndActivated() throws Exception {
        try (ApacheHttpd httpd = ApacheHttpd.create(pebble, httpPort, httpsPort, A_BASIC)) {
            Path store = httpd.storeDir();
            httpd.start();
            Path job = store.resolve("staging").resolve(MD).resolve("job.json");
            assertThat(Processes.waitFor(Duration.ofSeconds(60),
                    () -> FINISHED.matcher(read(job)).find()))
                    .as("mod_md renews %s into staging (job.json finished)\n%s\n%s", MD, httpd.errorLogTail(),
                            pebble.logs())
                    .isTrue();

            httpd.graceful();
            Path pubcert = store.resolve("domains").resolve(MD).resolve("pubcert.pem");
            assertThat(httpd.waitForFile(pubcert, Duration.ofSeconds(30)))
                    .as("graceful activates the staged set into %s\n%s", pubcert, httpd.errorLogTail())
                    .isTrue();
            AtomicReference<List<X509Certificate>> served = new AtomicReference<>();
            boolean pebbleIssued = Processes.waitFor(Duration.ofSeconds(20), () -> {
                served.set(httpd.servedChain(MD));
                return served.get().get(0).getIssuerX500Principal().getName().contains("Pebble");
            });
            assertThat(pebbleIssued)
                    .as("openssl s_client -servername %s shows a Pebble-issued certificate; served: %s\n%s",
                            MD, served.get() == null ? "nothing" : served.get().get(0).getSubjectX500Principal()
                                    + " issued by " + served.get().get(0).getIssuerX500Principal(),
                            httpd.errorLogTail())
                    .isTrue();
            List<X509Certificate> chain = served.get();
            X509Certificate leaf = chain.get(0);
            assertThat(dnsNames(leaf)).containsExactlyInAnyOrderElementsOf(NAMES);
            assertThat(chain).hasSize(2);
            leaf.verify(chain.get(1).getPublicKey());
            chain.get(1).verify(pebble.issuingRoot().getPublicKey());
            assertThat(Pem.readCertificates(pubcert).get(0)).isEqualTo(leaf);
            httpd.stop();

            // What mod_md left, as files
            assertThat(store.resolve("md_store.json")).isRegularFile();
            assertThat(store.resolve("accounts/ACME-localhost-0000/account.json")).isRegularFile();
            assertThat(store.resolve("accounts/ACME-localhost-0000/account.pem")).isRegularFile();
            assertThat(store.resolve("archive/" + MD + ".1")).isDirectory();
            assertThat(store.resolve("staging/" + MD)).doesNotExist();

            MdjSide.readsModMdStore(store, MD, NAMES, leaf);
        }
    }

    @Test
    void modMdActivatesWhatMdjStaged(@TempDir Path pkiDir) throws Exception {
        TestPki pki = TestPki.create(pkiDir, "mdj interop test CA");
        TestPki.Leaf leaf = pki.issue("test1", NAMES);
        X509Certificate cert = leaf.certificate();
        List<X509Certificate> chain = List.of(cert, pki.caCertificate());
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(3072);
        PrivateKey accountKey = rsa.generateKeyPair().getPrivate();

        String scenario = A_BASIC + """
                MDStoreDir "@SROOT@/mdj-store"
                MDRenewMode manual
                """;
        try (ApacheHttpd httpd = ApacheHttpd.create(pebble, httpPort, httpsPort, scenario)) {
            Path store = httpd.serverRoot().resolve("mdj-store");
            MdjSide.stage(store, MD, NAMES, pebble.directoryUrl(), leaf.privateKey(), chain, accountKey);

            httpd.start();
            Path domain = store.resolve("domains").resolve(MD);
            assertThat(httpd.waitForFile(domain.resolve("pubcert.pem"), Duration.ofSeconds(10)))
                    .as("mod_md activates the staged set into %s\n%s", domain, httpd.errorLogTail())
                    .isTrue();
            assertThat(httpd.errorLogText())
                    .as("error_log names the activation\n%s", httpd.errorLogTail())
                    .contains("AH10068: " + MD + ": staged set activated");

            List<X509Certificate> served = httpd.servedChain(MD);
            assertThat(Pem.sha256(served.get(0)))
                    .as("openssl s_client -servername %s shows OUR certificate (serial %s), got %s issued by %s\n%s",
                            MD, cert.getSerialNumber().toString(16), served.get(0).getSubjectX500Principal(),
                            served.get(0).getIssuerX500Principal(), httpd.errorLogTail())
                    .isEqualTo(Pem.sha256(cert));
            assertThat(served.get(0).getSerialNumber()).isEqualTo(cert.getSerialNumber());
            httpd.stop();

            assertThat(Pem.readCertificates(domain.resolve("pubcert.pem")))
                    .as("domains/%s/pubcert.pem", MD).containsExactlyElementsOf(chain);
            assertThat(Pem.readPrivateKey(domain.resolve("privkey.pem")))
                    .as("domains/%s/privkey.pem is our key, in plain PKCS#8", MD)
                    .isEqualTo(leaf.privateKey());
            assertThat(store.resolve("staging").resolve(MD))
                    .as("staging is purged after activation\n%s", httpd.errorLogTail())
                    .doesNotExist();
            Path accounts = store.resolve("accounts");
            assertThat(accounts.resolve("ACME-localhost-0000/account.json"))
                    .as("the staged account moved to accounts/\n%s", httpd.errorLogTail())
                    .isRegularFile();
            assertThat(read(accounts.resolve("ACME-localhost-0000/account.json")))
                    .contains("mdj0000000000001").contains(pebble.directoryUrl());
            assertThat(read(accounts.resolve("ACME-localhost-0000/account.pem")))
                    .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
            assertThat(read(domain.resolve("md.json")))
                    .as("domains/%s/md.json names the account", MD)
                    .contains("ACME-localhost-0000");
            MdjSide.accountKeyStillReadable(store, "ACME-localhost-0000", accountKey);
        }
    }

    static List<String> dnsNames(X509Certificate cert) throws Exception {
        return cert.getSubjectAlternativeNames().stream()
                .filter(san -> (Integer) san.get(0) == 2)
                .map(san -> (String) san.get(1))
                .toList();
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
