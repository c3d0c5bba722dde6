package dev.mdj.server;

import dev.mdj.config.Configuration;
import dev.mdj.server.http.Responder;
import dev.mdj.server.http.ReverseProxy;
import dev.mdj.server.log.AccessLogs;
import dev.mdj.server.site.SiteTable;
import dev.mdj.server.tls.CertificateBook;
import dev.mdj.status.StatusReader;
import dev.mdj.store.Store;
import java.util.Map;

/**
 * One configuration as the server runs it; a graceful reload makes a new generation and
 * connections accepted before keep theirs to the end, as httpd's generations do.
 *
 * @param number counts reloads, from 1
 * @param config the configuration
 * @param sites the virtual hosts
 * @param certificates what handshakes are served with
 * @param store the certificate store (challenge answers)
 * @param status what the status handlers and certificate-status answers read
 * @param handlers the SetHandler names the server knows, with their responders
 * @param files the static file responder
 * @param proxy the reverse proxy
 * @param accessLogs the CustomLogs, open while the generation has connections
 */
public record Generation(int number, Configuration config, SiteTable sites, CertificateBook certificates, Store store,
        StatusReader status, Map<String, Responder> handlers, Responder files, ReverseProxy proxy, AccessLogs accessLogs) {

    public Generation {
        handlers = Map.copyOf(handlers);
    }

    /** httpd's Timeout of the main server: how long a connection may stay silent. */
    public java.time.Duration timeout() {
        return sites.all().get(0).timeout();
    }
}
