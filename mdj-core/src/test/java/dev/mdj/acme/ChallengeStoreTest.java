package dev.mdj.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.OrderJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeStoreTest {

    @TempDir
    Path dir;

    private static final ChallengeResponder.Answer ANSWER =
            new ChallengeResponder.Answer("www.example.org", "tok", "tok.thumb");

    @Test
    void http01WritesTheKeyAuthorizationWithoutNewline() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        Http01Responder r = new Http01Responder(store);
        String setup = r.setup(ANSWER);
        assertThat("http-01:" + setup).isEqualTo("http-01:www.example.org");
        assertThat(Files.readAllBytes(store.pathOf(StoreGroup.CHALLENGES, "www.example.org", Aspect.HTTP01_CHALLENGE)))
                .isEqualTo("tok.thumb".getBytes());
        r.teardown(setup);
        assertThat(store.names(StoreGroup.CHALLENGES)).isEmpty();
    }

    @Test
    void tlsAlpn01WritesPlainKeyAndCertificatePerSpec() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        KeySpec ec = new KeySpec.Ec("secp256r1");
        KeySpec rsa = new KeySpec.Rsa(2048);
        TlsAlpn01Responder r = new TlsAlpn01Responder(store, List.of(ec, rsa), List.of("www.example.org"),
                Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC));
        String setup = r.setup(ANSWER);
        assertThat(store.fileNames(StoreGroup.CHALLENGES, "www.example.org")).containsExactlyInAnyOrder(
                "acme-tls-alpn-01-privkey.secp256r1.pem", "acme-tls-alpn-01-pubcert.secp256r1.pem",
                "acme-tls-alpn-01-privkey.pem", "acme-tls-alpn-01-pubcert.pem");
        assertThat(Files.readString(store.pathOf(StoreGroup.CHALLENGES, "www.example.org", Aspect.tlsAlpn01PrivateKey(ec))))
                .startsWith("-----BEGIN PRIVATE KEY-----");
        X509Certificate cert = store.load(StoreGroup.CHALLENGES, "www.example.org", Aspect.tlsAlpn01Certificate(ec))
                .orElseThrow().getFirst();
        assertThat(cert.getCriticalExtensionOIDs()).contains("1.3.6.1.5.5.7.1.31");
        r.teardown(setup);
        assertThat(store.names(StoreGroup.CHALLENGES)).isEmpty();
    }

    @Test
    void tlsAlpn01NeedsAnAcmeTlsName() {
        TlsAlpn01Responder r = new TlsAlpn01Responder(FileStore.open(dir.resolve("md")), List.of(new KeySpec.Rsa(2048)),
                List.of(), Clock.systemUTC());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> r.setup(ANSWER))
                .isInstanceOf(ChallengeResponder.ChallengeSetupException.class);
    }

    @Test
    void dns01RunsTheCommandAndRecordsTheToken() throws Exception {
        Path log = dir.resolve("calls");
        Path script = dir.resolve("dns.sh");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> '" + log + "'\n[ \"$3\" = fail.example ] && exit 3\nexit 0\n");
        script.toFile().setExecutable(true);
        Dns01Responder v1 = new Dns01Responder(script + " \"--flag x\"", 1, runner());
        String setup = v1.setup(ANSWER);
        String token = Dns01Responder.token("tok.thumb");
        assertThat(setup).isEqualTo("www.example.org " + token);
        v1.teardown(setup);
        new Dns01Responder(script.toString(), 2, runner()).teardown(setup);
        assertThat(Files.readAllLines(log)).containsExactly("--flag x setup www.example.org " + token,
                "--flag x teardown www.example.org", "teardown www.example.org " + token);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> v1.setup(
                new ChallengeResponder.Answer("fail.example", "t", "t.x")))
                .hasMessageContaining("exit code 3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Dns01Responder(null, 1, runner()).setup(ANSWER)).hasMessageContaining("MDChallengeDns01");
    }

    @Test
    void orderJsonAsModMdWritesIt() {
        OrderJson o = OrderJson.of("https://ca/order/1", "pending", List.of("https://ca/authz/1"), List.of(),
                "https://ca/finalize/1", null).withChallengeSetup("dns-01:wild.example tokenvalue");
        assertThat(o.toJson().toString()).isEqualTo("{\"url\":\"https://ca/order/1\",\"status\":\"pending\","
                + "\"authorizations\":[\"https://ca/authz/1\"],\"challenge-setups\":[\"dns-01:wild.example tokenvalue\"],"
                + "\"finalize\":\"https://ca/finalize/1\"}");
        assertThat(OrderJson.parse(o.toJson())).isEqualTo(o);
    }

    private dev.mdj.events.CommandRunner runner() {
        return new dev.mdj.events.CommandRunner(dir, java.time.Duration.ofSeconds(10));
    }
}
