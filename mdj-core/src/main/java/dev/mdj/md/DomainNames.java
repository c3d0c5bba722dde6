package dev.mdj.md;

import java.net.IDN;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation, normalisation and wildcard matching of the DNS names of managed domains (MDomain,
 * ServerName, ServerAlias). Normalised names are lower-case ASCII without a trailing dot, with
 * internationalised labels in punycode.
 */
public final class DomainNames {

    private static final String WILDCARD_PREFIX = "*.";
    private static final String WILDCARD_NEEDS_TWO_LABELS = "a wildcard needs at least two labels after it";
    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;
    private static final Pattern LDH = Pattern.compile("[a-z0-9-]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private DomainNames() {
    }

    /**
     * Validates one domain name and returns its canonical form: without a single trailing dot,
     * lower-case, internationalised labels in punycode. A wildcard {@code *} is allowed as the
     * whole first label if at least two labels follow it. Single-label names such as
     * {@code localhost} are accepted, as in mod_md.
     *
     * @throws IllegalArgumentException if {@code name} is empty, an IP address or not a valid DNS name
     */
    public static String normalize(String name) {
        String withoutDot = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (withoutDot.isEmpty()) {
            throw invalid(name, "it is empty");
        }
        if (IPV4.matcher(withoutDot).matches() || isIpv6Literal(withoutDot)) {
            throw new IllegalArgumentException("'" + name + "' is an IP address; managed domains need DNS names");
        }
        if (withoutDot.equals("*")) {
            throw invalid(name, WILDCARD_NEEDS_TWO_LABELS);
        }
        boolean wildcard = withoutDot.startsWith(WILDCARD_PREFIX);
        String base = wildcard ? withoutDot.substring(WILDCARD_PREFIX.length()) : withoutDot;
        if (base.contains("*")) {
            throw invalid(name, "a wildcard '*' is only allowed as the entire first label");
        }
        String ascii = toAscii(name, base);
        if (wildcard && !ascii.contains(".")) {
            throw invalid(name, WILDCARD_NEEDS_TWO_LABELS);
        }
        String normalized = wildcard ? WILDCARD_PREFIX + ascii : ascii;
        if (normalized.length() > MAX_NAME_LENGTH) {
            throw invalid(name, "it is longer than " + MAX_NAME_LENGTH + " characters");
        }
        checkLabels(name, ascii.split("\\.", -1));
        return normalized;
    }

    /** Whether the normalised {@code normalizedName} is a wildcard name like {@code *.example.org}. */
    public static boolean isWildcard(String normalizedName) {
        return normalizedName.startsWith(WILDCARD_PREFIX);
    }

    /**
     * Whether {@code pattern} is {@code name} or a wildcard covering it with exactly one label in place
     * of the {@code *}: {@code *.example.org} covers {@code www.example.org}, but neither
     * {@code example.org} nor {@code a.b.example.org}. Both names must be normalised.
     */
    public static boolean matches(String pattern, String name) {
        if (pattern.equals(name)) {
            return true;
        }
        int firstDot = name.indexOf('.');
        return isWildcard(pattern) && firstDot > 0 && name.substring(firstDot).equals(pattern.substring(1));
    }

    private static String toAscii(String name, String base) {
        if (base.chars().allMatch(c -> c < 0x80)) {
            return base.toLowerCase(Locale.ROOT);
        }
        try {
            return IDN.toASCII(base, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + name + "' is not a valid internationalized domain name: "
                            // IDN wraps a ParseException and keeps its class name in the text
                            + e.getMessage().replaceFirst("^java\\.text\\.ParseException: ", ""), e);
        }
    }

    private static void checkLabels(String name, String[] labels) {
        for (String label : labels) {
            if (label.isEmpty()) {
                throw invalid(name, "it has an empty label");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw invalid(name, "label '" + label + "' is longer than " + MAX_LABEL_LENGTH + " characters");
            }
            if (!LDH.matcher(label).matches()) {
                throw invalid(name, "label '" + label + "' may only contain letters, digits and '-'");
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                throw invalid(name, "label '" + label + "' must not start or end with '-'");
            }
        }
        if (DIGITS.matcher(labels[labels.length - 1]).matches()) {
            throw invalid(name, "its last label must not be all-numeric");
        }
    }

    /** IPv6 literals, with or without brackets and zone: only hex digits, dots and at least two colons. */
    private static boolean isIpv6Literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = bare.indexOf('%');
        String address = zone < 0 ? bare : bare.substring(0, zone);
        return address.chars().filter(c -> c == ':').count() >= 2
                && address.chars().allMatch(c -> c == ':' || c == '.' || HexFormat.isHexDigit(c));
    }

    private static IllegalArgumentException invalid(String name, String reason) {
        return new IllegalArgumentException("'" + name + "' is not a valid domain name: " + reason);
    }
}
