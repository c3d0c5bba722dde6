package dev.mdj.acme;

import dev.mdj.md.HttpProxies;
import dev.mdj.renew.DriveException;
import dev.mdj.renew.StatusCodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;

/**
 * The HTTP side of talking to a CA: trust (MDCACertificateFile, else the system's), the proxy
 * (MDHttpProxy, with user:password from its URL as proxy credentials) and timeouts. One
 * {@link Session} per run, so parallel renewals never share a nonce lock.
 */
final class AcmeHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private AcmeHttp() {
    }

    static Session session(String caUrl, Optional<Path> caCertificateFile, URI proxy) throws DriveException {
        SSLContext ssl = caCertificateFile.isPresent() ? sslContext(caCertificateFile.get()) : null;
        Session session = new Session(URI.create(caUrl), new Provider(ssl));
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

    /** acme4j's generic provider with our SSLContext in the JDK HttpClient. */
    static final class Provider extends GenericAcmeProvider {
        private final SSLContext ssl;

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
    }
}
