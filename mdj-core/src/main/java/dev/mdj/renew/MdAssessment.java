package dev.mdj.renew;

import dev.mdj.store.json.MdState;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the certificates a managed domain has now say about it: its {@code state} and
 * {@code state-descr} as mod_md writes them to {@code md.json} and shows in md-status.
 *
 * @param state {@link MdState#COMPLETE}, or what is wrong ({@link MdState#INCOMPLETE})
 * @param description why it is incomplete ({@code certificate(rsa) is missing}); empty when complete
 * @param certificates the leaf certificates found, in key spec (or file) order
 */
public record MdAssessment(MdState state, Optional<String> description, List<X509Certificate> certificates) {

    public MdAssessment {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(description, "description");
        certificates = List.copyOf(certificates);
        if (description.isPresent() == (state == MdState.COMPLETE)) {
            throw new IllegalArgumentException("a description goes with, and only with, an incomplete state");
        }
    }

    public boolean isComplete() {
        return state == MdState.COMPLETE;
    }
}
