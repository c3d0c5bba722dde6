package dev.mdj.md;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ACME certificate authorities mod_md knows by name (MDCertificateAuthority), and the
 * resolution of a configured name or URL to a directory URL.
 */
public final class CertificateAuthorities {

    /** The directory URL used when none is configured: Let's Encrypt's production service. */
    public static final URI DEFAULT = Known.LETS_ENCRYPT.url;

    private CertificateAuthorities() {
    }

    /**
     * Resolves a known CA name (ignoring case) to its directory URL, or checks that
     * {@code nameOrUrl} is an absolute URI, with a host if it is an http or https URL.
     *
     * @throws IllegalArgumentException if {@code nameOrUrl} is neither a known name nor such a URI
     */
    public static URI resolve(String nameOrUrl) {
        Optional<Known> known = Keywords.match(nameOrUrl, Known.values(), ca -> List.of(ca.displayName));
        if (known.isPresent()) {
            return known.get().url;
        }
        URI uri;
        try {
            uri = new URI(nameOrUrl);
        } catch (URISyntaxException e) {
            throw unknown(nameOrUrl, e.getReason());
        }
        if (uri.getScheme() == null) {
            throw unknown(nameOrUrl, "no scheme");
        }
        if (isHttp(uri) && uri.getHost() == null) {
            throw unknown(nameOrUrl, "no host");
        }
        return uri;
    }

    /** Whether {@code url} is the directory of a CA that has stopped issuing certificates via ACME. */
    public static boolean isDiscontinued(URI url) {
        return byUrl(url).map(ca -> ca.discontinued).orElse(false);
    }

    /**
     * Whether the CA at {@code url} refuses orders for certificates with the must-staple
     * extension: Let's Encrypt (production and staging) since 2025-05-07, as it ended OCSP.
     */
    public static boolean refusesMustStaple(URI url) {
        return url.getHost() != null && url.getHost().toLowerCase(java.util.Locale.ROOT).endsWith(".letsencrypt.org");
    }

    /** A short name for {@code url} in messages: the known CA name, else the URL's host, else the whole URI. */
    public static String displayName(URI url) {
        return byUrl(url).map(ca -> ca.displayName)
                .or(() -> Optional.ofNullable(url.getHost()))
                .orElseGet(url::toString);
    }

    private static Optional<Known> byUrl(URI url) {
        return Arrays.stream(Known.values()).filter(ca -> ca.url.equals(url)).findFirst();
    }

    private static boolean isHttp(URI uri) {
        return uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https");
    }

    private static IllegalArgumentException unknown(String nameOrUrl, String reason) {
        String names = Arrays.stream(Known.values()).map(ca -> ca.displayName).collect(Collectors.joining(", "));
        return new IllegalArgumentException("The CA name '" + nameOrUrl + "' is not known and it is not a URL either ("
                + reason + "). Known CA names are: " + names + ".");
    }

    /** The CAs mod_md knows by name. */
    private enum Known {
        LETS_ENCRYPT("LetsEncrypt", "https://acme-v02.api.letsencrypt.org/directory", false),
        LETS_ENCRYPT_TEST("LetsEncrypt-Test", "https://acme-staging-v02.api.letsencrypt.org/directory", false),
        /* Buypass closed its ACME service in 2026. */
        BUYPASS("Buypass", "https://api.buypass.com/acme/directory", true),
        BUYPASS_TEST("Buypass-Test", "https://api.test4.buypass.no/acme/directory", true);

        private final String displayName;
        private final URI url;
        private final boolean discontinued;

        Known(String displayName, String url, boolean discontinued) {
            this.displayName = displayName;
            this.url = URI.create(url);
            this.discontinued = discontinued;
        }
    }
}
