package dev.mdj.store.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RsaKeyPairsTest {

    private static final BigInteger ONE = BigInteger.ONE;

    @ParameterizedTest
    @ValueSource(ints = {2048, 3072})
    void keysMeetTheFips186Conditions(int bits) throws Exception {
        KeyPair pair = RsaKeyPairs.generate(bits);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair.getPrivate();
        BigInteger p = key.getPrimeP();
        BigInteger q = key.getPrimeQ();
        BigInteger e = key.getPublicExponent();
        int half = bits / 2;

        assertThat(e).isEqualTo(BigInteger.valueOf(65537));
        assertThat(((RSAPublicKey) pair.getPublic()).getPublicExponent()).isEqualTo(e);
        assertThat(key.getModulus()).isEqualTo(p.multiply(q)).isEqualTo(((RSAPublicKey) pair.getPublic()).getModulus());
        assertThat(key.getModulus().bitLength()).isEqualTo(bits);
        for (BigInteger prime : new BigInteger[] {p, q}) {
            assertThat(prime.bitLength()).isEqualTo(half);
            assertThat(prime.isProbablePrime(128)).isTrue();
            // p >= sqrt(2) * 2^(half-1)  <=>  p^2 >= 2^(2*half-1)
            assertThat(prime.pow(2)).isGreaterThan(ONE.shiftLeft(2 * half - 1));
            assertThat(e.gcd(prime.subtract(ONE))).isEqualTo(ONE);
        }
        assertThat(p.subtract(q).abs()).isGreaterThan(ONE.shiftLeft(half - 100));
        BigInteger p1 = p.subtract(ONE);
        BigInteger q1 = q.subtract(ONE);
        BigInteger lcm = p1.multiply(q1).divide(p1.gcd(q1));
        BigInteger d = key.getPrivateExponent();
        assertThat(d.multiply(e).mod(lcm)).isEqualTo(ONE);
        assertThat(d).isGreaterThan(ONE.shiftLeft(half)).isLessThan(lcm);
        assertThat(key.getPrimeExponentP()).isEqualTo(d.mod(p1));
        assertThat(key.getPrimeExponentQ()).isEqualTo(d.mod(q1));
        assertThat(key.getCrtCoefficient().multiply(q).mod(p)).isEqualTo(ONE);

        byte[] data = "mdj".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(pair.getPrivate());
        signer.update(data);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(data);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void primesComeOnlyFromAboveTheLowerBound() {
        // Without the bound, about 41 % of these would lie below it.
        BigInteger min = RsaKeyPairs.lowerBound(256);
        assertThat(min.pow(2)).isGreaterThan(ONE.shiftLeft(511));
        assertThat(min.subtract(ONE).pow(2)).isLessThanOrEqualTo(ONE.shiftLeft(511));
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            BigInteger p = RsaKeyPairs.prime(256, min, random);
            assertThat(p).isGreaterThan(min);
            assertThat(p.bitLength()).isEqualTo(256);
            assertThat(p.isProbablePrime(128)).isTrue();
            assertThat(RsaKeyPairs.E.gcd(p.subtract(ONE))).isEqualTo(ONE);
        }
    }

    @Test
    void millerRabinRoundsFollowTheDlpBound() {
        // the bound's t plus one: 4 + 1 for RSA-2048's primes, 3 + 1 for RSA-3072's and RSA-4096's
        assertThat(RsaKeyPairs.millerRabinRounds(1024)).isEqualTo(5);
        assertThat(RsaKeyPairs.millerRabinRounds(1536)).isEqualTo(4);
        assertThat(RsaKeyPairs.millerRabinRounds(2048)).isEqualTo(4);
        assertThat(RsaKeyPairs.millerRabinRounds(256)).isEqualTo(18);
    }

    @Test
    void millerRabinTellsPrimesFromComposites() {
        Random bases = new Random(42);
        BigInteger mersenne521 = ONE.shiftLeft(521).subtract(ONE);
        BigInteger p1024 = BigInteger.probablePrime(1024, new SecureRandom());
        BigInteger q1024 = BigInteger.probablePrime(1024, new SecureRandom());
        for (BigInteger prime : List.of(mersenne521, p1024, ONE.shiftLeft(127).subtract(ONE), BigInteger.valueOf(65537))) {
            assertThat(RsaKeyPairs.millerRabin(prime, 10, bases)).as("%s", prime).isTrue();
        }
        // Carmichael numbers, a strong pseudoprime to the bases 2, 3, 5 and 7, an RSA modulus, a square
        for (BigInteger composite : List.of(BigInteger.valueOf(561), BigInteger.valueOf(41041),
                BigInteger.valueOf(3215031751L), p1024.multiply(q1024), p1024.multiply(p1024),
                ONE.shiftLeft(521).add(ONE))) {
            assertThat(RsaKeyPairs.millerRabin(composite, 20, bases)).as("%s", composite).isFalse();
        }
    }

    @Test
    void theSieveStrikesExactlyTheMultiplesOfSmallPrimes() {
        BigInteger smallPrimes = BigInteger.ONE;
        for (int n = 3; n < SmallPrimeSieve.LIMIT; n += 2) {
            if (BigInteger.valueOf(n).isProbablePrime(50)) {
                smallPrimes = smallPrimes.multiply(BigInteger.valueOf(n));
            }
        }
        SecureRandom random = new SecureRandom();
        for (int bits : new int[] {64, 1024, 1536}) {
            BigInteger start = new BigInteger(bits, random).setBit(bits - 1).setBit(0);
            boolean[] composite = SmallPrimeSieve.sieve(start, 3000);
            for (int i = 0; i < composite.length; i++) {
                BigInteger candidate = start.add(BigInteger.valueOf(2L * i));
                assertThat(composite[i]).as("%s", candidate)
                        .isEqualTo(!candidate.gcd(smallPrimes).equals(ONE));
            }
        }
        assertThatThrownBy(() -> SmallPrimeSieve.sieve(BigInteger.valueOf(1L << 40), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void strikingANonZeroResidueMarksThoseCongruentToIt() {
        BigInteger start = BigInteger.ONE.shiftLeft(1023).add(BigInteger.valueOf(12345));
        boolean[] marked = new boolean[200_000];
        SmallPrimeSieve.strike(marked, 65537, start.mod(RsaKeyPairs.E).intValueExact(), 1);
        for (int i = 0; i < marked.length; i++) {
            BigInteger candidate = start.add(BigInteger.valueOf(2L * i));
            assertThat(marked[i]).isEqualTo(candidate.mod(RsaKeyPairs.E).equals(ONE));
        }
    }

    @Test
    void keysOfTwoCallsDiffer() {
        RSAPublicKey a = (RSAPublicKey) RsaKeyPairs.generate(2048).getPublic();
        RSAPublicKey b = (RSAPublicKey) RsaKeyPairs.generate(2048).getPublic();
        assertThat(a.getModulus()).isNotEqualTo(b.getModulus());
    }

    @Test
    void oddOrSmallSizesAreLeftToTheJdk() {
        assertThat(RsaKeyPairs.supports(2048)).isTrue();
        assertThat(RsaKeyPairs.supports(4096)).isTrue();
        assertThat(RsaKeyPairs.supports(3071)).isFalse();
        assertThat(RsaKeyPairs.supports(1024)).isFalse();
        assertThatThrownBy(() -> RsaKeyPairs.generate(3071)).isInstanceOf(IllegalArgumentException.class);
        RSAPublicKey odd = (RSAPublicKey) KeyPairs.generate(new dev.mdj.md.KeySpec.Rsa(3071)).getPublic();
        assertThat(odd.getModulus().bitLength()).isEqualTo(3071);
    }

    @Test
    void openSslFindsTheKeyConsistent(@TempDir Path dir) throws Exception {
        Path pem = dir.resolve("key.pem");
        Files.writeString(pem, PrivateKeyPem.encode(RsaKeyPairs.generate(2048).getPrivate()), StandardCharsets.US_ASCII);
        Process check;
        try {
            check = new ProcessBuilder("openssl", "rsa", "-check", "-noout", "-in", pem.toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "openssl not installed");
            return;
        }
        String out = new String(check.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(out).isZero();
        assertThat(out).contains("RSA key ok");
    }
}
