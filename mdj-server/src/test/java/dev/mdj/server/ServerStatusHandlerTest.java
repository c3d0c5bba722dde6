package dev.mdj.server;

import static dev.mdj.server.RawHttp.body;
import static dev.mdj.server.RawHttp.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code SetHandler server-status}: the {@code ?auto} lines mod_md contributes compared with what
 * mod_md answered in the reference runs for the same states (same keys in the same order, same
 * values where they are not times, serials or fingerprints), the HTML page's rows, Require and
 * MDServerStatus off.
 */
class ServerStatusHandlerTest {

    private static final String TEST1 = "test1.example.org";
    private static final List<String> TEST1_NAMES = List.of(TEST1, "www.test1.example.org");
    private static final String EAB_HMAC = "c2VjcmV0LWhtYWMta2V5LXRoYXQtbXVzdC1uZXZlci1zaG93";

    @TempDir
    Path dir;

    private StatusStore store;
    private int http;

    @BeforeEach
    void createStore() {
        store = new StatusStore(dir.resolve("md"), dir.resolve("pki"));
    }

    private MdjServer start(String domains) {
        http = TestServers.freePort();
        return TestServers.start(TestServers.config(dir, TestServers.NOT_RENEWING + """
                Listen 127.0.0.1:%1$d
                MDStoreDir %2$s
                MDCertificateAuthority https://localhost:14000/dir
                %3$s
                <Location /server-status>
                  SetHandler server-status
                </Location>
                <Location /private-status>
                  SetHandler server-status
                  Require ip 192.0.2.1
                </Location>
                <VirtualHost *:%1$d>
                  ServerName localhost
                </VirtualHost>
                """.formatted(http, dir.resolve("md"), domains)));
    }

    @Test
    void activeCertificateAsModMd() throws IOException {
        store.live(TEST1_NAMES, 90);
        try (MdjServer server = start("MDomain test1.example.org www.test1.example.org")) {
            assertThat(managedLines(get("/server-status?auto"))).isEqualTo(managedLines(reference("active.auto.txt")));
        }
    }

    @Test
    void firstCertificateStagedAsModMd() throws IOException {
        try (MdjServer server = start("MDomain test1.example.org www.test1.example.org")) {
            store.staged(TEST1_NAMES);
            assertThat(managedLines(get("/server-status?auto")))
                    .isEqualTo(managedLines(reference("staged-first.auto.txt")));
        }
    }

    @Test
    void renewalStagedBesideTheLiveCertificateAsModMd() throws IOException {
        store.live(TEST1_NAMES, 90);
        try (MdjServer server = start("MDomain test1.example.org www.test1.example.org")) {
            store.staged(TEST1_NAMES);
            assertThat(managedLines(get("/server-status?auto")))
                    .isEqualTo(managedLines(reference("staged-renewal.auto.txt")));
        }
    }

    @Test
    void erroredRenewalAsModMd() throws IOException {
        try (MdjServer server = start("MDomain fail.example.org")) {
            store.failing("fail.example.org", 4, 22, null, "Error waiting on domain names to be validated",
                    Instant.now().plusSeconds(17));
            assertThat(managedLines(get("/server-status?auto"))).isEqualTo(managedLines(reference("errored.auto.txt")));
        }
    }

    @Test
    void staticFilesAsModMd() throws IOException {
        TestPki.Leaf leaf = store.file(List.of("static.example.org"), 30);
        try (MdjServer server = start("""
                <MDomain static.example.org>
                  MDCertificateFile %s
                  MDCertificateKeyFile %s
                </MDomain>
                """.formatted(leaf.certificateFile(), leaf.keyFile()))) {
            assertThat(managedLines(get("/server-status?auto"))).isEqualTo(managedLines(reference("static.auto.txt")));
        }
    }

    @Test
    void beforeACertificateTheRenewalIsPending() {
        try (MdjServer server = start("MDomain test1.example.org www.test1.example.org")) {
            String auto = get("/server-status?auto");
            assertThat(auto).startsWith("HTTP/1.1 200 ");
            assertThat(header(auto, "content-type")).isEqualTo("text/plain; charset=utf-8");
            assertThat(body(auto)).startsWith("localhost\nServerVersion: mdj")
                    .containsPattern("\nServerUptimeSeconds: \\d+\n")
                    .contains("ParentServerConfigGeneration: 1\n");
            assertThat(managedLines(auto)).containsExactly(
                    "ManagedCertificatesTotal: 1", "ManagedCertificatesOK: 0", "ManagedCertificatesRenew: 1",
                    "ManagedCertificatesErrored: 0", "ManagedCertificatesReady: 0",
                    "ManagedDomain[0]Domain: test1.example.org", "ManagedDomain[0]Names[0]: test1.example.org",
                    "ManagedDomain[0]Names[1]: www.test1.example.org",
                    "ManagedDomain[0]Status: incomplete: certificate(rsa) is missing",
                    "ManagedDomain[0]CAName: localhost", "ManagedDomain[0]CAURL: https://localhost:14000/dir",
                    "ManagedDomain[0]Activity: Pending",
                    "ManagedStaplingsTotal: 0", "ManagedStaplingsOK: 0", "ManagedStaplingsRenew: 0",
                    "ManagedStaplingsErrored: 0");
        }
    }

    @Test
    void pageShowsEachDomainsStateInWordsAndEscapesWhatTheStoreSays() {
        TestPki.Leaf leaf = store.live(TEST1_NAMES, 90);
        try (MdjServer server = start("""
                MDomain test1.example.org www.test1.example.org
                MDomain fail.example.org
                MDomain missing.example.org
                MDCertificateCheck Censys https://search.censys.io/certificates/
                """)) {
            store.failing("fail.example.org", 3, 70013, "urn:ietf:params:acme:error:rejectedIdentifier",
                    "Order included <script>alert(1)</script> \"blocked\"", Instant.now().plus(Duration.ofHours(5)));
            String page = get("/server-status");
            assertThat(header(page, "content-type")).isEqualTo("text/html; charset=utf-8");
            String fingerprint = dev.mdj.store.pem.Certificates.sha256Fingerprint(leaf.certificate());

            assertThat(row(page, TEST1)).contains("Valid").contains("www.test1.example.org").contains("(in 89 days)")
                    .contains("<a href=\"https://search.censys.io/certificates/" + fingerprint + "\">Censys</a>")
                    .contains("<span class=\"key\">rsa</span>").contains("not renewed: MDRenewMode manual");
            assertThat(row(page, "fail.example.org")).contains("class=\"err\"").contains(">Error<")
                    .contains("Failed: Missing parameter for the specified command line option")
                    .contains("urn:ietf:params:acme:error:rejectedIdentifier")
                    .contains("Order included &lt;script&gt;alert(1)&lt;/script&gt; &quot;blocked&quot;")
                    .contains("3 failed runs").contains("next try").contains(">in 4 hours<");
            assertThat(row(page, "missing.example.org")).contains("No certificate")
                    .contains("incomplete: certificate(rsa) is missing").contains("none yet");
            assertThat(page).doesNotContain("<script>").doesNotContain("Stapling")
                    .contains("<b>3</b>managed certificates").contains("<b>1</b>errored");
        }
    }

    @Test
    void staplingsAreListedOnlyForCertificatesThatExist() {
        try (MdjServer server = start("""
                <MDomain stapled.example.org>
                  MDStapling on
                  MDMustStaple on
                </MDomain>
                MDomain plain.example.org
                """)) {
            // no certificate yet (the fallback is never stapled): nothing to list, as in mod_md
            assertThat(get("/server-status")).doesNotContain("Managed Staplings");
            assertThat(get("/server-status?auto")).contains("ManagedDomain[1]Stapling: on\n")
                    .doesNotContain("ManagedDomain[0]Stapling").contains("ManagedStaplingsTotal: 0\n");
        }
    }

    @Test
    void requireInTheLocationProtectsIt() {
        try (MdjServer server = start("MDomain test1.example.org")) {
            assertThat(get("/private-status")).startsWith("HTTP/1.1 403 Forbidden\r\n");
            assertThat(get("/private-status?auto")).startsWith("HTTP/1.1 403 Forbidden\r\n");
        }
    }

    @Test
    void serverStatusOffLeavesTheManagedDomainsOut() {
        try (MdjServer server = start("MDServerStatus off\nMDomain test1.example.org")) {
            String auto = get("/server-status?auto");
            assertThat(body(auto)).contains("ServerUptimeSeconds: ").doesNotContain("Managed").doesNotContain(TEST1);
            String page = get("/server-status");
            assertThat(page).contains("MDServerStatus off").doesNotContain("Managed Certificates")
                    .doesNotContain(TEST1);
        }
    }

    @Test
    void noSecretInEitherForm() throws IOException {
        TestPki.Leaf leaf = store.live(TEST1_NAMES, 90);
        try (MdjServer server = start("MDExternalAccountBinding kid-1 " + EAB_HMAC
                + "\nMDomain test1.example.org www.test1.example.org")) {
            String all = get("/server-status") + get("/server-status?auto");
            String key = java.util.Base64.getEncoder().encodeToString(leaf.privateKey().getEncoded());
            assertThat(all).doesNotContain(EAB_HMAC).doesNotContain("PRIVATE KEY").doesNotContain(key.substring(0, 40))
                    .doesNotContain("admin@example.org");
        }
    }

    private String get(String target) {
        return RawHttp.exchange(http, "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    }

    private static String reference(String name) throws IOException {
        try (InputStream in = ServerStatusHandlerTest.class.getResourceAsStream("/reference/server-status/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * mod_md's lines, with the values that differ between any two runs replaced by their format:
     * dates, seconds from now, SHA-256 fingerprints.
     */
    static List<String> managedLines(String text) {
        return Arrays.stream(text.split("\r?\n")).filter(line -> line.startsWith("Managed"))
                .map(line -> line.replaceFirst("(ValidFrom|ValidUntil): \\d{4}-\\d\\d-\\d\\d$", "$1: <date>")
                        .replaceFirst("(ActivityRenew|ActivityNextRun): \\d+$", "$1: <seconds>")
                        .replaceAll("[0-9a-f]{64}$", "<sha256>"))
                .toList();
    }

    /** The table row of the managed domain {@code name}. */
    private static String row(String page, String name) {
        int at = page.indexOf("<div class=\"md\">" + name + "</div>");
        assertThat(at).as("row of " + name).isPositive();
        int start = page.lastIndexOf("<tr", at);
        return page.substring(start, page.indexOf("</tr>", at));
    }
}
