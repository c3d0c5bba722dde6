package dev.mdj.acme;

import dev.mdj.renew.AriWindow;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.Connection;
import org.shredzone.acme4j.connector.Resource;
import org.shredzone.acme4j.exception.AcmeException;
import org.shredzone.acme4j.exception.AcmeProtocolException;
import org.shredzone.acme4j.toolbox.AcmeUtils;
import org.shredzone.acme4j.toolbox.JSON;

/**
 * ACME Renewal Information (RFC 9773) on acme4j: whether a CA offers it, a certificate's ARI
 * cert-id as RFC 9773 defines it (base64url(AKI keyid) "." base64url(the DER value bytes of the
 * serial, a leading sign byte included) — acme4j's, also used for {@code replaces}), and the
 * unauthenticated GET of {@code <renewalInfo>/<cert-id>} that mod_md does. md-status's
 * {@code ari-cert-id} keeps mod_md's spelling instead ({@code Certificates.ariCertId}: the serial
 * without the sign byte, as OpenSSL's BN_bn2bin writes it); the two differ only for serials whose
 * first bit is set, where mod_md's request does not follow the RFC. acme4j's own {@code RenewalInfo} resource needs a {@code Login}, that is an account,
 * which mod_md does not need for this; so the request goes through the session's connection.
 */
final class RenewalInfoRequests {

    private RenewalInfoRequests() {
    }

    /** The CA's {@code renewalInfo} URL, if its directory has one. */
    static Optional<URL> endpoint(Session session) throws AcmeException {
        return session.resourceUrlOptional(Resource.RENEWAL_INFO);
    }

    /**
     * The ARI cert-id of {@code certificate}.
     *
     * @throws AcmeProtocolException when the certificate has no Authority Key Identifier
     */
    static String certId(X509Certificate certificate) {
        return AcmeUtils.getRenewalUniqueIdentifier(certificate);
    }

    /** GETs the CA's renewal window of {@code certificate}; empty when the CA has no renewalInfo. */
    static Optional<AriWindow> fetch(Session session, X509Certificate certificate) throws AcmeException {
        Optional<URL> endpoint = endpoint(session);
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        String base = endpoint.get().toExternalForm();
        URL url = url((base.endsWith("/") ? base : base + "/") + certId(certificate));
        try (Connection connection = session.connect()) {
            connection.sendRequest(url, session, null);
            JSON info = connection.readJsonResponse();
            JSON window = info.get("suggestedWindow").asObject();
            return Optional.of(new AriWindow(window.get("start").asInstant(), window.get("end").asInstant(),
                    info.get("explanationURL").optional().map(v -> URI.create(v.asString())),
                    connection.getRetryAfter()));
        } catch (IllegalArgumentException e) {
            throw new AcmeProtocolException("unusable renewal information from " + url + ": " + e.getMessage(), e);
        }
    }

    private static URL url(String url) {
        try {
            return new URI(url).toURL();
        } catch (URISyntaxException | java.net.MalformedURLException e) {
            throw new AcmeProtocolException("bad renewalInfo URL " + url, e);
        }
    }
}
