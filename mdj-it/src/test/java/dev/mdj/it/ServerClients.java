package dev.mdj.it;

import dev.mdj.testing.PebbleServer;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** JDK HttpClients for talking to mdj as a browser would. */
final class ServerClients {

    private ServerClients() {
    }

    /** A client trusting only {@code root}, as a browser trusts a public CA. */
    static HttpClient trusting(X509Certificate root) {
        return HttpClient.newBuilder().sslContext(PebbleServer.sslContextTrusting(root))
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A client that accepts any certificate: for looking at what is served before a real one exists. */
    static HttpClient trustingAll() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }
}
