package dev.mdj.acme;

import dev.mdj.md.HttpProxies;
import dev.mdj.renew.DriveException;
import dev.mdj.renew.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.shredzone.acme4j.toolbox.JSON;

/**
 * The HTTP side of talking to CAs: trust (MDCACertificateFile, else the system's), the proxy
 * (MDHttpProxy, with user:password from its URL as proxy credentials) and timeouts.
 *
 * <p>Each run gets its own {@link Session} and HTTP client, so parallel renewals never wait on
 * each other's nonce lock. (One client for all would multiplex them over one HTTP/2 connection,
 * but acme4j leaves the bodies it does not read open, and on a shared connection those use up
 * its flow-control window until every request hangs.) Sessions with the same trust and proxy
 * share the SSLContext and each CA's directory, fetched at most once a minute instead of three
 * times per run.
 */
final class AcmeHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How long a fetched directory serves new sessions. */
    static final Duration DIRECTORY_REUSE = Duration.ofMinutes(1);

    private record ClientKey(Optional<Path> caCertificateFile, URI proxy) {
    }

    private final Map<ClientKey, Provider> providers = new ConcurrentHashMap<>();

    /**
     * A new session with the CA at {@code caUrl}.
     *
     * @throws DriveException if the MDCACertificateFile cannot be read or holds no certificate
     */
    Session session(String caUrl, Optional<Path> caCertificateFile, URI proxy) throws DriveException {
        ClientKey key = new ClientKey(caCertificateFile, proxy);
        Provider provider = providers.get(key);
        if (provider == null) {
            SSLContext ssl = caCertificateFile.isPresent() ? sslContext(caCertificateFile.get()) : null;
            provider = providers.computeIfAbsent(key, k -> new Provider(ssl));
        }
        Session session = new Session(URI.create(caUrl), provider);
        NetworkSettings net = session.networkSettings();
        net.setTimeout(TIMEOUT);
        if (proxy != null) {
            net.setProxySelector(HttpProxies.selector(proxy));
            HttpProxies.authenticator(proxy).ifPresent(net::setAuthenticator);
        }
        return session;
    }

    /** An SSLContext trusting exactly the certificates of a PEM file. */
    static SSLContext sslContext(Path pemFile) throws DriveException {
        try (InputStream in = Files.newInputStream(pemFile)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (var cert : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, (X509Certificate) cert);
            }
            if (i == 0) {
                throw new DriveException(StatusCodes.EINVAL, "MDCACertificateFile " + pemFile + " holds no certificate");
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException e) {
            throw new DriveException(StatusCodes.ENOENT, "cannot read MDCACertificateFile " + pemFile + ": " + e.getMessage());
        } catch (GeneralSecurityException e) {
            throw new DriveException(StatusCodes.EINVAL, "cannot use MDCACertificateFile " + pemFile + ": " + e.getMessage());
        }
    }

    /**
     * acme4j's generic provider with our SSLContext in the JDK HttpClient, and the directories it
     * fetched shared between its sessions.
     */
    static final class Provider extends GenericAcmeProvider {
        private final SSLContext ssl;
        private final Map<URI, FetchedDirectory> directories = new ConcurrentHashMap<>();
        private final Map<URI, Object> fetchLocks = new ConcurrentHashMap<>();

        private record FetchedDirectory(JSON json, Instant at) {
            boolean fresh(Instant now) {
                return now.isBefore(at.plus(DIRECTORY_REUSE));
            }
        }

        Provider(SSLContext ssl) {
            this.ssl = ssl;
        }

        @Override
        public HttpClient createHttpClient(NetworkSettings settings) {
            HttpClient.Builder b = HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(settings.getTimeout())
                    .proxy(settings.getProxySelector());
            if (settings.getAuthenticator() != null) {
                b.authenticator(settings.getAuthenticator());
            }
            if (ssl != null) {
                b.sslContext(ssl);
            }
            return b.build();
        }

        /**
         * A CA's directory is fetched at most once a minute for all sessions (acme4j alone fetches
         * it again for every request that needs a URL from it, unless the CA sent Expires): a
         * session without a directory gets the last fetched one, a session with one keeps it.
         * Sessions starting together wait for one fetch instead of all fetching; a session that
         * has a directory never waits for another's fetch.
         */
        @Override
        public JSON directory(Session session, URI serverUri) throws AcmeException {
            FetchedDirectory shared = directories.get(serverUri);
            if (shared == null || !shared.fresh(Instant.now())) {
                if (session.hasDirectory()) { // acme4j's own rule; nobody waits for it
                    return remember(serverUri, super.directory(session, serverUri));
                }
                synchronized (fetchLocks.computeIfAbsent(serverUri, uri -> new Object())) {
                    shared = directories.get(serverUri);
                    if (shared == null || !shared.fresh(Instant.now())) {
                        return remember(serverUri, super.directory(session, serverUri));
                    }
                }
            }
            return session.hasDirectory() ? null : shared.json();
        }

        private JSON remember(URI serverUri, JSON json) {
            if (json != null) {
                directories.put(serverUri, new FetchedDirectory(json, Instant.now()));
            }
            return json;
        }
    }
}
