package dev.mdj.status;

import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.json.StoreTime;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes mod_md's status documents from {@link MdStatus}: keys, nesting, order and value
 * formats as mod_md 2.6 writes them; what only mdj knows is in an {@code "mdj"} object at the end
 * of each managed domain. Private keys, account keys and the EAB HMAC never appear: the
 * documents are built from md.json (whose EAB HMAC is replaced by {@code "***"}, as mod_md
 * does), job.json and certificates.
 */
public final class StatusJson {

    /**
     * The mod_md version whose md-status mdj writes, as the document's {@code version}: scripts
     * that check it see the format they know.
     */
    public static final String MOD_MD_VERSION = "2.6.10";

    /** What md-status shows instead of the EAB HMAC key. */
    static final String HIDDEN = "***";

    private StatusJson() {
    }

    /** {@code GET /md-status}: {@code {"version", "managed-domains": [...]}}, without renewal logs. */
    public static ObjectNode mdStatus(List<MdStatus> domains) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", MOD_MD_VERSION);
        ArrayNode array = root.putArray("managed-domains");
        domains.forEach(status -> array.add(managedDomain(status, false)));
        return root;
    }

    /**
     * One managed domain: its md.json with the live {@code state}, then {@code cert},
     * {@code renew-at}, {@code watched}, {@code renew} (only while due or under way),
     * {@code renewal} (the staged job with the staged {@code cert}; its {@code log} only
     * {@code withLog}), and last {@code mdj}.
     */
    public static ObjectNode managedDomain(MdStatus status, boolean withLog) {
        ObjectNode md = status.md().toJson();
        if (md.get("eab") instanceof ObjectNode eab && eab.has("hmac")) {
            eab.put("hmac", HIDDEN);
        }
        ObjectNode cert = status.certificates().toJson();
        status.ocsp().forEach((key, ocsp) -> {
            if (cert.get(key) instanceof ObjectNode info) {
                info.set("ocsp", ocsp.toJson(withLog));
            }
        });
        md.set("cert", cert);
        status.renewAt().ifPresent(at -> md.put("renew-at", StoreTime.format(at)));
        md.put("watched", status.watched());
        if (status.renew()) {
            md.put("renew", true);
        }
        status.renewal().ifPresent(job -> {
            ObjectNode renewal = job.toJson();
            if (!withLog) {
                renewal.remove("log");
            }
            renewal.set("cert", status.stagedCertificates().toJson());
            md.set("renewal", renewal);
        });
        md.set("mdj", status.engine().toJson());
        return md;
    }

    /**
     * {@code /.httpd/certificate-status}: the overall {@code valid} of the live certificates,
     * one object per configured key spec (empty when it has no certificate — also for
     * MDCertificateFile, whose certificates mod_md keys by position), and {@code renewal.cert}
     * whenever a renewal is staged.
     */
    public static ObjectNode certificateStatus(MdStatus status) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        status.certificates().valid().ifPresent(period -> root.set("valid", period.toJson()));
        for (String key : status.keyNames()) {
            CertificateInfo info = status.certificates().byKey().get(key);
            root.set(key, info == null ? JsonNodeFactory.instance.objectNode() : info.toBriefJson());
        }
        if (status.renewal().isPresent()) {
            root.putObject("renewal").set("cert", status.stagedCertificates().toJson());
        }
        return root;
    }

    /** {@code document} laid out as mod_md sends it: two-space indentation, no final newline. */
    public static String write(JsonNode document) {
        return JsonFiles.write(document);
    }

    /** {@link #write} in UTF-8, as a server sends it (written as bytes directly: faster for large documents). */
    public static byte[] writeBytes(JsonNode document) {
        return JsonFiles.writeBytes(document);
    }
}
