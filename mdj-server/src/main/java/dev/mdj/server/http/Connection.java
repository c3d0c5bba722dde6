package dev.mdj.server.http;

import dev.mdj.server.Generation;
import dev.mdj.server.site.Site;
import java.net.InetSocketAddress;

/**
 * What a request knows about the connection it came on.
 *
 * @param generation the configuration the connection was accepted under; it keeps it to the end
 * @param local the address and port the client connected to
 * @param remote the client's address
 * @param secure whether the connection is TLS
 * @param serverName the SNI name of a TLS connection, lower-case, or empty
 */
public record Connection(Generation generation, InetSocketAddress local, InetSocketAddress remote, boolean secure,
        String serverName) {

    /** The site a request reaches without a known Host: the first for the local address (httpd's base server). */
    public Site defaultSite() {
        return generation.sites().candidates(local.getAddress(), local.getPort()).get(0);
    }
}
