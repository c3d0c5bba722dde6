package dev.mdj.store.pem;

import java.math.BigInteger;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;

/** Facts about a certificate in the forms mod_md shows them (serial, fingerprint, names). */
public final class Certificates {

    private static final int SAN_DNS = 2;

    /** OpenSSL's short names of the name attributes CAs use. */
    private static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("2.5.4.3", "CN"), Map.entry("2.5.4.6", "C"), Map.entry("2.5.4.7", "L"),
            Map.entry("2.5.4.8", "ST"), Map.entry("2.5.4.10", "O"), Map.entry("2.5.4.11", "OU"),
            Map.entry("2.5.4.5", "serialNumber"), Map.entry("2.5.4.9", "street"), Map.entry("2.5.4.17", "postalCode"),
            Map.entry("2.5.4.97", "organizationIdentifier"), Map.entry("1.2.840.113549.1.9.1", "emailAddress"),
            Map.entry("0.9.2342.19200300.100.1.25", "DC"), Map.entry("0.9.2342.19200300.100.1.1", "UID"));

    private Certificates() {
    }

    /**
     * The serial number as upper-case hex, as md-status shows it (OpenSSL's {@code BN_bn2hex}):
     * two digits per byte, without leading zero bytes ({@code 0ABC}, not {@code ABC}).
     */
    public static String serialHex(X509Certificate cert) {
        BigInteger serial = cert.getSerialNumber();
        if (serial.signum() == 0) {
            return "0";
        }
        return (serial.signum() < 0 ? "-" : "") + HexFormat.of().withUpperCase().formatHex(magnitude(serial.abs()));
    }

    /**
     * The ACME Renewal Information certificate id (RFC 9773, mod_md's {@code ari-cert-id}):
     * {@code base64url(authority key id) "." base64url(serial)}, unpadded, the serial without
     * a DER sign byte, as mod_md shows it in md-status (requests to the CA use RFC 9773's form
     * with the sign byte: see {@code RenewalInfoRequests}). Empty when the certificate has no
     * authority key identifier.
     */
    public static Optional<String> ariCertId(X509Certificate cert) {
        byte[] extension = cert.getExtensionValue(Extension.authorityKeyIdentifier.getId());
        if (extension == null) {
            return Optional.empty();
        }
        byte[] keyId = AuthorityKeyIdentifier.getInstance(ASN1OctetString.getInstance(extension).getOctets())
                .getKeyIdentifierOctets();
        if (keyId == null) {
            return Optional.empty();
        }
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return Optional.of(base64url.encodeToString(keyId) + "."
                + base64url.encodeToString(magnitude(cert.getSerialNumber().abs())));
    }

    /**
     * The issuer as OpenSSL's {@code X509_NAME_oneline} writes it, the way md-status shows it:
     * {@code /C=US/O=Let's Encrypt/CN=R3}, in the order of the certificate.
     */
    public static String issuerOneLine(X509Certificate cert) {
        StringBuilder line = new StringBuilder();
        for (RDN rdn : X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()).getRDNs()) {
            for (AttributeTypeAndValue ava : rdn.getTypesAndValues()) {
                String value = ava.getValue() instanceof ASN1String text ? text.getString() : ava.getValue().toString();
                line.append('/').append(SHORT_NAMES.getOrDefault(ava.getType().getId(), ava.getType().getId()))
                        .append('=').append(value);
            }
        }
        return line.toString();
    }

    /** The bytes of a non-negative number without leading zero bytes (OpenSSL's {@code BN_bn2bin}). */
    private static byte[] magnitude(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int start = 0;
        while (start < bytes.length - 1 && bytes[start] == 0) {
            start++;
        }
        return start == 0 ? bytes : Arrays.copyOfRange(bytes, start, bytes.length);
    }

    /** The SHA-256 fingerprint of the DER encoding as lower-case hex without separators. */
    public static String sha256Fingerprint(X509Certificate cert) {
        return fingerprint(cert, "SHA-256");
    }

    /**
     * The SHA-1 fingerprint of the DER encoding as lower-case hex: mod_md's id of a certificate
     * for OCSP stapling ({@code ocsp/<md>/ocsp-<sha1>.json}, server-status "CertificateID").
     */
    public static String sha1Fingerprint(X509Certificate cert) {
        return fingerprint(cert, "SHA-1");
    }

    private static String fingerprint(X509Certificate cert, String digest) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(digest).digest(cert.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate: " + e.getMessage(), e);
        }
    }

    /** The OCSP responder URLs of the authority information access extension, in order. */
    public static List<URI> ocspResponders(X509Certificate cert) {
        byte[] value = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return List.of();
        }
        List<URI> responders = new ArrayList<>();
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                ASN1OctetString.getInstance(value).getOctets());
        for (AccessDescription description : aia.getAccessDescriptions()) {
            GeneralName location = description.getAccessLocation();
            if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                    && location.getTagNo() == GeneralName.uniformResourceIdentifier) {
                try {
                    responders.add(URI.create(ASN1IA5String.getInstance(location.getName()).getString()));
                } catch (IllegalArgumentException e) {
                    // a responder URL that is not a URI cannot be asked; the others still can
                }
            }
        }
        return responders;
    }

    /** The DNS names of the subject alternative name extension, in order. */
    public static List<String> dnsNames(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(SAN_DNS).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new IllegalArgumentException("the certificate's subject alternative names cannot be read", e);
        }
        return names;
    }
}
