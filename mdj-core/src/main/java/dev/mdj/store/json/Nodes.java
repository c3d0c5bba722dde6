package dev.mdj.store.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Small helpers to read typed values out of store JSON and to keep unknown keys. */
final class Nodes {

    private Nodes() {
    }

    static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** A deep copy of {@code node}, or null. */
    static ObjectNode copy(ObjectNode node) {
        return node == null ? null : node.deepCopy();
    }

    /**
     * {@code known} followed by every member of {@code source} whose key is not in
     * {@code knownKeys}, in the source's order: the known keys come out in mod_md's order, the
     * keys mdj does not know survive unchanged.
     */
    static ObjectNode withUnknown(ObjectNode known, ObjectNode source, Set<String> knownKeys) {
        if (source != null) {
            for (Map.Entry<String, JsonNode> member : source.properties()) {
                if (!knownKeys.contains(member.getKey()) && !known.has(member.getKey())) {
                    known.set(member.getKey(), member.getValue().deepCopy());
                }
            }
        }
        return known;
    }

    /** The object member {@code key}, or null when absent or not an object. */
    static ObjectNode objectOrNull(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value != null && value.isObject() ? (ObjectNode) value : null;
    }

    /** The string member {@code key}, or null when absent or not a string. */
    static String string(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value != null && value.isString() ? value.asString() : null;
    }

    /**
     * The string member {@code key}.
     *
     * @throws IllegalArgumentException if it is absent, not a string or empty
     */
    static String requiredString(JsonNode node, String key, String file) {
        String value = string(node, key);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(file + " lacks the string '" + key + "'");
        }
        return value;
    }

    /** The boolean member {@code key} ({@code false} when absent, numbers count as C does). */
    static boolean bool(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        if (value == null) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isNumber() && value.asInt() != 0;
    }

    /** The integer member {@code key}, 0 when absent or not a number (as Jansson's getters). */
    static int integer(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value != null && value.isNumber() ? value.asInt() : 0;
    }

    /** The string elements of the array member {@code key}; empty when absent. */
    static List<String> strings(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        List<String> result = new ArrayList<>();
        if (value != null && value.isArray()) {
            for (JsonNode element : value) {
                if (element.isString()) {
                    result.add(element.asString());
                }
            }
        }
        return List.copyOf(result);
    }

    /** Whether {@code key} is an array member. */
    static boolean hasArray(JsonNode node, String key) {
        JsonNode value = node == null ? null : node.get(key);
        return value != null && value.isArray();
    }

    /**
     * The timestamp member {@code key}, or null when absent.
     *
     * @throws IllegalArgumentException if it is present but not a timestamp
     */
    static Instant time(JsonNode node, String key) {
        String text = string(node, key);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return StoreTime.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + key + "': " + e.getMessage(), e);
        }
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static void putIfNotNull(ObjectNode node, String key, String value) {
        if (value != null) {
            node.put(key, value);
        }
    }

    static void putTimeIfNotNull(ObjectNode node, String key, Instant value) {
        if (value != null) {
            node.put(key, StoreTime.format(value));
        }
    }
}
