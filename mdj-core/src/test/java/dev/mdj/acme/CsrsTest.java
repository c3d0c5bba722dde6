package dev.mdj.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.pem.KeyPairs;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.Test;

class CsrsTest {

    private static final KeyPair RSA = KeyPairs.generate(new KeySpec.Rsa(2048));
    private static final KeyPair EC = KeyPairs.generate(new KeySpec.Ec("secp256r1"));

    private static Extensions extensions(PKCS10CertificationRequest csr) {
        return Extensions.getInstance(csr.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)[0]
                .getAttrValues().getObjectAt(0));
    }

    private static List<String> sans(PKCS10CertificationRequest csr) {
        GeneralNames names = GeneralNames.fromExtensions(extensions(csr), Extension.subjectAlternativeName);
        return Arrays.stream(names.getNames()).map(n -> n.getName().toString()).toList();
    }

    @Test
    void sansCnAndSignature() throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(
                Csrs.create(List.of("a.example", "www.a.example"), RSA, false));
        assertThat(sans(csr)).containsExactly("a.example", "www.a.example");
        assertThat(csr.getSubject().getRDNs(BCStyle.CN)[0].getFirst().getValue().toString()).isEqualTo("a.example");
        assertThat(extensions(csr).getExtension(Csrs.TLS_FEATURE)).isNull();
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(RSA.getPublic()))).isTrue();
        assertThat(Arrays.stream(extensions(csr).getExtensionOIDs()).toList()).containsExactly(Extension.subjectAlternativeName);
    }

    @Test
    void mustStapleAddsTlsFeatureStatusRequest() throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(Csrs.create(List.of("a.example"), EC, true));
        Extension ext = extensions(csr).getExtension(Csrs.TLS_FEATURE);
        assertThat(ext).isNotNull();
        assertThat(ext.getExtnId().getId()).isEqualTo("1.3.6.1.5.5.7.1.24");
        ASN1Sequence seq = ASN1Sequence.getInstance(ext.getParsedValue());
        assertThat(seq.size()).isEqualTo(1);
        assertThat(ASN1Integer.getInstance(seq.getObjectAt(0)).intValueExact()).isEqualTo(5);
        assertThat(csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(EC.getPublic()))).isTrue();
    }

    @Test
    void noCnWhenFirstNameIs64OrLonger() throws Exception {
        String longName = "a".repeat(50) + ".example.org.example"; // 70 chars
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(
                Csrs.create(List.of(longName, "b.example"), RSA, false));
        assertThat(csr.getSubject().getRDNs(BCStyle.CN)).isEmpty();
        assertThat(sans(csr)).containsExactly(longName, "b.example");
        String sixtyThree = "b".repeat(55) + ".example"; // 63 chars
        csr = new PKCS10CertificationRequest(Csrs.create(List.of(sixtyThree), RSA, false));
        assertThat(csr.getSubject().getRDNs(BCStyle.CN)).hasSize(1);
    }

    @Test
    void wildcardSan() throws Exception {
        PKCS10CertificationRequest csr = new PKCS10CertificationRequest(
                Csrs.create(Identifiers.of(List.of("wild.example", "*.wild.example", "www.wild.example")), RSA, false));
        assertThat(sans(csr)).containsExactly("wild.example", "*.wild.example");
        assertThat(GeneralNames.fromExtensions(extensions(csr), Extension.subjectAlternativeName).getNames()[1]
                .getTagNo()).isEqualTo(GeneralName.dNSName);
    }
}
