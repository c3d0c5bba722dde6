package dev.mdj.server;

import static dev.mdj.server.RawHttp.body;
import static dev.mdj.server.RawHttp.header;
import static dev.mdj.server.RawHttp.statusLine;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.SelfSignedCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code SetHandler md-status} and {@code /.httpd/certificate-status} served by the server,
 * compared in shape with what mod_md answered in the reference run a-basic (after the
 * certificate went live): the same status line and Content-Type, the same keys in the same
 * order with the same types and value formats; the values themselves naturally differ.
 */
class StatusHandlersTest {

    private static final String EAB_HMAC = "c2VjcmV0LWhtYWMta2V5LXRoYXQtbXVzdC1uZXZlci1zaG93";

    @TempDir
    Path dir;

    private int http;
    private int https;

    private MdjServer start(String extra) {
        http = TestServers.freePort();
        https = TestServers.freePort();
        return TestServers.start(TestServers.config(dir, TestServers.NOT_RENEWING + """
                Listen 127.0.0.1:%1$d
                Listen 127.0.0.1:%2$d https
                MDStoreDir %3$s
                MDCertificateAuthority https://localhost:14000/dir
                %4$s
                MDomain test1.example.org www.test1.example.org
                <Location /md-status>
                  SetHandler md-status
                </Location>
                <Location /private-status>
                  SetHandler md-status
                  Require ip 192.0.2.1
                </Location>
                <VirtualHost *:%1$d>
                  ServerName test1.example.org
                  ServerAlias www.test1.example.org
                </VirtualHost>
                <VirtualHost *:%2$d>
                  ServerName test1.example.org
                  ServerAlias www.test1.example.org
                  SSLEngine on
                </VirtualHost>
                <VirtualHost *:%1$d>
                  ServerName other.example.org
                </VirtualHost>
                """.formatted(http, https, dir.resolve("md"), extra)));
    }

    /** A live certificate (with an authority key id, as a CA's has) and key, and mod_md's md.json of a-basic. */
    private void storeCertificate() throws IOException {
        FileStore store = FileStore.open(dir.resolve("md"));
        KeySpec rsa = new KeySpec.Rsa(2048);
        KeyPair key = KeyPairs.generate(rsa);
        X509Certificate cert;
        try {
            cert = SelfSignedCertificates.of(key, "test1.example.org", List.of("test1.example.org", "www.test1.example.org"),
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), Duration.ofDays(90))
                    .extension(Extension.authorityKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(key.getPublic()))
                    .create();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        store.save(StoreGroup.DOMAINS, "test1.example.org", Aspect.MD_JSON, JsonFiles.readObject(reference("md.json")));
        store.save(StoreGroup.DOMAINS, "test1.example.org", Aspect.certificateChain(rsa), List.of(cert));
        store.save(StoreGroup.DOMAINS, "test1.example.org", Aspect.privateKey(rsa), key.getPrivate());
    }

    @Test
    void mdStatusHasModMdsShape() throws IOException {
        storeCertificate();
        try (MdjServer server = start("")) {
            String list = get("/md-status", "test1.example.org");
            String one = get("/md-status/www.test1.example.org", "test1.example.org");

            assertThat(statusLine(list)).isEqualTo(statusLine(reference("md-status_unknown-domain.http.txt")));
            assertThat(header(list, "content-type")).isEqualTo("application/json");
            JsonNode listed = JsonFiles.readObject(body(list));
            assertThat(listed.get("managed-domains").get(0).get("mdj").get("renewal-decision").get("reason").asString())
                    .isEqualTo("manual-mode");
            assertThat(shape(listed)).isEqualTo(shape(JsonFiles.readObject(reference("md-status.json"))));
            assertThat(shape(JsonFiles.readObject(body(one))))
                    .isEqualTo(shape(JsonFiles.readObject(reference("md-status_test1.example.org.json"))));
        }
    }

    @Test
    void unknownNamesAndATrailingSlashGetTheListAsModMd() {
        try (MdjServer server = start("")) {
            for (String path : new String[] {"/md-status/unknown.example.org", "/md-status/"}) {
                String answer = get(path, "test1.example.org");
                assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 200 OK");
                assertThat(JsonFiles.readObject(body(answer)).get("managed-domains")).hasSize(1);
            }
            assertThat(JsonFiles.readObject(body(get("/md-status/test1.example.org", "x.example.org"))).get("name").asString())
                    .isEqualTo("test1.example.org");
            assertThat(RawHttp.exchange(http, "POST /md-status HTTP/1.1\r\nHost: test1.example.org\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n")).startsWith("HTTP/1.1 501 ");
        }
    }

    @Test
    void requireInTheLocationProtectsIt() {
        try (MdjServer server = start("")) {
            assertThat(get("/private-status", "test1.example.org")).startsWith("HTTP/1.1 403 Forbidden\r\n");
        }
    }

    @Test
    void certificateStatusHasModMdsShapeOnHttpAndHttps() throws IOException {
        storeCertificate();
        try (MdjServer server = start("")) {
            String plain = get("/.httpd/certificate-status", "www.test1.example.org");
            String secure = RawHttp.exchangeTls(https, "test1.example.org", "GET /.httpd/certificate-status HTTP/1.1\r\n"
                    + "Host: test1.example.org\r\nConnection: close\r\n\r\n");

            String expected = reference("certificate-status_test1.example.org.http.txt");
            for (String answer : List.of(plain, secure)) {
                assertThat(statusLine(answer)).isEqualTo(statusLine(expected));
                assertThat(header(answer, "content-type")).isEqualTo("application/json");
                assertThat(shape(JsonFiles.readObject(body(answer)))).isEqualTo(shape(JsonFiles.readObject(body(expected))));
            }
        }
    }

    @Test
    void certificateStatusBeforeACertificateIsAnsweredInsteadOfThe503() {
        try (MdjServer server = start("")) {
            String answer = RawHttp.exchangeTls(https, "test1.example.org", "GET /.httpd/certificate-status HTTP/1.1\r\n"
                    + "Host: test1.example.org\r\nConnection: close\r\n\r\n");
            assertThat(statusLine(answer)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(body(answer)).isEqualTo("{\n  \"rsa\": {}\n}");
            assertThat(get("/.httpd/certificate-status", "other.example.org")).startsWith("HTTP/1.1 404 ");
        }
    }

    @Test
    void certificateStatusOffIsNotAnswered() {
        try (MdjServer server = start("MDCertificateStatus off")) {
            assertThat(get("/.httpd/certificate-status", "test1.example.org")).startsWith("HTTP/1.1 404 ");
        }
    }

    @Test
    void noKeyAccountKeyOrEabHmacInAnyAnswer() throws IOException {
        storeCertificate();
        try (MdjServer server = start("MDExternalAccountBinding kid-1 " + EAB_HMAC)) {
            String all = get("/md-status", "test1.example.org") + get("/md-status/test1.example.org", "test1.example.org")
                    + get("/.httpd/certificate-status", "test1.example.org");
            FileStore store = FileStore.open(dir.resolve("md"));
            byte[] key = store.load(StoreGroup.DOMAINS, "test1.example.org", Aspect.privateKey(new KeySpec.Rsa(2048)))
                    .orElseThrow().getEncoded();

            assertThat(all).doesNotContain(EAB_HMAC).doesNotContain("PRIVATE KEY")
                    .doesNotContain(Base64.getEncoder().encodeToString(key).substring(0, 40))
                    .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key).substring(0, 40))
                    .contains("\"hmac\": \"***\"");
        }
    }

    private String get(String path, String host) {
        return RawHttp.exchange(http, "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
    }

    private static String reference(String name) throws IOException {
        try (InputStream in = StatusHandlersTest.class.getResourceAsStream("/reference/status/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Every member in document order as {@code path: type}, strings as their format (RFC 822
     * date, upper-case hex, lower-case SHA-256 hex, ari-cert-id); mdj's own {@code mdj} left out.
     */
    static List<String> shape(JsonNode node) {
        List<String> lines = new ArrayList<>();
        shape("", node, lines);
        return lines;
    }

    private static void shape(String path, JsonNode node, List<String> lines) {
        if (node.isObject()) {
            lines.add(path + ": object");
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                if (!member.getKey().equals("mdj")) {
                    shape(path + "." + member.getKey(), member.getValue(), lines);
                }
            }
        } else if (node.isArray()) {
            lines.add(path + ": array");
            node.forEach(element -> shape(path + "[]", element, lines));
        } else if (node.isString()) {
            lines.add(path + ": " + format(node.asString()));
        } else {
            lines.add(path + ": " + node.getNodeType());
        }
    }

    private static String format(String value) {
        if (value.matches("(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d\\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d\\d:\\d\\d:\\d\\d GMT")) {
            return "rfc822-date";
        }
        if (value.matches("[0-9a-f]{64}")) {
            return "sha256-hex";
        }
        if (value.matches("([0-9A-F]{2})+")) {
            return "upper-hex";
        }
        if (value.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            return "ari-cert-id";
        }
        return "string";
    }
}
