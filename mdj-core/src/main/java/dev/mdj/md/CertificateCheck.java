package dev.mdj.md;

import java.util.Objects;

/**
 * Where the server-status page links a certificate for inspection (MDCertificateCheck): a
 * display name and a URL prefix the certificate's SHA-256 fingerprint is appended to.
 */
public record CertificateCheck(String name, String urlPrefix) {

    /** mod_md's default: crt.sh. */
    public static final CertificateCheck DEFAULT = new CertificateCheck("crt.sh", "https://crt.sh?q=");

    /** {@code {"name": ..., "url": ...}} for JSON views. */
    public java.util.Map<String, String> toJson() {
        java.util.Map<String, String> json = new java.util.LinkedHashMap<>();
        json.put("name", name);
        json.put("url", urlPrefix);
        return json;
    }

    public CertificateCheck {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(urlPrefix, "urlPrefix");
    }
}
