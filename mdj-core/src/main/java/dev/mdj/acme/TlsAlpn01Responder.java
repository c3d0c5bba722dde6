package dev.mdj.acme;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.pem.KeyPairs;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;

/**
 * tls-alpn-01: for every configured key spec a key and a self-signed challenge certificate in
 * {@code challenges/<dns>/} (plain keys), served by the TLS server for ALPN {@code acme-tls/1}.
 * Only for names whose virtual host allows {@code acme-tls/1}; when the MD has none at all this
 * type cannot be set up, when others have it, it is tried anyway (as mod_md).
 */
final class TlsAlpn01Responder implements ChallengeResponder {

    static final String TYPE = "tls-alpn-01";
    private final Store store;
    private final List<KeySpec> specs;
    private final List<String> acmeTlsNames;
    private final Clock clock;

    TlsAlpn01Responder(Store store, List<KeySpec> specs, List<String> acmeTlsNames, Clock clock) {
        this.store = store;
        this.specs = List.copyOf(specs);
        this.acmeTlsNames = List.copyOf(acmeTlsNames);
        this.clock = clock;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String setup(Answer answer) throws ChallengeSetupException {
        if (acmeTlsNames.isEmpty()) {
            throw new ChallengeSetupException("no domain of this MD has a TLS virtual host allowing acme-tls/1");
        }
        try {
            for (KeySpec spec : specs) {
                KeyPair key = KeyPairs.generate(spec);
                X509Certificate cert = TlsAlpn01Certificates.create(key, answer.dns(), answer.keyAuthorization(),
                        clock.instant());
                store.save(StoreGroup.CHALLENGES, answer.dns(), Aspect.tlsAlpn01PrivateKey(spec), key.getPrivate());
                store.save(StoreGroup.CHALLENGES, answer.dns(), Aspect.tlsAlpn01Certificate(spec), List.of(cert));
            }
        } catch (RuntimeException e) {
            throw new ChallengeSetupException("cannot set up tls-alpn-01 for " + answer.dns() + ": "
                    + e.getMessage(), e);
        }
        return answer.dns();
    }

    @Override
    public void teardown(String setup) {
        ChallengeResponder.removeAnswers(store, setup);
    }
}
