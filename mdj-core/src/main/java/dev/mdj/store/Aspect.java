package dev.mdj.store;

import dev.mdj.md.KeySpec;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * One file of a store entry, with the type of value it holds: {@code md.json} is JSON,
 * {@code privkey.pem} a private key, {@code pubcert.pem} a certificate chain. This is the only
 * place that knows mod_md's file names (its {@code MD_FN_*}).
 *
 * @param <T> the value type: {@link ObjectNode}, {@link String}, {@link PrivateKey} or a
 *     certificate chain ({@code List<X509Certificate>})
 */
public final class Aspect<T> {

    /** The kinds of value a store file holds. */
    public enum Kind { JSON, TEXT, PRIVATE_KEY, CERTIFICATE_CHAIN }

    public static final Aspect<ObjectNode> STORE_JSON = json("md_store.json");
    public static final Aspect<ObjectNode> HTTPD_JSON = json("httpd.json");
    public static final Aspect<ObjectNode> MD_JSON = json("md.json");
    public static final Aspect<ObjectNode> JOB_JSON = json("job.json");
    public static final Aspect<ObjectNode> ORDER_JSON = json("order.json");
    public static final Aspect<ObjectNode> ACCOUNT_JSON = json("account.json");
    public static final Aspect<PrivateKey> ACCOUNT_KEY = new Aspect<>("account.pem", Kind.PRIVATE_KEY);
    /** The http-01 key authorization, served for the challenge directory's DNS name. */
    public static final Aspect<String> HTTP01_CHALLENGE = new Aspect<>("acme-http-01.txt", Kind.TEXT);

    private final String fileName;
    private final Kind kind;

    private Aspect(String fileName, Kind kind) {
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    private static Aspect<ObjectNode> json(String fileName) {
        return new Aspect<>(fileName, Kind.JSON);
    }

    /** The private key of a certificate: {@code privkey.pem} (RSA) or {@code privkey.<curve>.pem}. */
    public static Aspect<PrivateKey> privateKey(KeySpec spec) {
        return new Aspect<>(keyFile("privkey", spec), Kind.PRIVATE_KEY);
    }

    /** The certificate chain, leaf first: {@code pubcert.pem} or {@code pubcert.<curve>.pem}. */
    public static Aspect<List<X509Certificate>> certificateChain(KeySpec spec) {
        return new Aspect<>(keyFile("pubcert", spec), Kind.CERTIFICATE_CHAIN);
    }

    /** The key of the self-signed certificate served while an MD has none. */
    public static Aspect<PrivateKey> fallbackPrivateKey(KeySpec spec) {
        return new Aspect<>(keyFile("fallback-privkey", spec), Kind.PRIVATE_KEY);
    }

    /** The self-signed certificate served while an MD has none. */
    public static Aspect<List<X509Certificate>> fallbackCertificateChain(KeySpec spec) {
        return new Aspect<>(keyFile("fallback-pubcert", spec), Kind.CERTIFICATE_CHAIN);
    }

    /** The key of a tls-alpn-01 challenge certificate. */
    public static Aspect<PrivateKey> tlsAlpn01PrivateKey(KeySpec spec) {
        return new Aspect<>(keyFile("acme-tls-alpn-01-privkey", spec), Kind.PRIVATE_KEY);
    }

    /** A tls-alpn-01 challenge certificate. */
    public static Aspect<List<X509Certificate>> tlsAlpn01Certificate(KeySpec spec) {
        return new Aspect<>(keyFile("acme-tls-alpn-01-pubcert", spec), Kind.CERTIFICATE_CHAIN);
    }

    /** A persisted OCSP response, named by the lower-case hex SHA-1 of the certificate. */
    public static Aspect<ObjectNode> ocspResponse(String certificateSha1Hex) {
        if (!certificateSha1Hex.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("not a lower-case hex SHA-1: " + certificateSha1Hex);
        }
        return json("ocsp-" + certificateSha1Hex + ".json");
    }

    /**
     * mod_md's {@code pk_filename}: RSA keys have no suffix; other specs add their name, and the
     * whole file name is lower-cased ({@code P-256} gives {@code privkey.p-256.pem}).
     */
    private static String keyFile(String base, KeySpec spec) {
        String name = spec instanceof KeySpec.Rsa ? base + ".pem" : base + "." + spec.storeName() + ".pem";
        return name.toLowerCase(Locale.ROOT);
    }

    public String fileName() {
        return fileName;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Aspect<?> other && fileName.equals(other.fileName) && kind == other.kind;
    }

    @Override
    public int hashCode() {
        return fileName.hashCode();
    }

    @Override
    public String toString() {
        return fileName;
    }
}
