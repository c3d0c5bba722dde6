package dev.mdj.config;

import static dev.mdj.config.Arity.FLAG;
import static dev.mdj.config.Arity.ITERATE;
import static dev.mdj.config.Arity.TAKE1;
import static dev.mdj.config.Arity.TAKE12;
import static dev.mdj.config.CoreDirectives.spec;

import dev.mdj.config.host.TlsSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The mod_ssl directives mdj serves: TLS on or off, and certificates outside managed domains. */
final class SslDirectives {

    private static final Set<Scope> SERVERS = Set.of(Scope.SERVER, Scope.VIRTUAL_HOST);
    private static final Set<String> OLD_PROTOCOLS = Set.of("sslv3", "tlsv1", "tlsv1.1");
    private static final Set<String> PROTOCOLS = Set.of("all", "sslv3", "tlsv1", "tlsv1.1",
            "tlsv1.2", "tlsv1.3");

    private SslDirectives() {
    }

    static List<DirectiveSpec> specs() {
        return List.of(
                spec("ssl", "SSLEngine", TAKE1, SERVERS, "SSL switch for the protocol engine (`on', `off')",
                        SslDirectives::engine),
                spec("ssl", "SSLCertificateFile", TAKE1, SERVERS, "SSL Server Certificate file (`/path/to/file' - PEM or DER encoded)",
                        c -> c.server().certificateFiles.add(existingFile(c, "SSLCertificateFile"))),
                spec("ssl", "SSLCertificateKeyFile", TAKE1, SERVERS, "SSL Server Private Key file (`/path/to/file' - PEM or DER encoded)",
                        c -> c.server().keyFiles.add(existingFile(c, "SSLCertificateKeyFile"))),
                spec("ssl", "SSLCertificateChainFile", TAKE1, SERVERS, "SSL Server CA Certificate Chain file (`/path/to/file' - PEM encoded)",
                        c -> c.server().chainFile = existingFile(c, "SSLCertificateChainFile")),
                spec("ssl", "SSLProtocol", ITERATE, SERVERS, "Enable or disable various SSL protocols (`[+-][TLSv1|TLSv1.1|TLSv1.2|TLSv1.3] ...' - see manual)",
                        SslDirectives::protocol),
                spec("ssl", "SSLCipherSuite", TAKE12, SERVERS, "Colon-delimited list of permitted SSL Ciphers, optional preceded by protocol identifier ('XXX:...:XXX' - see manual)",
                        SslDirectives::cipherSuite),
                spec("ssl", "SSLUseStapling", FLAG, SERVERS, "SSL switch for the OCSP stapling protocol (`on', `off')",
                        c -> c.server().useStapling = c.flag()),
                spec("ssl", "SSLSessionCache", TAKE1, Set.of(Scope.SERVER), "SSL Session Cache storage (`none', `nonenotnull', `dbm:/path/to/file')",
                        c -> { })); // mdj keeps TLS sessions in memory and uses session tickets
    }

    private static void engine(DirectiveContext c) {
        switch (c.arg(0).toLowerCase(Locale.ROOT)) {
            case "on" -> c.server().sslEngine = true;
            case "off" -> c.server().sslEngine = false;
            case "optional" -> throw new IllegalArgumentException(
                    "'optional' (RFC 2817 upgrade) is not supported by mdj; use 'on' or 'off'");
            default -> throw new IllegalArgumentException("Argument must be On, Off, or Optional");
        }
    }

    private static Path existingFile(DirectiveContext c, String name) {
        Path file = c.resolve(c.arg(0));
        try {
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                return file;
            }
        } catch (java.io.IOException e) {
            // reported below
        }
        throw new IllegalArgumentException("file '" + file + "' does not exist or is empty");
    }

    private static void protocol(DirectiveContext c) {
        List<String> words = new ArrayList<>();
        for (String word : c.args()) {
            String name = word.startsWith("+") || word.startsWith("-") ? word.substring(1) : word;
            if (!PROTOCOLS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Illegal protocol '" + name + "'");
            }
            words.add(word);
        }
        if (TlsSettings.tlsVersions(words).isEmpty()) {
            throw new IllegalArgumentException("this leaves no TLS version mdj speaks; mdj offers "
                    + String.join(" and ", TlsSettings.SUPPORTED_VERSIONS));
        }
        if (words.stream().anyMatch(w -> !w.startsWith("-") && OLD_PROTOCOLS.contains(
                (w.startsWith("+") ? w.substring(1) : w).toLowerCase(Locale.ROOT)))) {
            c.warn("versions before TLSv1.2 are never offered by mdj");
        }
        c.server().sslProtocols.clear();
        c.server().sslProtocols.addAll(words);
    }

    private static void cipherSuite(DirectiveContext c) {
        c.server().cipherSuite = String.join(" ", c.args());
        c.warn("SSLCipherSuite is accepted but not applied: mdj offers Mozilla's \"intermediate\" suites"
                + " (TLS 1.3, and ECDHE with AES-GCM or ChaCha20 for TLS 1.2)");
    }
}
