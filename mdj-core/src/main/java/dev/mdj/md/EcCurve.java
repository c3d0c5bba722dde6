package dev.mdj.md;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The elliptic curves mod_md supports for private keys, with the names administrators may use for them. */
enum EcCurve {
    SECP256R1("secp256r1", "P-256", "prime256v1"),
    SECP384R1("secp384r1", "P-384"),
    SECP521R1("secp521r1", "P-521");

    private final String jcaName;
    private final String nistName;
    private final List<String> names;

    EcCurve(String jcaName, String nistName, String... otherNames) {
        this.jcaName = jcaName;
        this.nistName = nistName;
        this.names = Stream.concat(Stream.of(jcaName, nistName), Arrays.stream(otherNames)).toList();
    }

    /** The canonical name in the Java Cryptography Architecture, e.g. {@code secp256r1}. */
    String jcaName() {
        return jcaName;
    }

    /** The curve called {@code name}, ignoring case. */
    static Optional<EcCurve> byName(String name) {
        return Keywords.match(name, values(), curve -> curve.names);
    }

    /** The supported curves for error messages: {@code secp256r1 (P-256), secp384r1 (P-384), ...}. */
    static String describeAll() {
        return Arrays.stream(values())
                .map(curve -> curve.jcaName + " (" + curve.nistName + ")")
                .collect(Collectors.joining(", "));
    }
}
