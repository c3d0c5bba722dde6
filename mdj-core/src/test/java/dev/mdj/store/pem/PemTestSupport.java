package dev.mdj.store.pem;

import dev.mdj.md.KeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;

/** Shared test helpers: resources, a binary passphrase, self-signed certificates (JDK providers). */
final class PemTestSupport {

    private PemTestSupport() {
    }

    /** 48 bytes with NUL, 0xFF and other non-ASCII bytes, like a real store key. */
    static byte[] binaryPassphrase() {
        byte[] p = new byte[48];
        for (int i = 0; i < p.length; i++) {
            p[i] = (byte) (i * 37 + 11);
        }
        p[0] = 0x00;
        p[1] = (byte) 0xFF;
        p[24] = 0x00;
        p[47] = (byte) 0x80;
        return p;
    }

    static String resource(String path) {
        try (InputStream in = PemTestSupport.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static X509Certificate selfSigned(KeyPair pair) throws Exception {
        return dev.mdj.store.TestCertificates.selfSigned(pair);
    }

    static KeySpec spec(String s) {
        return s.startsWith("rsa") ? new KeySpec.Rsa(Integer.parseInt(s.substring(3))) : new KeySpec.Ec(s);
    }
}
