package dev.mdj.config.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The mod_ssl settings of one server: whether it speaks TLS, and the certificate files of a
 * server that is not a managed domain.
 *
 * @param engine {@code SSLEngine on}
 * @param certificateFiles {@code SSLCertificateFile}s (one per key type)
 * @param keyFiles {@code SSLCertificateKeyFile}s, in the same order
 * @param chainFile {@code SSLCertificateChainFile}
 * @param protocols the {@code SSLProtocol} words as written (empty: mdj's defaults)
 * @param cipherSuite the {@code SSLCipherSuite} (empty: mdj's defaults)
 * @param useStapling {@code SSLUseStapling}, when given
 */
public record TlsSettings(boolean engine, List<Path> certificateFiles, List<Path> keyFiles,
        Optional<Path> chainFile, List<String> protocols, Optional<String> cipherSuite,
        Optional<Boolean> useStapling) {

    /** The TLS versions mdj speaks, newest first; older ones are never offered. */
    public static final List<String> SUPPORTED_VERSIONS = List.of("TLSv1.3", "TLSv1.2");

    public TlsSettings {
        certificateFiles = List.copyOf(certificateFiles);
        keyFiles = List.copyOf(keyFiles);
        protocols = List.copyOf(protocols);
    }

    /**
     * The TLS versions {@code SSLProtocol} leaves enabled, as mod_ssl reads it: words in order, a
     * word without sign replaces the set, {@code +} adds, {@code -} removes, {@code all} is every
     * version. Versions older than TLS 1.2 do not count; without SSLProtocol, TLS 1.2 and 1.3.
     */
    public List<String> tlsVersions() {
        return tlsVersions(protocols);
    }

    /** {@link #tlsVersions()} of the {@code SSLProtocol} words {@code protocols}. */
    public static List<String> tlsVersions(List<String> protocols) {
        java.util.Set<String> enabled = new java.util.LinkedHashSet<>(SUPPORTED_VERSIONS);
        for (String word : protocols) {
            char sign = word.charAt(0);
            String name = sign == '+' || sign == '-' ? word.substring(1) : word;
            List<String> named = name.equalsIgnoreCase("all") ? SUPPORTED_VERSIONS
                    : SUPPORTED_VERSIONS.stream().filter(v -> v.equalsIgnoreCase(name)).toList();
            if (sign == '-') {
                enabled.removeAll(named);
            } else {
                if (sign != '+') {
                    enabled.clear();
                }
                enabled.addAll(named);
            }
        }
        return SUPPORTED_VERSIONS.stream().filter(enabled::contains).toList();
    }
}
