/**
 * The Netty TLS front server: listeners from {@code Listen} and {@code <VirtualHost>}, the
 * certificate chosen per connection from the raw ClientHello (SNI, ALPN {@code acme-tls/1}, key
 * type), ACME challenge answers, 503 while a managed domain has no certificate, MDRequireHttps,
 * static files, reverse proxying and the status handlers. It depends on {@code mdj-core} and
 * never the other way round.
 */
package dev.mdj.server;
