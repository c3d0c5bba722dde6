package dev.mdj.server.tls;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds server TLS contexts, one per certificate: on BoringSSL (netty-tcnative) when it loads,
 * with OCSP stapling enabled, else on the JDK's provider with a warning that stapling is off.
 * A context is built from a one-key key manager and a shared trust manager, which keeps it
 * under a millisecond (Netty would otherwise load the JDK trust store and build a PKCS#12
 * keystore each time).
 */
public final class TlsContextFactory {

    private static final Logger LOG = LoggerFactory.getLogger(TlsContextFactory.class);
    private static final String ALIAS = "mdj";

    private final SslProvider provider;
    private final boolean ocsp;
    private final TrustManagerFactory noClientTrust;

    private TlsContextFactory(SslProvider provider) {
        this.provider = provider;
        this.ocsp = provider == SslProvider.OPENSSL && OpenSsl.isOcspSupported();
        try {
            KeyStore empty = KeyStore.getInstance(KeyStore.getDefaultType());
            empty.load(null, null);
            noClientTrust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            noClientTrust.init(empty);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** The factory on the best provider this machine has. */
    public static TlsContextFactory create() {
        if (OpenSsl.isAvailable()) {
            LOG.debug("TLS on {}", OpenSsl.versionString());
            return on(SslProvider.OPENSSL);
        }
        LOG.warn("BoringSSL (netty-tcnative) is not available on this machine ({}); using the JDK's TLS:"
                + " OCSP stapling is off and handshakes are slower", OpenSsl.unavailabilityCause().toString());
        return on(SslProvider.JDK);
    }

    /** The factory on {@code provider} (OPENSSL or JDK). */
    static TlsContextFactory on(SslProvider provider) {
        return new TlsContextFactory(provider);
    }

    /** Whether contexts can staple OCSP responses that mdj supplies. */
    public boolean staplingSupported() {
        return ocsp;
    }

    public String providerName() {
        return provider == SslProvider.OPENSSL ? OpenSsl.versionString() : "JDK";
    }

    /**
     * A context serving {@code certified} over the TLS {@code versions} that negotiates
     * {@code protocols} by ALPN (none when empty: HTTP/1.1 without ALPN).
     *
     * @throws SSLException if the key or chain cannot be used
     */
    public SslContext build(CertifiedKey certified, List<String> protocols, List<String> versions) throws SSLException {
        SslContextBuilder builder = SslContextBuilder.forServer(new OneKeyManager(certified))
                .sslProvider(provider)
                .trustManager(noClientTrust)
                .protocols(versions)
                .ciphers(CipherSuites.INTERMEDIATE, SupportedCipherSuiteFilter.INSTANCE);
        if (!protocols.isEmpty()) {
            builder.applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                    ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                    ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols));
        }
        if (ocsp) {
            builder.enableOcsp(true);
        }
        return builder.build();
    }

    /** A key manager with exactly one key: the context's certificate is chosen before the handshake. */
    private static final class OneKeyManager extends X509ExtendedKeyManager {
        private final CertifiedKey certified;
        private final X509Certificate[] chain;

        OneKeyManager(CertifiedKey certified) {
            this.certified = certified;
            this.chain = certified.chain().toArray(X509Certificate[]::new);
        }

        private String aliasFor(String keyType) {
            String algorithm = certified.key().getAlgorithm();
            return keyType == null || keyType.equalsIgnoreCase(algorithm)
                    || keyType.startsWith("EC") && algorithm.equals("EC")
                    || keyType.equals("RSASSA-PSS") && algorithm.equals("RSA") ? ALIAS : null;
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            return aliasFor(keyType);
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            return aliasFor(keyType);
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            String alias = aliasFor(keyType);
            return alias == null ? null : new String[] {alias};
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return ALIAS.equals(alias) ? chain.clone() : null;
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return ALIAS.equals(alias) ? certified.key() : null;
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
