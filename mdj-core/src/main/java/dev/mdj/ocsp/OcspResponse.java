package dev.mdj.ocsp;

import dev.mdj.store.json.StoreTime;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A checked OCSP response for one certificate, as stapled and as persisted in
 * {@code ocsp/<md>/ocsp-<sha1>.json}:
 * {@code {"response": "<base64url DER>", "status": "good"|"revoked", "valid": {"from", "until"}}}.
 *
 * @param der the whole OCSPResponse, DER, as handed to TLS clients
 * @param status {@link OcspStatus#GOOD} or {@link OcspStatus#REVOKED}
 * @param thisUpdate when the responder vouched for the status
 * @param nextUpdate until when the response may be used
 */
public record OcspResponse(byte[] der, OcspStatus status, Instant thisUpdate, Instant nextUpdate) {

    public OcspResponse {
        Objects.requireNonNull(der, "der");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(thisUpdate, "thisUpdate");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        if (status == OcspStatus.UNKNOWN) {
            throw new IllegalArgumentException("an 'unknown' answer is an error, not a response to keep");
        }
    }

    /** Whether a TLS client would accept it at {@code now}: before its nextUpdate. */
    public boolean usableAt(Instant now) {
        return now.isBefore(nextUpdate);
    }

    /**
     * Reads the persisted form.
     *
     * @throws IllegalArgumentException if a key is missing or malformed
     */
    public static OcspResponse parse(ObjectNode json) {
        JsonNode response = json.get("response");
        JsonNode status = json.get("status");
        if (response == null || !response.isString() || status == null || !status.isString()) {
            throw new IllegalArgumentException("an OCSP response file needs the strings 'response' and 'status'");
        }
        StoreTime.Period valid = StoreTime.Period.parse(json.get("valid"));
        return new OcspResponse(Base64.getUrlDecoder().decode(response.asString()), OcspStatus.of(status.asString()),
                valid.from(), valid.until());
    }

    /** The persisted form, base64url without padding as mod_md writes it. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("response", Base64.getUrlEncoder().withoutPadding().encodeToString(der));
        json.put("status", status.word());
        json.set("valid", new StoreTime.Period(thisUpdate, nextUpdate).toJson());
        return json;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OcspResponse other && java.util.Arrays.equals(der, other.der) && status == other.status
                && thisUpdate.equals(other.thisUpdate) && nextUpdate.equals(other.nextUpdate);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(der);
    }

    @Override
    public String toString() {
        return status.word() + " " + StoreTime.format(thisUpdate) + " - " + StoreTime.format(nextUpdate);
    }
}
