package dev.mdj.store.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * An ACME order in progress as mod_md stores it in {@code staging/<md>/order.json}:
 * {@code url}, {@code status}, {@code authorizations}, {@code challenge-setups} (e.g.
 * {@code "http-01:www.example.org"}, {@code "dns-01:<dns> <token>"}), {@code finalize},
 * {@code certificate}. Immutable; unknown keys are kept.
 *
 * @param url the order URL; null if not known yet
 * @param status {@code pending}, {@code ready}, {@code processing}, {@code valid} or {@code invalid}
 * @param authorizations the authorization URLs
 * @param challengeSetups the challenges set up so far, to tear down later
 * @param finalizeUrl the finalize URL ({@code finalize}); null if not known
 * @param certificateUrl the certificate URL ({@code certificate}); null until issued
 * @param unknown the parsed document, for its unknown keys; null for a new order
 */
public record OrderJson(String url, String status, List<String> authorizations,
        List<String> challengeSetups, String finalizeUrl, String certificateUrl, ObjectNode unknown) {

    private static final Set<String> KNOWN = Set.of("url", "status", "authorizations",
            "challenge-setups", "finalize", "certificate");

    public OrderJson {
        authorizations = List.copyOf(authorizations);
        challengeSetups = List.copyOf(challengeSetups);
        unknown = unknown == null ? null : unknown.deepCopy();
    }

    /** A new order without unknown keys. */
    public static OrderJson of(String url, String status, List<String> authorizations,
            List<String> challengeSetups, String finalizeUrl, String certificateUrl) {
        return new OrderJson(url, status, authorizations, challengeSetups, finalizeUrl, certificateUrl, null);
    }

    /** Reads an {@code order.json}. */
    public static OrderJson parse(ObjectNode json) {
        Objects.requireNonNull(json, "json");
        return new OrderJson(Nodes.string(json, "url"), Nodes.string(json, "status"),
                Nodes.strings(json, "authorizations"), Nodes.strings(json, "challenge-setups"),
                Nodes.string(json, "finalize"), Nodes.string(json, "certificate"), json);
    }

    /** The document as mod_md writes it, with unknown keys of the parsed document kept. */
    public ObjectNode toJson() {
        ObjectNode out = Nodes.object();
        Nodes.putIfNotNull(out, "url", url);
        Nodes.putIfNotNull(out, "status", status);
        out.set("authorizations", Nodes.array(authorizations));
        out.set("challenge-setups", Nodes.array(challengeSetups));
        Nodes.putIfNotNull(out, "finalize", finalizeUrl);
        Nodes.putIfNotNull(out, "certificate", certificateUrl);
        return Nodes.withUnknown(out, unknown, KNOWN);
    }

    /** With {@code setup} added to the challenge setups. */
    public OrderJson withChallengeSetup(String setup) {
        List<String> setups = new ArrayList<>(challengeSetups);
        setups.add(Objects.requireNonNull(setup, "setup"));
        return new OrderJson(url, status, authorizations, setups, finalizeUrl, certificateUrl, unknown);
    }

    /** With {@code status}. */
    public OrderJson withStatus(String status) {
        return new OrderJson(url, status, authorizations, challengeSetups, finalizeUrl, certificateUrl, unknown);
    }

    /** With the certificate URL. */
    public OrderJson withCertificateUrl(String certificateUrl) {
        return new OrderJson(url, status, authorizations, challengeSetups, finalizeUrl, certificateUrl, unknown);
    }

    /** The parsed document this came from, a copy; for its unknown keys. */
    @Override
    public ObjectNode unknown() {
        return unknown == null ? null : unknown.deepCopy();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OrderJson other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    @Override
    public String toString() {
        return "OrderJson" + toJson();
    }
}
