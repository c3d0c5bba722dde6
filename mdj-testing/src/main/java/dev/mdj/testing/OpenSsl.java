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
     * The chain a TLS server presents for this SNI name ({@code openssl s_client -showcerts}
     * with further s_client {@code options}, such as {@code -sigalgs}), leaf first.
     *
     * @throws IllegalStateException with s_client's output if no certificate was received
     */
    public static List<X509Certificate> servedChain(String host, int port, String serverName, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect", host + ":" + port,
                "-servername", serverName, "-showcerts"));
        command.addAll(List.of(options));
        Processes.Result r = Processes.run(command, Map.of(), "", Duration.ofSeconds(20));
        List<X509Certificate> chain = Pem.certificates(r.output());
        if (chain.isEmpty()) {
            throw new IllegalStateException("openssl s_client -connect " + host + ":" + port + " -servername "
                    + serverName + " received no certificate (exit " + r.exitCode() + "):\n" + r.output());
        }
        return chain;
    }
}
