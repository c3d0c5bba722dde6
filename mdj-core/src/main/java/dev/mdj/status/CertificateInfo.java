package dev.mdj.status;

import dev.mdj.store.json.StoreTime.Period;
import dev.mdj.store.pem.Certificates;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One certificate as mod_md's status documents describe it.
 *
 * @param issuerName the issuer in OpenSSL's one-line form, {@code /CN=Pebble Intermediate CA 06f411}
 * @param valid notBefore and notAfter
 * @param serial upper-case hex
 * @param sha256Fingerprint lower-case hex of the DER encoding
 * @param ariCertId the ACME Renewal Information id, if the certificate names its issuer's key
 */
public record CertificateInfo(String issuerName, Period valid, String serial, String sha256Fingerprint,
        Optional<String> ariCertId) {

    public CertificateInfo {
        Objects.requireNonNull(issuerName, "issuerName");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint");
        Objects.requireNonNull(ariCertId, "ariCertId");
    }

    public static CertificateInfo of(X509Certificate cert) {
        return new CertificateInfo(Certificates.issuerOneLine(cert),
                new Period(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()),
                Certificates.serialHex(cert), Certificates.sha256Fingerprint(cert), Certificates.ariCertId(cert));
    }

    /** As md-status shows it: {@code issuer-name, valid, serial, sha256-fingerprint, ari-cert-id}. */
    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("issuer-name", issuerName);
        node.set("valid", valid.toJson());
        node.put("serial", serial);
        node.put("sha256-fingerprint", sha256Fingerprint);
        ariCertId.ifPresent(id -> node.put("ari-cert-id", id));
        return node;
    }

    /** As /.httpd/certificate-status shows it: {@code valid, serial, sha256-fingerprint}. */
    public ObjectNode toBriefJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("valid", valid.toJson());
        node.put("serial", serial);
        node.put("sha256-fingerprint", sha256Fingerprint);
        return node;
    }
}
