package dev.mdj.server.tls;

import dev.mdj.ocsp.Staple;
import io.netty.handler.ssl.SslContext;

/**
 * What one handshake is served with: the TLS context of the chosen certificate and that
 * certificate's OCSP staple ({@link Staple#NONE} when it is not stapled).
 */
public record Selection(SslContext context, Staple staple) {
}
