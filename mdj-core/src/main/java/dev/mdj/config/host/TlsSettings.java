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

    public TlsSettings {
        certificateFiles = List.copyOf(certificateFiles);
        keyFiles = List.copyOf(keyFiles);
        protocols = List.copyOf(protocols);
    }
}
