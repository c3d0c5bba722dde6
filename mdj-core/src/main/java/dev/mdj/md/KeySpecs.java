package dev.mdj.md;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The private keys of a managed domain (MDPrivateKeys), in order of preference: one certificate is
 * obtained per key. There is at most one RSA key and at most one key per curve.
 *
 * @param specs the keys, the preferred one first
 */
public record KeySpecs(List<KeySpec> specs) {

    /** mod_md's default: a single RSA key of 2048 bits. */
    public static final KeySpecs DEFAULT = new KeySpecs(List.of(new KeySpec.Rsa(KeySpec.Rsa.DEFAULT_BITS)));

    private static final Pattern RSA_WITH_BITS = Pattern.compile("(?i)rsa([0-9].*)", Pattern.DOTALL);
    private static final Pattern DIGIT_FIRST = Pattern.compile("[0-9].*", Pattern.DOTALL);
    private static final Pattern BITS = Pattern.compile("[0-9]+");

    /**
     * Checks that there is at least one key and no key type twice.
     *
     * @throws IllegalArgumentException if {@code specs} is empty or has two RSA keys or two keys on the same curve
     */
    public KeySpecs {
        specs = List.copyOf(specs);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("needs to specify the private key type");
        }
        Set<String> types = new HashSet<>();
        for (KeySpec spec : specs) {
            if (!types.add(canonicalType(spec))) {
                throw new IllegalArgumentException("two keys of type '" + configuredType(spec) + "' are not possible.");
            }
        }
    }

    /**
     * Parses the arguments of MDPrivateKeys: {@code Default} alone, or any of {@code RSA},
     * {@code RSA <bits>}, {@code RSA<bits>} and curve names.
     *
     * @throws IllegalArgumentException if an argument is not a key specification, or the keys conflict
     */
    public static KeySpecs parse(List<String> args) {
        if (args.stream().anyMatch("Default"::equalsIgnoreCase)) {
            if (args.size() > 1) {
                throw new IllegalArgumentException("'Default' must be the only key specification.");
            }
            return DEFAULT;
        }
        Deque<String> tokens = new ArrayDeque<>(args);
        List<KeySpec> specs = new ArrayList<>();
        while (!tokens.isEmpty()) {
            String token = tokens.removeFirst();
            specs.add(token.equalsIgnoreCase("RSA") ? new KeySpec.Rsa(bitsAfterRsa(tokens)) : parseSingle(token));
        }
        return new KeySpecs(specs);
    }

    /** The configuration form, e.g. {@code secp256r1 rsa2048}. */
    public String format() {
        return specs.stream().map(KeySpec::format).collect(Collectors.joining(" "));
    }

    /** Like mod_md, a token after {@code RSA} that starts with a digit is its size. */
    private static int bitsAfterRsa(Deque<String> tokens) {
        String next = tokens.peekFirst();
        if (next == null || !DIGIT_FIRST.matcher(next).matches()) {
            return KeySpec.Rsa.DEFAULT_BITS;
        }
        return parseBits(tokens.removeFirst());
    }

    private static KeySpec parseSingle(String token) {
        Matcher rsa = RSA_WITH_BITS.matcher(token);
        if (rsa.matches()) {
            return new KeySpec.Rsa(parseBits(rsa.group(1)));
        }
        if (EcCurve.byName(token).isEmpty()) {
            throw new IllegalArgumentException("unknown private key type '" + token
                    + "'; use 'Default', 'RSA [bits]', 'RSA<bits>' or one of the curves " + EcCurve.describeAll());
        }
        return new KeySpec.Ec(token);
    }

    private static int parseBits(String text) {
        if (!BITS.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a valid number of RSA bits");
        }
        return Decimals.toIntSaturated(text);
    }

    /** Equal for keys of the same type, whatever name the curve was given. */
    private static String canonicalType(KeySpec spec) {
        return switch (spec) {
            case KeySpec.Rsa rsa -> rsa.algorithm();
            case KeySpec.Ec ec -> ec.jcaCurveName();
        };
    }

    private static String configuredType(KeySpec spec) {
        return switch (spec) {
            case KeySpec.Rsa rsa -> rsa.algorithm();
            case KeySpec.Ec ec -> ec.curve();
        };
    }
}
