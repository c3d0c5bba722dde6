/**
 * The reverse proxy of ProxyPass, as mod_proxy_http: requests streamed to HTTP and HTTPS
 * backends over pooled keep-alive connections on the client's own event loop, responses streamed
 * back with ProxyPassReverse applied.
 */
package dev.mdj.server.proxy;
