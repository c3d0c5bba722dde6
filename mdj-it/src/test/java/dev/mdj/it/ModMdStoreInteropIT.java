package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.testing.ApacheHttpd;
import dev.mdj.testing.FreePorts;
import dev.mdj.testing.PebbleServer;
import dev.mdj.testing.Pem;
import dev.mdj.testing.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
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
