package dev.mdj.status;

import dev.mdj.ocsp.OcspStatus;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.StoreTime.Period;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The OCSP stapling of one live certificate, as persisted in {@code ocsp/<md>/}.
 *
 * @param certificateId mod_md's id: the lower-case hex SHA-1 of the certificate
 * @param status what the persisted response says; {@link OcspStatus#UNKNOWN} without one
 * @param valid thisUpdate to nextUpdate of the persisted response
 * @param responder the certificate's OCSP responder, if it names one
 * @param renewal the managed domain's OCSP job ({@code ocsp/<md>/job.json}), if there is one
 */
public record OcspState(String certificateId, OcspStatus status, Optional<Period> valid, Optional<URI> responder,
        Optional<JobJson> renewal) {

    public OcspState {
        Objects.requireNonNull(certificateId, "certificateId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(responder, "responder");
        Objects.requireNonNull(renewal, "renewal");
    }

    /** md-status's {@code ocsp} object: {@code status}, {@code valid}, {@code renewal} (its log only {@code withLog}). */
    public ObjectNode toJson(boolean withLog) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("status", status.word());
        valid.ifPresent(period -> node.set("valid", period.toJson()));
        renewal.ifPresent(job -> {
            ObjectNode json = job.toJson();
            if (!withLog) {
                json.remove("log");
            }
            node.set("renewal", json);
        });
        return node;
    }
}
