package dev.mdj.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ClientHellos as the JDK's TLS client sends them, and malformed ones. */
class ClientHelloTest {

    private static final String[] RSA_ONLY = {"rsa_pss_rsae_sha256", "rsa_pkcs1_sha256"};

    @Test
    void readsNameProtocolsAndVersionsOfARealTls13Hello() {
        ClientHello hello = ClientHello.parse(TestClientHellos.body(TestClientHellos.jdk("WWW.Example.org",
                List.of("h2", "http/1.1"), null, "TLSv1.3", "TLSv1.2")));
        assertThat(hello.serverName()).isEqualTo("www.example.org");
        assertThat(hello.protocols()).containsExactly("h2", "http/1.1");
        assertThat(hello.tls13()).isTrue();
        assertThat(hello.signatureSchemes()).contains(0x0403, 0x0804);
        assertThat(hello.wantsAcmeTls()).isFalse();
        assertThat(hello.acceptsEcdsa("secp256r1")).isTrue();
        assertThat(hello.acceptsEcdsa("secp384r1")).isTrue();
    }

    @Test
    void aHelloWithoutSniOrAlpnHasAnEmptyNameAndNoProtocols() {
        ClientHello hello = ClientHello.parse(TestClientHellos.body(TestClientHellos.jdk(null, List.of(), null,
                "TLSv1.3")));
        assertThat(hello.serverName()).isEmpty();
        assertThat(hello.protocols()).isEmpty();
    }

    @Test
    void acmeTlsIsSeenInTheAlpnOffer() {
        ClientHello hello = ClientHello.parse(TestClientHellos.body(TestClientHellos.jdk("a.example.org",
                List.of(ClientHello.ACME_TLS_1), null, "TLSv1.3", "TLSv1.2")));
        assertThat(hello.wantsAcmeTls()).isTrue();
    }

    @Test
    void aClientWithOnlyRsaSchemesDoesNotAcceptEcdsaOverTls13() {
        ClientHello hello = ClientHello.parse(TestClientHellos.body(TestClientHellos.jdk("a.example.org",
                List.of(), RSA_ONLY, "TLSv1.3", "TLSv1.2")));
        assertThat(hello.signatureSchemes()).containsExactly(0x0804, 0x0401);
        assertThat(hello.acceptsEcdsa("secp256r1")).isFalse();
    }

    @Test
    void overTls12EcdsaNeedsAnEcdsaSuiteAsWellAsAScheme() {
        ClientHello tls12 = ClientHello.parse(TestClientHellos.body(TestClientHellos.jdk("a.example.org",
                List.of(), null, "TLSv1.2")));
        assertThat(tls12.tls13()).isFalse();
        assertThat(tls12.acceptsEcdsa("secp256r1")).isTrue();
        ClientHello noEcdsaSuite = new ClientHello("a", List.of(), List.of(0x0403), List.of(0xc02f), false);
        assertThat(noEcdsaSuite.acceptsEcdsa("secp256r1")).isFalse();
        ClientHello noSchemesAtAll = new ClientHello("a", List.of(), List.of(), List.of(0xc02b), false);
        assertThat(noSchemesAtAll.acceptsEcdsa("secp256r1")).isTrue();
    }

    @Test
    void tls13BindsTheCurveToTheScheme() {
        ClientHello p256Only = new ClientHello("a", List.of(), List.of(0x0403, 0x0804), List.of(0x1301), true);
        assertThat(p256Only.acceptsEcdsa("secp256r1")).isTrue();
        assertThat(p256Only.acceptsEcdsa("secp384r1")).isFalse();
    }

    @Test
    void oddServerNamesAreReadAsTheyCome() {
        assertThat(ClientHello.parse(TestClientHellos.body(TestClientHellos.handMade(new byte[0], List.of())))
                .serverName()).isEmpty();
        String longName = "a".repeat(300);
        assertThat(ClientHello.parse(TestClientHellos.body(TestClientHellos.handMade(
                longName.getBytes(StandardCharsets.US_ASCII), List.of()))).serverName()).isEqualTo(longName);
        assertThat(ClientHello.parse(TestClientHellos.body(TestClientHellos.handMade(
                "bücher.example.org".getBytes(StandardCharsets.UTF_8), List.of()))).serverName())
                .doesNotContain("ü").endsWith(".example.org");
    }

    @Test
    void truncatedOrMalformedHellosAreRefused() {
        byte[] record = TestClientHellos.jdk("a.example.org", List.of("h2"), null, "TLSv1.3", "TLSv1.2");
        for (int cut : new int[] {9, 20, 50, 100, record.length - 1}) {
            byte[] truncated = Arrays.copyOf(record, cut);
            assertThatThrownBy(() -> ClientHello.parse(TestClientHellos.body(truncated)))
                    .as("cut at %d", cut).isInstanceOf(IllegalArgumentException.class);
        }
        byte[] lying = record.clone();
        lying[9 + 2 + 32] = (byte) 0xff; // a session id longer than the hello
        assertThatThrownBy(() -> ClientHello.parse(TestClientHellos.body(lying)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientHello.parse(Unpooled.EMPTY_BUFFER)).isInstanceOf(IllegalArgumentException.class);
    }
}
