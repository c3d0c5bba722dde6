package dev.mdj.store.pem;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * PBKDF2 (RFC 8018 §5.2) over the JDK's HMAC, with the password as raw bytes.
 *
 * <p>Why not {@code SecretKeyFactory "PBKDF2WithHmacSHA256"}: it takes the password as char[] and
 * encodes it as UTF-8, so a binary passphrase (mod_md's store key) cannot be given to it. Why not
 * Bouncy Castle's generator: its SHA-2 is plain Java, the JDK's runs on the CPU's SHA extensions —
 * half the time per key, and one crypto stack less for the JIT to compile at start.
 */
final class Pbkdf2 {

    private Pbkdf2() {
    }

    /**
     * @param hmac the JCA name of the pseudo-random function ("HmacSHA256")
     * @param keyBytes how many bytes to derive
     */
    static byte[] derive(String hmac, byte[] password, byte[] salt, int iterations, int keyBytes) {
        try {
            Mac mac = Mac.getInstance(hmac);
            // HMAC pads its key with zeros, so an empty password and a single zero byte are the same
            // key; SecretKeySpec refuses empty arrays.
            mac.init(new SecretKeySpec(password.length == 0 ? new byte[1] : password, hmac));
            int hLen = mac.getMacLength();
            byte[] derived = new byte[keyBytes];
            byte[] u = new byte[hLen];
            byte[] t = new byte[hLen];
            for (int block = 1, offset = 0; offset < keyBytes; block++, offset += hLen) {
                mac.update(salt);
                mac.update(new byte[] {(byte) (block >>> 24), (byte) (block >>> 16), (byte) (block >>> 8), (byte) block});
                mac.doFinal(u, 0);
                System.arraycopy(u, 0, t, 0, hLen);
                for (int i = 1; i < iterations; i++) {
                    mac.update(u);
                    mac.doFinal(u, 0);
                    for (int j = 0; j < hLen; j++) {
                        t[j] ^= u[j];
                    }
                }
                System.arraycopy(t, 0, derived, offset, Math.min(hLen, keyBytes - offset));
            }
            Arrays.fill(u, (byte) 0);
            Arrays.fill(t, (byte) 0);
            return derived;
        } catch (InvalidKeyException | ShortBufferException e) {
            throw new IllegalStateException("PBKDF2 with " + hmac + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new PemException("unsupported PBKDF2 pseudo-random function " + hmac);
        }
    }
}
