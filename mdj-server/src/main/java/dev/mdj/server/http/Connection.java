package dev.mdj.server.http;

import dev.mdj.server.Generation;
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
}
