package dev.mdj.testing;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Looks at servers through the {@code openssl} command, as an operator would. */
public final class OpenSsl {

    private OpenSsl() {
    }

    /**
     * The chain a TLS server presents for this SNI name ({@code openssl s_client -showcerts}),
     * leaf first.
     *
     * @throws IllegalStateException with s_client's output if no certificate was received
     */
    public static List<X509Certificate> servedChain(String host, int port, String serverName) {
        Processes.Result r = Processes.run(List.of("openssl", "s_client", "-connect", host + ":" + port,
                "-servername", serverName, "-showcerts"), Map.of(), "", Duration.ofSeconds(20));
        List<X509Certificate> chain = Pem.certificates(r.output());
        if (chain.isEmpty()) {
            throw new IllegalStateException("openssl s_client -connect " + host + ":" + port + " -servername "
                    + serverName + " received no certificate (exit " + r.exitCode() + "):\n" + r.output());
        }
        return chain;
    }
}
