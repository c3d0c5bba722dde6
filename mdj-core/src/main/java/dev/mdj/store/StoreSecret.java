package dev.mdj.store;

import dev.mdj.store.json.JsonFiles;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The store's secret, mod_md's {@code md_store.json}:
 * {@code {"store": {"version": 3.0}, "key": "<base64url, no padding, of 48 random bytes>"}}.
 * The 48 raw key bytes are the passphrase of every encrypted private key in the store (groups
 * {@code accounts} and {@code staging}).
 *
 * <p>Reading validates like mod_md: a missing or non-positive version counts as 1.0, a version above
 * 3 is refused, the key must be present and decode to exactly 48 bytes. Writing produces the same
 * bytes mod_md (jansson, 2-space indent, no trailing newline) writes.
 */
public final class StoreSecret {

    /** The store format this implementation reads and writes (mod_md's MD_STORE_VERSION). */
    public static final double VERSION = 3.0;

    /** Length of the raw key in bytes (mod_md's FS_STORE_KLEN). */
    public static final int KEY_LENGTH = 48;


    private final double version;
    private final byte[] key;

    private StoreSecret(double version, byte[] key) {
        this.version = version;
        this.key = key;
    }

    /**
     * A new random secret for a new store.
     *
     * @param random the source of the 48 key bytes
     * @return the secret, at the current store version
     */
    public static StoreSecret generate(SecureRandom random) {
        Objects.requireNonNull(random, "random");
        byte[] key = new byte[KEY_LENGTH];
        random.nextBytes(key);
        return new StoreSecret(VERSION, key);
    }

    /**
     * Reads the content of {@code md_store.json}.
     *
     * @param json the file's content
     * @return the secret
     * @throws IllegalArgumentException (with a message for the administrator, never containing the
     *     key) if the file is not JSON, is of a newer store version, or its key is missing or of the
     *     wrong length
     */
    public static StoreSecret parse(String json) {
        JsonNode root;
        try {
            root = JsonFiles.mapper().readTree(json);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("md_store.json is not valid JSON (line "
                    + e.getLocation().getLineNr() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("md_store.json is not a JSON object");
        }
        JsonNode v = root.path("store").path("version");
        double version = v.isNumber() ? v.asDouble() : 0.0;
        if (version <= 0.0) {
            version = 1.0; // as mod_md: no version means an old store compatible with 1.0
        }
        if (version > VERSION) {
            throw new IllegalArgumentException("store version " + format(version)
                    + " is newer than this mdj understands (" + format(VERSION) + ")");
        }
        JsonNode k = root.get("key");
        if (k == null || !k.isString()) {
            throw new IllegalArgumentException("md_store.json has no \"key\"");
        }
        byte[] key;
        try {
            key = Base64.getUrlDecoder().decode(stripPadding(k.asString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("md_store.json \"key\" is not base64url");
        }
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("md_store.json \"key\" has " + key.length
                    + " bytes, expected " + KEY_LENGTH);
        }
        return new StoreSecret(version, key);
    }

    private static String stripPadding(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        return s.substring(0, end);
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * The store version read from the file (1.0 if it had none); below {@link #VERSION} means the
     * store needs mod_md's migration before use.
     *
     * @return the version
     */
    public double version() {
        return version;
    }

    /**
     * The passphrase for the store's encrypted keys: the 48 raw key bytes.
     *
     * @return a copy the caller may clear
     */
    public byte[] passphrase() {
        return key.clone();
    }

    /**
     * The file content at the current store version, exactly as mod_md writes it: 2-space indent,
     * {@code "name": value}, {@code "store"} then {@code "key"}, version written as {@code 3.0},
     * no trailing newline.
     *
     * @return the JSON text
     */
    public String toJson() {
        ObjectNode root = JsonFiles.mapper().createObjectNode();
        root.putObject("store").put("version", VERSION);
        root.put("key", Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        return JsonFiles.write(root);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreSecret other && version == other.version && Arrays.equals(key, other.key);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(key);
    }

    /** Describes the secret without revealing the key. */
    @Override
    public String toString() {
        return "StoreSecret[version=" + format(version) + ", key=(" + KEY_LENGTH + " bytes, hidden)]";
    }
}
