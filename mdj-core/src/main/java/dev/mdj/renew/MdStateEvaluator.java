package dev.mdj.renew;

import dev.mdj.md.KeySpec;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.store.json.MdState;
import dev.mdj.store.pem.Certificates;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Assesses a managed domain from the certificates it has, as mod_md's {@code state_init}: the
 * domain is complete when it has one certificate per key spec of MDPrivateKeys (for a domain with
 * MDCertificateFile: one per file), each covering all of its names, and each with the TLS feature
 * "must-staple" exactly when MDMustStaple asks for it. The first certificate that fails decides
 * the description, named by its key spec: {@code certificate(rsa) is missing},
 * {@code certificate(secp256r1) does not cover all domains.},
 * {@code 'must-staple' is requested, but certificate(rsa) has it not enabled.}
 */
public final class MdStateEvaluator {

    /** The X.509 TLS feature extension (RFC 7633); present means "must staple". */
    private static final String TLS_FEATURE_OID = "1.3.6.1.5.5.7.1.24";

    private static final String WILDCARD_PREFIX = "*.";

    private MdStateEvaluator() {
    }

    /**
     * Assesses {@code md}.
     *
     * @param stored the leaf certificate the store holds in {@code domains/<md>} for a key spec
     * @param file the leaf certificate of an MDCertificateFile (only asked for domains that have them)
     */
    public static MdAssessment evaluate(ManagedDomain md, Function<KeySpec, Optional<X509Certificate>> stored,
            Function<Path, Optional<X509Certificate>> file) {
        Objects.requireNonNull(md, "md");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(file, "file");
        List<KeySpec> specs = md.get(MdSetting.PRIVATE_KEYS).specs();
        List<Path> files = md.get(MdSetting.CERTIFICATE_FILES);
        int count = md.hasStaticCertificates() ? files.size() : specs.size();
        List<X509Certificate> found = new ArrayList<>();
        Optional<String> problem = Optional.empty();
        for (int i = 0; i < count; i++) {
            // mod_md names a static file by the key spec at its position, "rsa" beyond them
            String name = i < specs.size() ? specs.get(i).storeName() : "rsa";
            Optional<X509Certificate> leaf = md.hasStaticCertificates()
                    ? file.apply(files.get(i)) : stored.apply(specs.get(i));
            leaf.ifPresent(found::add);
            if (problem.isEmpty()) {
                problem = leaf.isPresent() ? problemWith(md, leaf.get(), name)
                        : Optional.of("certificate(" + name + ") is missing");
            }
        }
        return new MdAssessment(problem.isEmpty() ? MdState.COMPLETE : MdState.INCOMPLETE, problem, found);
    }

    /** Whether {@code names} (a certificate's DNS names) cover every one of {@code domains}. */
    private static boolean covers(List<String> names, List<String> domains) {
        return domains.stream().allMatch(domain -> names.stream().anyMatch(name -> matches(name, domain)));
    }

    private static Optional<String> problemWith(ManagedDomain md, X509Certificate cert, String name) {
        if (!covers(Certificates.dnsNames(cert), md.domains())) {
            return Optional.of("certificate(" + name + ") does not cover all domains.");
        }
        boolean requested = md.get(MdSetting.MUST_STAPLE);
        if (requested != hasMustStaple(cert)) {
            return Optional.of("'must-staple' is" + (requested ? "" : " not") + " requested, but certificate("
                    + name + ") has it" + (requested ? " not" : "") + " enabled.");
        }
        return Optional.empty();
    }

    /**
     * A name matches itself (ignoring case); a wildcard {@code *.example.org} also matches any
     * name with exactly one more label in front ({@code www.example.org}, not {@code example.org}
     * nor {@code a.b.example.org}).
     */
    private static boolean matches(String pattern, String domain) {
        String p = pattern.toLowerCase(Locale.ROOT);
        String d = domain.toLowerCase(Locale.ROOT);
        if (p.equals(d)) {
            return true;
        }
        int dot = d.indexOf('.');
        return p.startsWith(WILDCARD_PREFIX) && dot >= 0 && d.substring(dot).equals(p.substring(1));
    }

    private static boolean hasMustStaple(X509Certificate cert) {
        return cert.getExtensionValue(TLS_FEATURE_OID) != null;
    }
}
