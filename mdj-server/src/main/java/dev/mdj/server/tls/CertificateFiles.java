package dev.mdj.server.tls;

import dev.mdj.store.pem.CertificatePem;
import dev.mdj.store.pem.PrivateKeyPem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads certificate and key files named by the configuration (SSLCertificateFile, MDCertificateFile). */
final class CertificateFiles {

    /** Larger than any sane certificate chain or key; a bigger file is a mistake. */
    private static final long MAX_SIZE = 1 << 20;

    private CertificateFiles() {
    }

    /**
     * Pairs the certificate files with their key files (a key may also be in the certificate
     * file, as mod_ssl allows), appending {@code chainFile}'s certificates to each chain.
     *
     * @throws IllegalArgumentException naming the file that cannot be used
     */
    static List<CertifiedKey> read(List<Path> certificates, List<Path> keys, Optional<Path> chainFile) {
        List<X509Certificate> extra = chainFile.map(f -> CertificatePem.decodeChain(text(f))).orElse(List.of());
        List<CertifiedKey> result = new ArrayList<>();
        for (int i = 0; i < certificates.size(); i++) {
            Path certFile = certificates.get(i);
            String certText = text(certFile);
            Path keyFile = i < keys.size() ? keys.get(i) : certFile;
            String keyText = keyFile.equals(certFile) ? certText : text(keyFile);
            List<X509Certificate> chain = new ArrayList<>(CertificatePem.decodeChain(certText));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException(certFile + " holds no certificate");
            }
            chain.addAll(extra);
            try {
                result.add(new CertifiedKey(PrivateKeyPem.decode(keyText, null), chain));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(keyFile + ": no usable private key (" + e.getMessage() + ")", e);
            }
        }
        return result;
    }

    private static String text(Path file) {
        try {
            if (Files.size(file) > MAX_SIZE) {
                throw new IllegalArgumentException(file + " is larger than " + MAX_SIZE + " bytes");
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
