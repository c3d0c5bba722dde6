package dev.mdj.testing;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Answers tls-alpn-01 (RFC 8737) from a store's {@code challenges/<dns>/} the way mdj's server
 * will: a TLS 1.3 handshake offering {@code acme-tls/1} gets the challenge certificate for the
 * SNI name, then the connection closes. A test stand-in until the Netty server exists; TLS 1.3
 * only, because only there does JSSE choose the certificate after ALPN.
 */
public final class TlsAlpn01ResponderServer implements AutoCloseable {

    private static final String ACME_TLS = "acme-tls/1";

    private final SSLServerSocket socket;
    private final Thread acceptor;
    private final AtomicInteger served = new AtomicInteger();

    private TlsAlpn01ResponderServer(SSLServerSocket socket) {
        this.socket = socket;
        this.acceptor = Thread.ofVirtual().name("tls-alpn-01-responder").start(this::accept);
    }

    /** Listens on 127.0.0.1:{@code port}, answering with certificates of {@code specs}. */
    public static TlsAlpn01ResponderServer start(Store store, int port, List<KeySpec> specs) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(new KeyManager[] {new ChallengeKeys(store, specs)}, null, new SecureRandom());
            SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                    .createServerSocket(port, 50, InetAddress.getLoopbackAddress());
            socket.setEnabledProtocols(new String[] {"TLSv1.3"});
            return new TlsAlpn01ResponderServer(socket);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the tls-alpn-01 responder on port " + port, e);
        }
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                SSLSocket connection = (SSLSocket) socket.accept();
                Thread.ofVirtual().start(() -> handshake(connection));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void handshake(SSLSocket connection) {
        try (connection) {
            connection.setHandshakeApplicationProtocolSelector(
                    (s, offered) -> offered.contains(ACME_TLS) ? ACME_TLS : null);
            connection.startHandshake();
            served.incrementAndGet();
        } catch (IOException e) {
            // a client that gave up, or no challenge for the name: nothing to answer
        }
    }

    /** How many validation handshakes completed. */
    public int served() {
        return served.get();
    }

    @Override
    public void close() {
        try {
            socket.close();
            acceptor.join(5_000);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Picks the challenge key and certificate for the SNI name of the handshake. */
    private static final class ChallengeKeys extends X509ExtendedKeyManager {

        private final Store store;
        private final List<KeySpec> specs;

        ChallengeKeys(Store store, List<KeySpec> specs) {
            this.store = store;
            this.specs = specs;
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            if (!(socket instanceof SSLSocket ssl)
                    || !(ssl.getHandshakeSession() instanceof ExtendedSSLSession session)) {
                return null;
            }
            for (SNIServerName name : session.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    for (KeySpec spec : specs) {
                        if (spec.algorithm().equals(keyType)
                                && store.exists(StoreGroup.CHALLENGES, host.getAsciiName(), Aspect.tlsAlpn01Certificate(spec))) {
                            return host.getAsciiName() + "|" + specs.indexOf(spec);
                        }
                    }
                }
            }
            return null;
        }

        private KeySpec spec(String alias) {
            return specs.get(Integer.parseInt(alias.substring(alias.indexOf('|') + 1)));
        }

        private String dns(String alias) {
            return alias.substring(0, alias.indexOf('|'));
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return store.load(StoreGroup.CHALLENGES, dns(alias), Aspect.tlsAlpn01Certificate(spec(alias)))
                    .map(chain -> chain.toArray(X509Certificate[]::new)).orElse(null);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            Optional<PrivateKey> key = store.load(StoreGroup.CHALLENGES, dns(alias), Aspect.tlsAlpn01PrivateKey(spec(alias)));
            return key.orElse(null);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return null; // sockets only
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }
    }
}
