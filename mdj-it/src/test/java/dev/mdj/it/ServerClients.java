package dev.mdj.it;

import dev.mdj.testing.TestTls;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** JDK HttpClients for talking to mdj as a browser would. */
final class ServerClients {

    private ServerClients() {
    }

    /** A client trusting only {@code root}, as a browser trusts a public CA. */
    static HttpClient trusting(X509Certificate root) {
        return HttpClient.newBuilder().sslContext(TestTls.trusting(root)).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client that accepts any certificate: for looking at what is served before a real one exists. */
    static HttpClient trustingAll() {
        return HttpClient.newBuilder().sslContext(TestTls.trustingAnything()).connectTimeout(Duration.ofSeconds(10))
                .build();
    }
}
