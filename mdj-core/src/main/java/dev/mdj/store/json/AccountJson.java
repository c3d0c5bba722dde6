package dev.mdj.store.json;

import dev.mdj.md.ExternalAccountBinding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An ACME account as mod_md stores it in {@code accounts/<id>/account.json} and
 * {@code staging/<md>/account.json}. The staging copy carries the server's last account object in
 * {@code registration}, the copy in {@code accounts/} does not ({@link #withoutRegistration()}).
 * Immutable; unknown keys are kept. {@link #toString()} never shows the EAB HMAC key.
 */
public final class AccountJson {

    private static final Set<String> KNOWN = Set.of("status", "url", "ca-url", "contact",
            "registration", "agreement", "terms-of-service", "orders", "eab");

    private final ObjectNode source;
    private final String status;
    private final String url;
    private final String caUrl;
    private final List<String> contacts;
    private final JsonNode registration;
    private final String agreement;
    private final String orders;
    private final ExternalAccountBinding eab;

    private AccountJson(Builder b) {
        this.source = b.source;
        this.status = b.status;
        this.url = Objects.requireNonNull(b.url, "url");
        this.caUrl = Objects.requireNonNull(b.caUrl, "caUrl");
        this.contacts = b.contacts == null ? null : List.copyOf(b.contacts);
        this.registration = b.registration == null ? null : b.registration.deepCopy();
        this.agreement = b.agreement;
        this.orders = b.orders;
        this.eab = b.eab;
    }

    /**
     * A new account document.
     *
     * @param status {@code valid}, {@code deactivated} or {@code revoked}; null when unknown
     * @param url the account URL
     * @param caUrl the CA's directory URL
     * @param contacts the contact URIs
     */
    public static AccountJson of(String status, String url, String caUrl, List<String> contacts) {
        Builder b = new Builder();
        b.status = status;
        b.url = Objects.requireNonNull(url, "url");
        b.caUrl = Objects.requireNonNull(caUrl, "caUrl");
        b.contacts = List.copyOf(contacts);
        return new AccountJson(b);
    }

    /**
     * Reads an {@code account.json}. Contacts fall back to {@code registration.contact}, the
     * agreement to the legacy {@code terms-of-service}.
     *
     * @throws IllegalArgumentException if {@code url} or {@code ca-url} is missing
     */
    public static AccountJson parse(ObjectNode json) {
        Objects.requireNonNull(json, "json");
        Builder b = new Builder();
        b.source = json.deepCopy();
        b.status = Nodes.string(json, "status");
        b.url = Nodes.requiredString(json, "url", "account.json");
        b.caUrl = Nodes.requiredString(json, "ca-url", "account.json");
        JsonNode registration = json.get("registration");
        b.registration = registration == null || registration.isNull() ? null : registration;
        if (Nodes.hasArray(json, "contact")) {
            b.contacts = Nodes.strings(json, "contact");
        } else if (Nodes.hasArray(registration, "contact")) {
            b.contacts = Nodes.strings(registration, "contact");
        }
        String agreement = Nodes.string(json, "agreement");
        b.agreement = agreement != null ? agreement : Nodes.string(json, "terms-of-service");
        b.orders = Nodes.string(json, "orders");
        ObjectNode eab = Nodes.objectOrNull(json, "eab");
        String kid = Nodes.string(eab, "kid");
        String hmac = Nodes.string(eab, "hmac");
        if (kid != null && hmac != null) {
            b.eab = new ExternalAccountBinding(kid, hmac);
        } else if (kid != null || hmac != null) {
            throw new IllegalArgumentException("account.json: 'eab' needs both 'kid' and 'hmac'");
        }
        return new AccountJson(b);
    }

    /** The document as mod_md writes it, with unknown keys of the parsed document kept. */
    public ObjectNode toJson() {
        ObjectNode out = Nodes.object();
        Nodes.putIfNotNull(out, "status", status);
        out.put("url", url);
        out.put("ca-url", caUrl);
        if (contacts != null) {
            out.set("contact", Nodes.array(contacts));
        }
        if (registration != null) {
            out.set("registration", registration.deepCopy());
        }
        Nodes.putIfNotNull(out, "agreement", agreement);
        Nodes.putIfNotNull(out, "orders", orders);
        if (eab != null) {
            ObjectNode e = Nodes.object();
            e.put("kid", eab.keyId());
            e.put("hmac", eab.hmacKey());
            out.set("eab", Nodes.withUnknown(e, Nodes.objectOrNull(source, "eab"), Set.of("kid", "hmac")));
        }
        return Nodes.withUnknown(out, source, KNOWN);
    }

    // --- withers -------------------------------------------------------------------------------

    /** The copy kept in {@code accounts/}: without {@code registration}. */
    public AccountJson withoutRegistration() {
        return with(b -> b.registration = null);
    }

    /** With the server's account object in {@code registration}. */
    public AccountJson withRegistration(JsonNode registration) {
        return with(b -> b.registration = registration);
    }

    /** With {@code status} (null removes it). */
    public AccountJson withStatus(String status) {
        return with(b -> b.status = status);
    }

    /** With the accepted terms of service URL (null removes it). */
    public AccountJson withAgreement(String agreement) {
        return with(b -> b.agreement = agreement);
    }

    /** With the orders URL (null removes it). */
    public AccountJson withOrders(String orders) {
        return with(b -> b.orders = orders);
    }

    /** With the EAB the account was registered with (null removes it). */
    public AccountJson withEab(ExternalAccountBinding eab) {
        return with(b -> b.eab = eab);
    }

    private AccountJson with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new AccountJson(b);
    }

    // --- accessors -----------------------------------------------------------------------------

    public Optional<String> status() {
        return Optional.ofNullable(status);
    }

    public String url() {
        return url;
    }

    public String caUrl() {
        return caUrl;
    }

    public List<String> contacts() {
        return contacts == null ? List.of() : contacts;
    }

    /** The server's last account object, a copy. */
    public Optional<JsonNode> registration() {
        return Optional.ofNullable(registration).map(JsonNode::deepCopy);
    }

    public Optional<String> agreement() {
        return Optional.ofNullable(agreement);
    }

    public Optional<String> orders() {
        return Optional.ofNullable(orders);
    }

    public Optional<ExternalAccountBinding> eab() {
        return Optional.ofNullable(eab);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountJson other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    /** A summary for logs; never shows the EAB HMAC key. */
    @Override
    public String toString() {
        return "AccountJson[url=" + url + ", ca-url=" + caUrl + ", status=" + status
                + ", contact=" + contacts() + (eab == null ? "" : ", eab=" + eab) + "]";
    }

    private static final class Builder {
        ObjectNode source;
        String status;
        String url;
        String caUrl;
        List<String> contacts;
        JsonNode registration;
        String agreement;
        String orders;
        ExternalAccountBinding eab;

        Builder() {
        }

        Builder(AccountJson a) {
            source = a.source;
            status = a.status;
            url = a.url;
            caUrl = a.caUrl;
            contacts = a.contacts;
            registration = a.registration;
            agreement = a.agreement;
            orders = a.orders;
            eab = a.eab;
        }
    }
}
