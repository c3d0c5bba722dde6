package dev.mdj.md;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the contact of an ACME account (MDContactEmail, ServerAdmin) into a contact URI: a bare
 * e-mail address becomes a {@code mailto:} URI, a value that already has a URI scheme is kept.
 */
public final class Contacts {

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):(.*)", Pattern.DOTALL);

    private Contacts() {
    }

    /**
     * Returns {@code value} as a contact URI: {@code mailto:} is prefixed unless {@code value}
     * starts with a URI scheme. The address of a {@code mailto:} contact is validated.
     *
     * @throws IllegalArgumentException if the value is or has an invalid e-mail address
     */
    public static String toContactUri(String value) {
        Matcher scheme = SCHEME.matcher(value);
        if (!scheme.matches()) {
            requireEmailAddress(value, value);
            return "mailto:" + value;
        }
        if (scheme.group(1).equalsIgnoreCase("mailto")) {
            requireEmailAddress(scheme.group(2), value);
        }
        return value;
    }

    /** Exactly one {@code @}, a non-empty local part, a DNS domain and no whitespace. */
    private static void requireEmailAddress(String address, String value) {
        int at = address.indexOf('@');
        boolean valid = at > 0
                && at == address.lastIndexOf('@')
                && address.chars().noneMatch(Character::isWhitespace)
                && isDnsName(address.substring(at + 1));
        if (!valid) {
            throw new IllegalArgumentException("'" + value + "' is not a valid e-mail address");
        }
    }

    private static boolean isDnsName(String domain) {
        try {
            return !DomainNames.isWildcard(DomainNames.normalize(domain));
        } catch (IllegalArgumentException invalid) {
            return false;
        }
    }
}
