package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.Settings;
import dev.mdj.store.json.MdState;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MdStateEvaluatorTest {

    private static final Instant FROM = Instant.parse("2026-11-23T09:17:01Z");
    private static final Instant UNTIL = FROM.plus(Duration.ofDays(90));
    private static final KeySpec RSA = new KeySpec.Rsa(2048);
    private static final KeySpec P256 = new KeySpec.Ec("secp256r1");
    private static final X509Certificate BOTH_NAMES =
            TestLeafs.leaf(FROM, UNTIL, "test1.example.org", "www.test1.example.org");
    private static final ManagedDomain TEST1 = Mds.md("test1.example.org", "www.test1.example.org");

    @Test
    void completeWhenEveryKeyHasACoveringCertificate() {
        MdAssessment assessment = evaluate(TEST1, Map.of(RSA, BOTH_NAMES));

        assertThat(assessment.state()).isEqualTo(MdState.COMPLETE);
        assertThat(assessment.isComplete()).isTrue();
        assertThat(assessment.description()).isEmpty();
        assertThat(assessment.certificates()).containsExactly(BOTH_NAMES);
    }

    /** The captured md.json before the first certificate: "certificate(rsa) is missing". */
    @Test
    void noCertificateIsMissing() {
        MdAssessment assessment = evaluate(TEST1, Map.of());

        assertThat(assessment.state()).isEqualTo(MdState.INCOMPLETE);
        assertThat(assessment.description()).contains("certificate(rsa) is missing");
        assertThat(assessment.certificates()).isEmpty();
    }

    /** c-keytypes: MDPrivateKeys secp256r1 rsa2048 names the first missing one. */
    @Test
    void namesTheFirstMissingKeySpec() {
        ManagedDomain md = withKeys(P256, RSA);

        assertThat(evaluate(md, Map.of()).description()).contains("certificate(secp256r1) is missing");
        assertThat(evaluate(md, Map.of(RSA, BOTH_NAMES)).description()).contains("certificate(secp256r1) is missing");
    }

    @Test
    void secondKeySpecMissing() {
        MdAssessment assessment = evaluate(withKeys(P256, RSA), Map.of(P256, BOTH_NAMES));

        assertThat(assessment.state()).isEqualTo(MdState.INCOMPLETE);
        assertThat(assessment.description()).contains("certificate(rsa) is missing");
        assertThat(assessment.certificates()).containsExactly(BOTH_NAMES);
    }

    @Test
    void twoKeySpecsBothPresent() {
        X509Certificate other = TestLeafs.leaf(FROM, UNTIL, "www.test1.example.org", "test1.example.org");

        MdAssessment assessment = evaluate(withKeys(P256, RSA), Map.of(P256, BOTH_NAMES, RSA, other));

        assertThat(assessment.isComplete()).isTrue();
        assertThat(assessment.certificates()).containsExactly(BOTH_NAMES, other);
    }

    @Test
    void aNameAddedToTheDomainIsNotCovered() {
        ManagedDomain md = Mds.md("test1.example.org", "www.test1.example.org", "mail.test1.example.org");

        MdAssessment assessment = evaluate(md, Map.of(RSA, BOTH_NAMES));

        assertThat(assessment.state()).isEqualTo(MdState.INCOMPLETE);
        assertThat(assessment.description()).contains("certificate(rsa) does not cover all domains.");
    }

    @Test
    void aWildcardCoversExactlyOneLabel() {
        X509Certificate wildcard = TestLeafs.leaf(FROM, UNTIL, "example.org", "*.example.org");

        assertThat(evaluate(Mds.md("example.org", "www.example.org", "MAIL.example.org"),
                Map.of(RSA, wildcard)).isComplete()).isTrue();
        assertThat(evaluate(Mds.md("example.org", "a.b.example.org"), Map.of(RSA, wildcard)).description())
                .contains("certificate(rsa) does not cover all domains.");
        assertThat(evaluate(Mds.md("www.example.org"), Map.of(RSA,
                TestLeafs.leaf(FROM, UNTIL, "*.example.org"))).isComplete()).isTrue();
        assertThat(evaluate(Mds.md("example.org"), Map.of(RSA,
                TestLeafs.leaf(FROM, UNTIL, "*.example.org"))).description())
                .contains("certificate(rsa) does not cover all domains.");
    }

    @Test
    void aWildcardDomainNeedsTheWildcardName() {
        ManagedDomain md = Mds.md("*.example.org");

        assertThat(evaluate(md, Map.of(RSA, TestLeafs.leaf(FROM, UNTIL, "*.example.org"))).isComplete()).isTrue();
        assertThat(evaluate(md, Map.of(RSA, TestLeafs.leaf(FROM, UNTIL, "www.example.org"))).isComplete()).isFalse();
    }

    @Test
    void mustStapleRequestedButNotInTheCertificate() {
        ManagedDomain md = Mds.md(Settings.empty().with(MdSetting.MUST_STAPLE, true),
                "test1.example.org", "www.test1.example.org");

        assertThat(evaluate(md, Map.of(RSA, BOTH_NAMES)).description())
                .contains("'must-staple' is requested, but certificate(rsa) has it not enabled.");
        assertThat(evaluate(md, Map.of(RSA, TestLeafs.mustStaple(FROM, UNTIL, "test1.example.org",
                "www.test1.example.org"))).isComplete()).isTrue();
    }

    @Test
    void mustStapleInTheCertificateButNotRequested() {
        X509Certificate stapled = TestLeafs.mustStaple(FROM, UNTIL, "test1.example.org", "www.test1.example.org");

        assertThat(evaluate(TEST1, Map.of(RSA, stapled)).description())
                .contains("'must-staple' is not requested, but certificate(rsa) has it enabled.");
    }

    @Test
    void coverageIsCheckedBeforeMustStaple() {
        ManagedDomain md = Mds.md(Settings.empty().with(MdSetting.MUST_STAPLE, true), "other.example.org");

        assertThat(evaluate(md, Map.of(RSA, BOTH_NAMES)).description())
                .contains("certificate(rsa) does not cover all domains.");
    }

    @Test
    void staticFilesAreAssessedByTheirCertificates() {
        Path certFile = Path.of("/etc/ssl/test1.pem");
        ManagedDomain md = Mds.md(Settings.empty().with(MdSetting.CERTIFICATE_FILES, List.of(certFile))
                .with(MdSetting.KEY_FILES, List.of(Path.of("/etc/ssl/test1.key"))),
                "test1.example.org", "www.test1.example.org");

        MdAssessment present = MdStateEvaluator.evaluate(md, spec -> {
            throw new AssertionError("the store is not asked for a domain with certificate files");
        }, path -> path.equals(certFile) ? Optional.of(BOTH_NAMES) : Optional.empty());
        MdAssessment absent = MdStateEvaluator.evaluate(md, spec -> Optional.of(BOTH_NAMES), path -> Optional.empty());

        assertThat(present.isComplete()).isTrue();
        assertThat(present.certificates()).containsExactly(BOTH_NAMES);
        assertThat(absent.description()).contains("certificate(rsa) is missing");
    }

    @Test
    void staticFilesBeyondTheKeySpecsAreNamedRsa() {
        Path first = Path.of("/etc/ssl/a.pem");
        Path second = Path.of("/etc/ssl/b.pem");
        ManagedDomain md = Mds.md(Settings.empty()
                .with(MdSetting.PRIVATE_KEYS, new KeySpecs(List.of(P256)))
                .with(MdSetting.CERTIFICATE_FILES, List.of(first, second)), "test1.example.org");
        X509Certificate wrongName = TestLeafs.leaf(FROM, UNTIL, "other.example.org");

        assertThat(MdStateEvaluator.evaluate(md, spec -> Optional.empty(),
                path -> Optional.of(path.equals(first) ? wrongName : BOTH_NAMES)).description())
                .contains("certificate(secp256r1) does not cover all domains.");
        assertThat(MdStateEvaluator.evaluate(md, spec -> Optional.empty(),
                path -> path.equals(first) ? Optional.of(BOTH_NAMES) : Optional.empty()).description())
                .contains("certificate(rsa) is missing");
    }

    @Test
    void anAssessmentDescribesExactlyTheIncompleteState() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new MdAssessment(MdState.COMPLETE, Optional.of("x"), List.of()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new MdAssessment(MdState.INCOMPLETE, Optional.empty(), List.of()));
    }

    private static ManagedDomain withKeys(KeySpec... specs) {
        return Mds.md(Settings.empty().with(MdSetting.PRIVATE_KEYS, new KeySpecs(List.of(specs))),
                "test1.example.org", "www.test1.example.org");
    }

    private static MdAssessment evaluate(ManagedDomain md, Map<KeySpec, X509Certificate> stored) {
        return MdStateEvaluator.evaluate(md, spec -> Optional.ofNullable(stored.get(spec)), path -> {
            throw new AssertionError("no certificate files configured");
        });
    }
}
