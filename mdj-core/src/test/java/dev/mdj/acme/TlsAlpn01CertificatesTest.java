package dev.mdj.acme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mdj.md.KeySpec;
import dev.mdj.store.pem.KeyPairs;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TlsAlpn01CertificatesTest {

    private static final String KEY_AUTH = "tok3n.thumbprint-xyz";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private static KeyPair key(String spec) {
        return KeyPairs.generate(spec.equals("rsa") ? new KeySpec.Rsa(2048) : new KeySpec.Ec(spec));
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa", "secp256r1", "secp384r1"})
    void rfc8737Certificate(String spec) throws Exception {
        KeyPair key = key(spec);
        X509Certificate cert = TlsAlpn01Certificates.create(key, "www.example.org", KEY_AUTH, NOW);
        cert.verify(key.getPublic());
        assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=tls-alpn-01-challenge");
        assertThat(cert.getSubjectAlternativeNames()).containsExactly(List.of(2, "www.example.org"));
        assertThat(cert.getCriticalExtensionOIDs()).contains("1.3.6.1.5.5.7.1.31", "2.5.29.19");
        assertThat(cert.getBasicConstraints()).isEqualTo(-1);
        assertThat(Duration.between(cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(7));
        assertThat(cert.getSerialNumber().bitLength()).isLessThanOrEqualTo(159);
        Extension ext = new JcaX509CertificateHolder(cert).getExtension(TlsAlpn01Certificates.ACME_IDENTIFIER);
        byte[] digest = ASN1OctetString.getInstance(ext.getParsedValue()).getOctets();
        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(KEY_AUTH.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void opensslReadsIt(@TempDir Path dir) throws Exception {
        assumeTrue(new File("/usr/bin/openssl").canExecute(), "openssl not installed");
        X509Certificate cert = TlsAlpn01Certificates.create(key("secp256r1"), "a.example", KEY_AUTH, NOW);
        Path pem = dir.resolve("c.pem");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(cert.getEncoded()) + "\n-----END CERTIFICATE-----\n");
        Process p = new ProcessBuilder("openssl", "x509", "-in", pem.toString(), "-noout", "-text")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isZero();
        assertThat(out).contains("Subject: CN = tls-alpn-01-challenge", "DNS:a.example",
                "1.3.6.1.5.5.7.1.31: critical", "Basic Constraints: critical", "CA:FALSE");
        // the extension value is OCTET STRING { OCTET STRING (32 bytes of SHA-256) }
        Process a = new ProcessBuilder("openssl", "asn1parse", "-in", pem.toString()).redirectErrorStream(true).start();
        String asn1 = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(a.waitFor()).isZero();
        String hex = HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(KEY_AUTH.getBytes(StandardCharsets.US_ASCII)));
        assertThat(asn1).contains("[HEX DUMP]:0420" + hex);
    }
}
