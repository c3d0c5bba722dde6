package dev.mdj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away certificate authority made with the {@code openssl} command: a self-signed CA
 * (RSA 2048, 10 years) and leaf certificates for DNS names and IP addresses signed by it, all
 * written as PEM files into one directory. Keys are unencrypted PKCS#8
 * ({@code BEGIN PRIVATE KEY}).
 */
public final class TestPki {

    /** A leaf certificate and its key, as files and parsed. */
    public record Leaf(Path certificateFile, Path keyFile) {

        public X509Certificate certificate() {
            return Pem.readCertificates(certificateFile).get(0);
        }

        public PrivateKey privateKey() {
            return Pem.readPrivateKey(keyFile);
        }
    }

    private final Path dir;
    private final Path caCertificateFile;
    private final Path caKeyFile;
    private final AtomicInteger serial = new AtomicInteger();
    /** openssl's {@code -newkey} words for a P-256 key. */
    private static final String EC_P256 = "ec -pkeyopt ec_paramgen_curve:P-256";

    private TestPki(Path dir) {
        this.dir = dir;
        this.caCertificateFile = dir.resolve("ca.pem");
        this.caKeyFile = dir.resolve("ca.key.pem");
    }

    /** Makes a new CA named {@code commonName} in {@code dir} (created if needed). */
    public static TestPki create(Path dir, String commonName) {
        TestPki pki = new TestPki(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(List.of("req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-keyout", pki.caKeyFile.toString(), "-out", pki.caCertificateFile.toString(),
                "-days", "3650", "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign"));
        return pki;
    }

    public Path caCertificateFile() {
        return caCertificateFile;
    }

    public Path caKeyFile() {
        return caKeyFile;
    }

    public X509Certificate caCertificate() {
        return Pem.readCertificates(caCertificateFile).get(0);
    }

    /** A leaf (RSA 2048, server auth, 90 days) for these names: IP literals become IP SANs. */
    public Leaf issue(String fileBase, List<String> names) {
        return issue(fileBase, names, "rsa:2048", 90);
    }

    /**
     * A leaf for these names, the first being the CN. {@code keyAlgorithm} is openssl's
     * {@code -newkey} argument and what follows it, split at spaces ({@code rsa:2048},
     * {@code ec -pkeyopt ec_paramgen_curve:P-256}).
     */
    public Leaf issue(String fileBase, List<String> names, String keyAlgorithm, int days) {
        return issue(fileBase, names, keyAlgorithm, days, null);
    }

    /**
     * A leaf that names {@code ocspResponder} in its authority information access (see
     * {@link OcspResponder}), with an RSA 2048 key or, with {@code ec}, a P-256 key.
     */
    public Leaf issueWithOcsp(String fileBase, List<String> names, boolean ec, java.net.URI ocspResponder) {
        return issue(fileBase, names, ec ? EC_P256 : "rsa:2048", 90, ocspResponder);
    }

    private Leaf issue(String fileBase, List<String> names, String keyAlgorithm, int days, java.net.URI ocsp) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no names");
        }
        Path key = dir.resolve(fileBase + ".key.pem");
        Path csr = dir.resolve(fileBase + ".csr");
        Path ext = dir.resolve(fileBase + ".ext");
        Path cert = dir.resolve(fileBase + ".pem");
        List<String> sans = new ArrayList<>();
        for (String n : names) {
            sans.add((n.matches("[0-9.]+|.*:.*") ? "IP:" : "DNS:") + n);
        }
        try {
            Files.writeString(ext, "subjectAltName=" + String.join(",", sans) + "\n"
                    + "basicConstraints=critical,CA:FALSE\n"
                    + "keyUsage=critical,digitalSignature,keyEncipherment\n"
                    + "extendedKeyUsage=serverAuth\n"
                    + (ocsp == null ? "" : "authorityInfoAccess=OCSP;URI:" + ocsp + "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> req = new ArrayList<>(List.of("req", "-newkey"));
        req.addAll(List.of(keyAlgorithm.split(" ")));
        req.addAll(List.of("-nodes", "-keyout", key.toString(), "-out", csr.toString(), "-subj", "/CN=" + names.get(0)));
        openssl(req);
        openssl(List.of("x509", "-req", "-in", csr.toString(), "-CA", caCertificateFile.toString(),
                "-CAkey", caKeyFile.toString(), "-set_serial", Long.toString(
                        System.currentTimeMillis() * 1000 + serial.incrementAndGet()),
                "-out", cert.toString(), "-days", Integer.toString(days), "-extfile", ext.toString()));
        return new Leaf(cert, key);
    }

    private static void openssl(List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add("openssl");
        cmd.addAll(args);
        Processes.run(cmd, Map.of(), null, Duration.ofSeconds(60)).orThrow();
    }
}
