package dev.mdj.md;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings a managed domain may have for itself: written inside {@code <MDomain>} they apply
 * to that domain; written at the top level they are the default of every domain. Defaults are
 * mod_md's.
 */
public final class MdSetting {

    public static final Setting<RequireHttps> REQUIRE_HTTPS =
            Setting.of("require-https", "MDRequireHttps", RequireHttps.OFF, RequireHttps::jsonValue);
    public static final Setting<MemberMode> MEMBERS =
            Setting.of("members", "MDMembers", MemberMode.AUTO, MdSetting::lower);
    public static final Setting<RenewMode> RENEW_MODE =
            Setting.of("renew-mode", "MDRenewMode", RenewMode.AUTO, MdSetting::lower);
    public static final Setting<Boolean> MUST_STAPLE =
            Setting.plain("must-staple", "MDMustStaple", false);
    public static final Setting<KeySpecs> PRIVATE_KEYS =
            Setting.of("privkey", "MDPrivateKeys", KeySpecs.DEFAULT, KeySpecs::format);
    public static final Setting<RenewWindow> RENEW_WINDOW =
            Setting.of("renew-window", "MDRenewWindow", RenewWindow.ofPercent(33), RenewWindow::format);
    public static final Setting<RenewWindow> WARN_WINDOW =
            Setting.of("warn-window", "MDWarnWindow", RenewWindow.ofPercent(10), RenewWindow::format);
    /** The CAs to use, the first one first; the others are failovers (MDRetryFailover). */
    public static final Setting<List<URI>> CA_URLS = Setting.of("ca-urls",
            "MDCertificateAuthority", List.of(CertificateAuthorities.DEFAULT), MdSetting::strings);
    public static final Setting<String> CA_PROTOCOL =
            Setting.plain("ca-proto", "MDCertificateProtocol", "ACME");
    public static final Setting<String> CA_AGREEMENT =
            Setting.plain("ca-agreement", "MDCertificateAgreement", null);
    /** Contact URI ({@code mailto:...}); falls back to the matching virtual host's ServerAdmin. */
    public static final Setting<String> CONTACT =
            Setting.plain("contacts", "MDContactEmail", null);
    /** The challenge types allowed, in order of preference; unset means mdj chooses. */
    public static final Setting<List<String>> CA_CHALLENGES =
            Setting.plain("ca-challenges", "MDCAChallenges", null);
    /** External account binding; an empty value means explicitly none ({@code none}). */
    public static final Setting<Optional<ExternalAccountBinding>> EAB = Setting.of("eab",
            "MDExternalAccountBinding", Optional.empty(),
            eab -> eab.<Object>map(e -> Map.of("kid", e.keyId())).orElse("none"));
    public static final Setting<String> PROFILE = Setting.plain("profile", "MDProfile", null);
    public static final Setting<Boolean> PROFILE_MANDATORY =
            Setting.plain("profile-mandatory", "MDProfileMandatory", false);
    public static final Setting<Boolean> RENEW_VIA_ARI =
            Setting.plain("renew-via-ari", "MDRenewViaARI", true);
    public static final Setting<Boolean> STAPLING = Setting.plain("stapling", "MDStapling", false);
    /** The dns-01 setup/teardown command line, as written. */
    public static final Setting<String> DNS01_COMMAND =
            Setting.plain("dns01-cmd", "MDChallengeDns01", null);
    public static final Setting<URI> HTTP_PROXY =
            Setting.of("proxy-url", "MDHttpProxy", null, URI::toString);
    /** Trust anchors for the CA's TLS; empty means the system's ({@code none}). */
    public static final Setting<Optional<Path>> CA_CERTIFICATE_FILE = Setting.of("ca-certificate-file",
            "MDCACertificateFile", Optional.empty(), MdSetting::pathOrNone);
    /** Trust anchors for the HTTP proxy's TLS; empty means the system's ({@code none}). */
    public static final Setting<Optional<Path>> HTTP_PROXY_CA_CERTIFICATE_FILE = Setting.of(
            "proxy-ca-certificate-file", "MDHttpProxyCACertificateFile", Optional.empty(),
            MdSetting::pathOrNone);
    /** Static certificate chains (MDCertificateFile), one per key; only inside {@code <MDomain>}. */
    public static final Setting<List<Path>> CERTIFICATE_FILES =
            Setting.of("cert-files", "MDCertificateFile", List.of(), MdSetting::strings);
    /** Keys of the static certificates, in the same order as {@link #CERTIFICATE_FILES}. */
    public static final Setting<List<Path>> KEY_FILES =
            Setting.of("pkey-files", "MDCertificateKeyFile", List.of(), MdSetting::strings);

    /** Every per-domain setting, in the order the docs and dumps list them. */
    public static final List<Setting<?>> ALL = List.of(REQUIRE_HTTPS, MEMBERS, RENEW_MODE,
            MUST_STAPLE, PRIVATE_KEYS, RENEW_WINDOW, WARN_WINDOW, CA_URLS, CA_PROTOCOL, CA_AGREEMENT,
            CONTACT, CA_CHALLENGES, EAB, PROFILE, PROFILE_MANDATORY, RENEW_VIA_ARI, STAPLING,
            DNS01_COMMAND, HTTP_PROXY, CA_CERTIFICATE_FILE, HTTP_PROXY_CA_CERTIFICATE_FILE,
            CERTIFICATE_FILES, KEY_FILES);

    private MdSetting() {
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(java.util.Locale.ROOT);
    }

    static List<String> strings(List<?> values) {
        return values.stream().map(Object::toString).toList();
    }

    private static String pathOrNone(Optional<Path> path) {
        return path.map(Path::toString).orElse("none");
    }
}
