package dev.mdj.store.pem;

import dev.mdj.md.KeySpec;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** Generating key pairs for a {@link KeySpec} and checking that a private key belongs to a certificate. */
public final class KeyPairs {

    /**
     * Key generation is pure CPU; when many renewals start at once, more generators than cores
     * only add work (measured: 50 RSA-2048 keys on a fresh JVM with 2 cores took 6.2 s CPU one at
     * a time, 12.6 s sixteen at a time, as every thread runs the uncompiled code longer).
     */
    private static final Semaphore GENERATORS = new Semaphore(Runtime.getRuntime().availableProcessors());

    private KeyPairs() {
    }

    /**
     * Whether {@code key} is the private key of the certificate's public key. RSA: same modulus
     * (and same public exponent when the private key knows it). EC: same curve and the public point
     * computed from the private scalar equals the certificate's point. Other kinds: false.
     *
     * @param key the private key
     * @param cert the certificate
     * @return true if they form a key pair
     */
    public static boolean matches(PrivateKey key, X509Certificate cert) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cert, "cert");
        PublicKey pub = cert.getPublicKey();
        if (key instanceof RSAPrivateKey rsa && pub instanceof RSAPublicKey rsaPub) {
            if (!rsa.getModulus().equals(rsaPub.getModulus())) {
                return false;
            }
            return !(rsa instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(rsaPub.getPublicExponent());
        }
        if (key instanceof ECPrivateKey ec && pub instanceof ECPublicKey ecPub) {
            return ecMatches(ec, ecPub);
        }
        return false;
    }

    private static boolean ecMatches(ECPrivateKey key, ECPublicKey pub) {
        ECParameterSpec params = key.getParams();
        ECParameterSpec pubParams = pub.getParams();
        if (!params.getCurve().equals(pubParams.getCurve())
                || !params.getGenerator().equals(pubParams.getGenerator())
                || !params.getOrder().equals(pubParams.getOrder())) {
            return false;
        }
        BigInteger s = key.getS();
        if (s.signum() <= 0 || s.compareTo(params.getOrder()) >= 0) {
            return false;
        }
        ECCurve curve = EC5Util.convertCurve(params.getCurve());
        ECPoint g = EC5Util.convertPoint(curve, params.getGenerator());
        ECPoint q = new FixedPointCombMultiplier().multiply(g, s).normalize();
        return q.getAffineXCoord().toBigInteger().equals(pub.getW().getAffineX())
                && q.getAffineYCoord().toBigInteger().equals(pub.getW().getAffineY());
    }

    /**
     * A new key pair: RSA with public exponent 65537 ({@link RsaKeyPairs} for even sizes, else the
     * JDK's generator), or EC on the spec's named curve from the JDK's generator.
     *
     * @param spec what to generate
     * @return the new key pair
     */
    public static KeyPair generate(KeySpec spec) {
        Objects.requireNonNull(spec, "spec");
        GENERATORS.acquireUninterruptibly();
        try {
            if (spec instanceof KeySpec.Rsa rsa && RsaKeyPairs.supports(rsa.bits())) {
                return RsaKeyPairs.generate(rsa.bits());
            }
            KeyPairGenerator gen = KeyPairGenerator.getInstance(spec.algorithm());
            switch (spec) {
                case KeySpec.Rsa rsa -> gen.initialize(new RSAKeyGenParameterSpec(rsa.bits(), RSAKeyGenParameterSpec.F4));
                case KeySpec.Ec ec -> gen.initialize(new ECGenParameterSpec(ec.jcaCurveName()));
            }
            return gen.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate a " + spec.format() + " key: " + e.getMessage(), e);
        } finally {
            GENERATORS.release();
        }
    }
}
