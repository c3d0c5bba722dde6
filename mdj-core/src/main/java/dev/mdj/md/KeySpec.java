package dev.mdj.md;

import java.util.Objects;

/**
 * The type and size of one private key a managed domain gets a certificate for: RSA with a number
 * of bits, or EC on a named curve.
 */
public sealed interface KeySpec permits KeySpec.Rsa, KeySpec.Ec {

    /** The JCA key algorithm: {@code RSA} or {@code EC}. */
    String algorithm();

    /**
     * The name mod_md uses for this key in store file names: {@code rsa} for RSA, the curve as
     * configured for EC (as in {@code privkey.secp256r1.pem}).
     */
    String storeName();

    /** The configuration form: {@code rsa<bits>} or the curve name as configured. */
    String format();

    /**
     * An RSA key of {@code bits} bits, 2048 to 16384.
     *
     * @param bits the modulus length
     */
    record Rsa(int bits) implements KeySpec {

        /** The size used when the configuration names RSA without a size. */
        public static final int DEFAULT_BITS = 2048;

        private static final int MIN_BITS = 2048;
        private static final int MAX_BITS = 16384;

        /**
         * Checks that the size is considered safe and is not absurdly large.
         *
         * @throws IllegalArgumentException if {@code bits} is below 2048 or above 16384
         */
        public Rsa {
            if (bits < MIN_BITS) {
                throw new IllegalArgumentException("must be 2048 or higher in order to be considered safe.");
            }
            if (bits > MAX_BITS) {
                throw new IllegalArgumentException("RSA keys of more than 16384 bits are not supported.");
            }
        }

        @Override
        public String algorithm() {
            return "RSA";
        }

        @Override
        public String storeName() {
            return "rsa";
        }

        @Override
        public String format() {
            return "rsa" + bits;
        }
    }

    /**
     * An EC key on the named curve, spelled as the administrator wrote it: secp256r1, prime256v1,
     * P-256, secp384r1, P-384, secp521r1 or P-521, in any case.
     *
     * @param curve the curve name as configured
     */
    record Ec(String curve) implements KeySpec {

        /**
         * Checks that the curve is supported.
         *
         * @throws IllegalArgumentException if {@code curve} is not a supported curve name
         */
        public Ec {
            Objects.requireNonNull(curve, "curve");
            if (EcCurve.byName(curve).isEmpty()) {
                throw new IllegalArgumentException("unknown elliptic curve '" + curve + "'; supported are "
                        + EcCurve.describeAll());
            }
        }

        /** The canonical JCA name of the curve: {@code secp256r1}, {@code secp384r1} or {@code secp521r1}. */
        public String jcaCurveName() {
            return EcCurve.byName(curve).orElseThrow().jcaName();
        }

        @Override
        public String algorithm() {
            return "EC";
        }

        @Override
        public String storeName() {
            return curve;
        }

        @Override
        public String format() {
            return curve;
        }
    }
}
