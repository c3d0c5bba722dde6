package dev.mdj.store.json;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes store JSON files in the layout mod_md's Jansson produces
 * ({@code JSON_INDENT(2) | JSON_PRESERVE_ORDER}): two-space indentation, {@code "key": value}
 * with one space after the colon only, every array element and object member on its own line,
 * empty containers as {@code []} and {@code {}}, no newline after the closing brace, UTF-8
 * without escaping non-ASCII or {@code /}.
 */
public final class JsonFiles {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonFiles() {
    }

    /** The mapper used for store files. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    /**
     * Parses a store file whose top level must be an object.
     *
     * @throws IllegalArgumentException if {@code text} is not JSON or not an object
     */
    public static ObjectNode readObject(String text) {
        Objects.requireNonNull(text, "text");
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Like {@link #readObject(String)} for UTF-8 bytes. */
    public static ObjectNode readObject(byte[] utf8) {
        return readObject(new String(utf8, StandardCharsets.UTF_8));
    }

    /** {@code node} laid out as mod_md writes it. */
    public static String write(JsonNode node) {
        return new String(writeBytes(node), StandardCharsets.UTF_8);
    }

    /** {@link #write(JsonNode)} as UTF-8 bytes, ready for the file. */
    public static byte[] writeBytes(JsonNode node) {
        return JanssonLayout.write(node);
    }
}
