package dev.mdj.store.json;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes a JSON tree as UTF-8 in the layout of {@link JsonFiles} (mod_md's Jansson with
 * {@code JSON_INDENT(2) | JSON_PRESERVE_ORDER}), straight into a byte array. It replaces
 * Jackson's pretty printer, which spent most of md-status's time for thousands of managed
 * domains on indentation. Strings are escaped as Jackson does: quote, backslash and the control
 * characters b, t, n, f, r with a backslash, other control characters as a six-character
 * unicode escape with upper-case hex; non-ASCII is not escaped. Numbers other than integers are
 * written by Jackson.
 */
final class JanssonLayout {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    /** Written in chunks, joined once at the end: a status document can be tens of megabytes. */
    private static final int CHUNK = 64 * 1024;

    private record Chunk(byte[] bytes, int length) {
    }

    private final List<Chunk> full = new ArrayList<>();
    private byte[] out = new byte[CHUNK];
    private int size;

    private JanssonLayout() {
    }

    static byte[] write(JsonNode node) {
        JanssonLayout layout = new JanssonLayout();
        layout.value(node, 0);
        return layout.joined();
    }

    private void value(JsonNode node, int level) {
        if (node.isObject()) {
            object(node, level);
        } else if (node.isArray()) {
            array(node, level);
        } else if (node.isString()) {
            string(node.asString());
        } else if (node.isBoolean()) {
            ascii(node.booleanValue() ? "true" : "false");
        } else if (node.isNull() || node.isMissingNode()) {
            ascii("null");
        } else if (node.isInt() || node.isLong()) {
            ascii(Long.toString(node.longValue()));
        } else if (node.isIntegralNumber()) {
            ascii(node.bigIntegerValue().toString());
        } else {
            ascii(JsonFiles.mapper().writeValueAsString(node));
        }
    }

    private void object(JsonNode node, int level) {
        put((byte) '{');
        boolean first = true;
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (!first) {
                put((byte) ',');
            }
            first = false;
            newline(level + 1);
            string(member.getKey());
            put((byte) ':');
            put((byte) ' ');
            value(member.getValue(), level + 1);
        }
        if (!first) {
            newline(level);
        }
        put((byte) '}');
    }

    private void array(JsonNode node, int level) {
        put((byte) '[');
        boolean first = true;
        for (JsonNode element : node) {
            if (!first) {
                put((byte) ',');
            }
            first = false;
            newline(level + 1);
            value(element, level + 1);
        }
        if (!first) {
            newline(level);
        }
        put((byte) ']');
    }

    private void newline(int level) {
        ensure(1 + 2 * level);
        out[size++] = '\n';
        Arrays.fill(out, size, size + 2 * level, (byte) ' ');
        size += 2 * level;
    }

    private void string(String text) {
        put((byte) '"');
        int length = text.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\' || c >= 0x80) {
                ascii(text, start, i);
                start = i + 1;
                if (c >= 0x80) {
                    int end = i + 1;
                    while (end < length && text.charAt(end) >= 0x80) {
                        end++;
                    }
                    bytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                    i = end - 1;
                    start = end;
                } else {
                    escape(c);
                }
            }
        }
        ascii(text, start, length);
        put((byte) '"');
    }

    private void escape(char c) {
        char shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm != 0) {
            put((byte) '\\');
            put((byte) shortForm);
        } else {
            ascii("\\u00");
            put(HEX[c >> 4]);
            put(HEX[c & 0xf]);
        }
    }

    private void ascii(String text) {
        ascii(text, 0, text.length());
    }

    /** Characters {@code from} to {@code to} of {@code text}, all below 0x80. */
    private void ascii(String text, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            out[size++] = (byte) text.charAt(i);
        }
    }

    private void bytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, out, size, bytes.length);
        size += bytes.length;
    }

    private void put(byte b) {
        ensure(1);
        out[size++] = b;
    }

    /** Room for {@code more} bytes in {@link #out} from {@link #size}. */
    private void ensure(int more) {
        if (size + more > out.length) {
            full.add(new Chunk(out, size));
            out = new byte[Math.max(CHUNK, more)];
            size = 0;
        }
    }

    private byte[] joined() {
        int length = size;
        for (Chunk chunk : full) {
            length += chunk.length();
        }
        byte[] all = new byte[length];
        int at = 0;
        for (Chunk chunk : full) {
            System.arraycopy(chunk.bytes(), 0, all, at, chunk.length());
            at += chunk.length();
        }
        System.arraycopy(out, 0, all, at, size);
        return all;
    }
}
