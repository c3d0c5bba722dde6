package dev.mdj.md;

import java.util.List;
import java.util.Objects;

/**
 * A managed domain (MD): a set of domain names that share one certificate set, with the settings
 * that decide how that certificate is obtained and renewed. The first name is the MD's name, as
 * in mod_md; names are normalized (lower-case ASCII, IDNs in punycode) and unique.
 *
 * @param name the MD's name (its first domain), also its directory name in the store
 * @param domains every name the certificate must cover, in configuration order
 * @param settings the effective settings: the MD's own, inherited from the server-wide ones
 * @param definedAt where the MD was configured ({@code FILE:LINE}), for messages
 */
public record ManagedDomain(String name, List<String> domains, Settings settings, String definedAt) {

    public ManagedDomain {
        Objects.requireNonNull(name, "name");
        domains = List.copyOf(domains);
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(definedAt, "definedAt");
        if (domains.isEmpty() || !domains.get(0).equals(name)) {
            throw new IllegalArgumentException("the first domain must be the MD name: " + name);
        }
    }

    /** Shorthand for {@code settings().get(setting)}. */
    public <T> T get(Setting<T> setting) {
        return settings.get(setting);
    }

    /** Whether the MD uses certificate files the admin provides instead of ACME. */
    public boolean hasStaticCertificates() {
        return !settings.get(MdSetting.CERTIFICATE_FILES).isEmpty();
    }
}
