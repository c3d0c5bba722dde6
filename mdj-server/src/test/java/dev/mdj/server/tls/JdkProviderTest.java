package dev.mdj.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.testing.TestPki;
import dev.mdj.testing.TestTls;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The JDK's TLS, which mdj falls back to where BoringSSL does not load: the contexts serve
 * their one certificate (RSA or ECDSA), negotiate h2 and acme-tls/1 by ALPN over TLS 1.3 and
 * 1.2, and say that they cannot staple. Handshakes run between two engines in memory against
 * the JDK's own client.
 */
class JdkProviderTest {

    private static final List<String> WEB = List.of("h2", "http/1.1");
    private static final List<String> BOTH_VERSIONS = List.of("TLSv1.3", "TLSv1.2");

    @TempDir
    static Path dir;

    private static TestPki pki;
    private static CertifiedKey rsa;
    private static CertifiedKey ecdsa;
    private final TlsContextFactory jdk = TlsContextFactory.on(SslProvider.JDK);

    @BeforeAll
    static void certificates() {
        pki = TestPki.create(dir, "JDK provider test CA");
        rsa = certified(pki.issue("rsa", List.of("a.test")));
        ecdsa = certified(pki.issueWithOcsp("ec", List.of("a.test"), true, java.net.URI.create("http://127.0.0.1:9/")));
    }

    private static CertifiedKey certified(TestPki.Leaf leaf) {
        return new CertifiedKey(leaf.privateKey(), List.of(leaf.certificate(), pki.caCertificate()));
    }

    @Test
    void saysItCannotStaple() {
        assertThat(jdk.staplingSupported()).isFalse();
        assertThat(jdk.providerName()).isEqualTo("JDK");
        if (OpenSsl.isAvailable()) {
            assertThat(TlsContextFactory.create().providerName()).isNotEqualTo("JDK");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.3", "TLSv1.2"})
    void servesEachKeyTypeWithH2(String version) throws Exception {
        for (CertifiedKey key : List.of(rsa, ecdsa)) {
            SSLEngine client = client(version, "h2", "http/1.1");
            handshake(client, jdk.build(key, WEB, BOTH_VERSIONS));
            assertThat(client.getSession().getProtocol()).isEqualTo(version);
            assertThat(client.getApplicationProtocol()).isEqualTo("h2");
            assertThat((X509Certificate) client.getSession().getPeerCertificates()[0]).isEqualTo(key.leaf());
        }
    }

    @Test
    void negotiatesAcmeTlsForAChallengeContext() throws Exception {
        SSLEngine client = client("TLSv1.3", "acme-tls/1");
        handshake(client, jdk.build(ecdsa, List.of("acme-tls/1"), BOTH_VERSIONS));
        assertThat(client.getApplicationProtocol()).isEqualTo("acme-tls/1");
    }

    @Test
    void honoursTheVersionsOfTheSite() {
        SSLEngine client = client("TLSv1.2", "http/1.1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> handshake(client, jdk.build(rsa, WEB, List.of("TLSv1.3"))))
                .isInstanceOf(SSLException.class);
    }

    private static SSLEngine client(String version, String... protocols) {
        SSLEngine client = TestTls.trustingAnything().createSSLEngine("a.test", 443);
        client.setUseClientMode(true);
        SSLParameters parameters = client.getSSLParameters();
        parameters.setProtocols(new String[] {version});
        parameters.setApplicationProtocols(protocols);
        client.setSSLParameters(parameters);
        return client;
    }

    /** Runs the handshake between {@code client} and a server engine of {@code context}, in memory. */
    private static void handshake(SSLEngine client, SslContext context) throws SSLException {
        SSLEngine server = context.newEngine(ByteBufAllocator.DEFAULT);
        ByteBuffer toServer = ByteBuffer.allocate(1 << 17);
        ByteBuffer toClient = ByteBuffer.allocate(1 << 17);
        ByteBuffer app = ByteBuffer.allocate(1 << 17);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 50; round++) {
            pump(client, toClient, toServer, app);
            pump(server, toServer, toClient, app);
            if (client.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING
                    && server.getHandshakeStatus() == HandshakeStatus.NOT_HANDSHAKING) {
                return;
            }
        }
        throw new AssertionError("the handshake did not finish");
    }

    /** One engine's turn: runs its tasks, reads what arrived in {@code in}, writes to {@code out}. */
    private static void pump(SSLEngine engine, ByteBuffer in, ByteBuffer out, ByteBuffer app) throws SSLException {
        for (boolean progress = true; progress; ) {
            HandshakeStatus before = engine.getHandshakeStatus();
            SSLEngineResult result = switch (before) {
                case NEED_TASK -> {
                    for (Runnable task; (task = engine.getDelegatedTask()) != null; ) {
                        task.run();
                    }
                    yield null;
                }
                case NEED_WRAP -> engine.wrap(ByteBuffer.allocate(0), out);
                case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                    in.flip();
                    try {
                        yield engine.unwrap(in, app);
                    } finally {
                        in.compact();
                    }
                }
                default -> null;
            };
            progress = before == HandshakeStatus.NEED_TASK
                    || result != null && (result.bytesConsumed() > 0 || result.bytesProduced() > 0
                            || engine.getHandshakeStatus() != before);
        }
    }
}
