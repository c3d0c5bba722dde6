package dev.mdj.server.tls;

import dev.mdj.ocsp.Staple;
import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.net.ssl.SSLException;

/**
 * The certificates one name is served with (one per key type), their OCSP staples and their TLS
 * contexts, built on first use per ALPN protocol list and TLS versions, and kept.
 *
 * @param keys the keys with their chains, in key spec order
 * @param staples the staple of each key, in the same order
 * @param fallback whether these are stand-ins while the managed domain has no certificate
 */
record ServedCertificates(List<CertifiedKey> keys, List<Staple> staples, boolean fallback,
        ConcurrentMap<List<List<String>>, SslContext[]> contexts) {

    ServedCertificates(List<CertifiedKey> keys, List<Staple> staples, boolean fallback) {
        this(List.copyOf(keys), List.copyOf(staples), fallback, new ConcurrentHashMap<>());
        if (staples.size() != keys.size()) {
            throw new IllegalArgumentException("one staple per key");
        }
    }

    /** Certificates that are not stapled. */
    static ServedCertificates unstapled(List<CertifiedKey> keys, boolean fallback) {
        return new ServedCertificates(keys, Stapling.none(keys), fallback);
    }

    /** The context and staple for {@code hello}'s key type negotiating {@code protocols} over {@code versions}. */
    Selection selectionFor(ClientHello hello, List<String> protocols, List<String> versions, TlsContextFactory factory)
            throws SSLException {
        int index = CertifiedKey.choose(keys, hello);
        SslContext[] built = contexts.computeIfAbsent(List.of(protocols, versions), p -> new SslContext[keys.size()]);
        synchronized (built) {
            if (built[index] == null) {
                built[index] = factory.build(keys.get(index), protocols, versions);
            }
            return new Selection(built[index], staples.get(index));
        }
    }
}
