package dev.mdj.store.pem;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Certificate chains in PEM, as mod_md stores them in {@code pubcert.pem}: the leaf first, then
 * the intermediates, each a {@code -----BEGIN CERTIFICATE-----} block with 64-character lines.
 */
public final class CertificatePem {

    static final String LABEL = "CERTIFICATE";

    private CertificatePem() {
    }

    /**
     * All {@code CERTIFICATE} blocks of the text, in order; other blocks are ignored.
     *
     * @param pem the PEM text
     * @return the certificates, never empty
     * @throws PemException if there is no certificate or one is damaged
     */
    public static List<X509Certificate> decodeChain(String pem) {
        CertificateFactory factory;
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException("the JDK has no X.509 certificate factory", e);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (PemBlocks.Block block : PemBlocks.parse(pem)) {
            if (!LABEL.equals(block.label())) {
                continue;
            }
            try {
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException | RuntimeException e) {
                throw new PemException("damaged certificate: block " + (chain.size() + 1)
                        + " is not a valid X.509 certificate", e);
            }
        }
        if (chain.isEmpty()) {
            throw new PemException("no certificate in PEM: no -----BEGIN CERTIFICATE----- block found");
        }
        return List.copyOf(chain);
    }

    /**
     * The chain as PEM, certificates in the given order (leaf first), as mod_md writes pubcert.pem.
     *
     * @param chain the certificates, leaf first
     * @return the PEM text, ending in a newline
     */
    public static String encodeChain(List<X509Certificate> chain) {
        Objects.requireNonNull(chain, "chain");
        if (chain.isEmpty()) {
            throw new PemException("cannot write an empty certificate chain");
        }
        StringBuilder sb = new StringBuilder();
        for (X509Certificate cert : chain) {
            try {
                sb.append(PemBlocks.encode(LABEL, cert.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new PemException("cannot encode certificate " + cert.getSubjectX500Principal(), e);
            }
        }
        return sb.toString();
    }
}
