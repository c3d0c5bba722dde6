package dev.mdj.acme;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** Key pairs from the private keys the store keeps (it keeps no public keys). */
final class Keys {

    private Keys() {
    }

    static KeyPair pairOf(PrivateKey key) {
        return new KeyPair(publicOf(key), key);
    }

    static PublicKey publicOf(PrivateKey key) {
        try {
            if (key instanceof RSAPrivateCrtKey rsa) {
                return KeyFactory.getInstance("RSA")
                        .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            }
            if (key instanceof ECPrivateKey ec) {
                ECParameterSpec params = ec.getParams();
                ECCurve curve = EC5Util.convertCurve(params.getCurve());
                org.bouncycastle.math.ec.ECPoint g = EC5Util.convertPoint(curve, params.getGenerator());
                org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier().multiply(g, ec.getS()).normalize();
                ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
                return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("cannot derive the public key of a " + key.getAlgorithm() + " key");
    }
}
