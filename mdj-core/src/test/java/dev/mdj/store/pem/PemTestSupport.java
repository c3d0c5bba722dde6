package dev.mdj.store.pem;

import dev.mdj.md.KeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

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
        X500Name name = new X500Name("CN=test.example.org");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name,
                pair.getPublic());
        String alg = pair.getPrivate().getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(alg).build(pair.getPrivate())));
    }

    static KeySpec spec(String s) {
        return s.startsWith("rsa") ? new KeySpec.Rsa(Integer.parseInt(s.substring(3))) : new KeySpec.Ec(s);
    }
}
