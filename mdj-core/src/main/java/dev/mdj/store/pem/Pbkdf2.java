package dev.mdj.store.pem;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2 (RFC 8018 §5.2) with HMAC (RFC 2104) over the JDK's SHA-1/SHA-2, the password as raw
 * bytes.
 *
 * <p>Why not {@code SecretKeyFactory "PBKDF2WithHmacSHA256"}: it takes the password as char[] and
 * encodes it as UTF-8, so a binary passphrase (mod_md's store key) cannot be given to it. Why not
 * {@code javax.crypto.Mac}: it hashes the padded key again for every one of the thousands of
 * iterations; here the digest states after the inner and outer pads are computed once and
 * copied, two compressions per iteration instead of four. Why not Bouncy Castle's generator: its
 * SHA-2 is plain Java, the JDK's runs on the CPU's SHA extensions. Together: 0.4 ms per
 * OpenSSL-default key (2,048 iterations) against 1.6 ms with Bouncy Castle and 2.5 ms with Mac.
 */
final class Pbkdf2 {

    /** The pseudo-random functions of RFC 8018 (B.1.1, B.1.2). */
    enum Prf {
        HMAC_SHA1("SHA-1", 64),
        HMAC_SHA224("SHA-224", 64),
        HMAC_SHA256("SHA-256", 64),
        HMAC_SHA384("SHA-384", 128),
        HMAC_SHA512("SHA-512", 128);

        final String digest;
        final int blockBytes;

        Prf(String digest, int blockBytes) {
            this.digest = digest;
            this.blockBytes = blockBytes;
        }
    }

    private Pbkdf2() {
    }

    /** @param keyBytes how many bytes to derive */
    static byte[] derive(Prf prf, byte[] password, byte[] salt, int iterations, int keyBytes) {
        Hmac hmac = new Hmac(prf, password);
        byte[] derived = new byte[keyBytes];
        for (int block = 1, offset = 0; offset < keyBytes; block++, offset += hmac.length()) {
            byte[] u = hmac.of(salt, new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
            byte[] t = u.clone();
            for (int i = 1; i < iterations; i++) {
                u = hmac.of(u);
                for (int j = 0; j < t.length; j++) {
                    t[j] ^= u[j];
                }
            }
            System.arraycopy(t, 0, derived, offset, Math.min(t.length, keyBytes - offset));
            Arrays.fill(t, (byte) 0);
        }
        return derived;
    }

    /** HMAC with the digest states after the key's inner and outer pads kept for copying. */
    private static final class Hmac {
        private final MessageDigest inner;
        private final MessageDigest outer;

        Hmac(Prf prf, byte[] password) {
            MessageDigest digest;
            try {
                digest = MessageDigest.getInstance(prf.digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK has no " + prf.digest, e);
            }
            byte[] key = password.length > prf.blockBytes ? digest.digest(password) : password;
            byte[] innerPad = new byte[prf.blockBytes];
            byte[] outerPad = new byte[prf.blockBytes];
            for (int i = 0; i < prf.blockBytes; i++) {
                byte k = i < key.length ? key[i] : 0;
                innerPad[i] = (byte) (k ^ 0x36);
                outerPad[i] = (byte) (k ^ 0x5c);
            }
            inner = copy(digest);
            inner.update(innerPad);
            outer = copy(digest);
            outer.update(outerPad);
            Arrays.fill(innerPad, (byte) 0);
            Arrays.fill(outerPad, (byte) 0);
        }

        int length() {
            return inner.getDigestLength();
        }

        byte[] of(byte[]... message) {
            MessageDigest in = copy(inner);
            for (byte[] part : message) {
                in.update(part);
            }
            MessageDigest out = copy(outer);
            out.update(in.digest());
            return out.digest();
        }

        private static MessageDigest copy(MessageDigest digest) {
            try {
                return (MessageDigest) digest.clone();
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(digest.getAlgorithm() + " cannot be copied", e);
            }
        }
    }
}
