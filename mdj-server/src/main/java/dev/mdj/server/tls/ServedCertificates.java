package dev.mdj.server.tls;

import io.netty.handler.ssl.SslContext;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.net.ssl.SSLException;

/**
 * The certificates one name is served with (one per key type) and their TLS contexts, built on
 * first use per ALPN protocol list and TLS versions, and kept.
 *
 * @param keys the keys with their chains, in key spec order
 * @param fallback whether these are stand-ins while the managed domain has no certificate
 */
record ServedCertificates(List<CertifiedKey> keys, boolean fallback, ConcurrentMap<List<List<String>>, SslContext[]> contexts) {

    ServedCertificates(List<CertifiedKey> keys, boolean fallback) {
        this(List.copyOf(keys), fallback, new ConcurrentHashMap<>());
    }

    /** The context for {@code hello}'s key type negotiating {@code protocols} over {@code versions}. */
    SslContext contextFor(ClientHello hello, List<String> protocols, List<String> versions, TlsContextFactory factory)
            throws SSLException {
        int index = CertifiedKey.choose(keys, hello);
        SslContext[] built = contexts.computeIfAbsent(List.of(protocols, versions), p -> new SslContext[keys.size()]);
        synchronized (built) {
            if (built[index] == null) {
                built[index] = factory.build(keys.get(index), protocols, versions);
            }
            return built[index];
        }
    }
}
