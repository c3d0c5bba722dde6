package dev.mdj.it;

import dev.mdj.testing.PebbleServer;

/** The configuration lines that point mdj at a test Pebble: its CA, trust, and challenge port. */
final class PebbleConfig {

    private PebbleConfig() {
    }

    /** Listen on Pebble's http-01 port, no https, Pebble as the CA, an agreement and a contact. */
    static String lines(PebbleServer pebble) {
        return """
                Listen 127.0.0.1:%d
                MDPortMap http:%d https:-
                MDCertificateAuthority %s
                MDCACertificateFile %s
                MDCertificateAgreement accepted
                MDContactEmail admin@example.org
                """.formatted(pebble.httpPort(), pebble.httpPort(), pebble.directoryUrl(), pebble.listenerCaFile());
    }

    /** A TLS virtual host for {@code names}: ServerName, then ServerAlias for the rest. */
    static String vhost(String... names) {
        return "<VirtualHost *:443>\n  ServerName " + names[0] + "\n"
                + (names.length > 1 ? "  ServerAlias " + String.join(" ", java.util.Arrays.asList(names)
                        .subList(1, names.length)) + "\n" : "")
                + "  SSLEngine on\n</VirtualHost>\n";
    }
}
