package dev.mdj.store;

import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.pem.CertificatePem;
import dev.mdj.store.pem.PrivateKeyPem;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns store values into file bytes and back, in mod_md's formats: Jansson-style JSON, PKCS#8
 * PEM keys (encrypted with the store key where the group asks for it) and PEM chains.
 */
final class ValueCodec {

    private final StoreSecret secret;

    ValueCodec(StoreSecret secret) {
        this.secret = secret;
    }

    @SuppressWarnings("unchecked")
    <T> T decode(StoreGroup group, Aspect<T> aspect, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        return (T) switch (aspect.kind()) {
            case JSON -> JsonFiles.readObject(text);
            case TEXT -> text;
            case PRIVATE_KEY -> PrivateKeyPem.decode(text,
                    PrivateKeyPem.isEncrypted(text) ? secret.passphrase() : null);
            case CERTIFICATE_CHAIN -> CertificatePem.decodeChain(text);
        };
    }

    @SuppressWarnings("unchecked")
    <T> byte[] encode(StoreGroup group, Aspect<T> aspect, T value) {
        String text = switch (aspect.kind()) {
            case JSON -> JsonFiles.write((ObjectNode) value);
            case TEXT -> (String) value;
            case PRIVATE_KEY -> group.encryptsKeys()
                    ? PrivateKeyPem.encodeEncrypted((PrivateKey) value, secret.passphrase())
                    : PrivateKeyPem.encode((PrivateKey) value);
            case CERTIFICATE_CHAIN -> CertificatePem.encodeChain((List<X509Certificate>) value);
        };
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
