package dev.mdj.server.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * A request target taken apart as httpd does before any handler sees it: the path as sent, the
 * path decoded and with {@code .} and {@code ..} segments resolved, and the query. Targets that
 * climb above the root, hold encoded slashes or NUL, or are not valid UTF-8 are refused.
 *
 * @param rawPath the path as sent (percent-encoded), used in redirects
 * @param path the decoded, normalised path; always starts with {@code /}
 * @param query the query without {@code ?}, if any
 * @param authority the host of an absolute-form target ({@code GET http://host/ HTTP/1.1}), if any
 */
public record RequestTarget(String rawPath, String path, Optional<String> query, Optional<String> authority) {

    /** Why a target was refused, with the status httpd answers. */
    public static final class BadTarget extends Exception {
        private final int status;

        BadTarget(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public static RequestTarget parse(String uri) throws BadTarget {
        String rest = uri;
        Optional<String> authority = Optional.empty();
        String lower = uri.length() > 8 ? uri.substring(0, 8).toLowerCase(Locale.ROOT) : uri.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            int start = uri.indexOf("://") + 3;
            int slash = uri.indexOf('/', start);
            int end = slash < 0 ? uri.length() : slash;
            authority = Optional.of(uri.substring(start, end));
            rest = slash < 0 ? "/" : uri.substring(slash);
        }
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        int question = rest.indexOf('?');
        String rawPath = question >= 0 ? rest.substring(0, question) : rest;
        Optional<String> query = question >= 0 ? Optional.of(rest.substring(question + 1)) : Optional.empty();
        if (!rawPath.startsWith("/")) {
            throw new BadTarget(400, "the request target must start with '/'");
        }
        return new RequestTarget(rawPath, normalize(decode(rawPath)), query, authority);
    }

    private static String decode(String raw) throws BadTarget {
        if (raw.indexOf('%') < 0) {
            if (raw.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
                throw new BadTarget(400, "the path holds characters that must be percent-encoded");
            }
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length() || Character.digit(raw.charAt(i + 1), 16) < 0
                        || Character.digit(raw.charAt(i + 2), 16) < 0) {
                    throw new BadTarget(400, "the path has a broken percent-encoding");
                }
                int b = Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16);
                if (b == 0) {
                    throw new BadTarget(400, "the path holds a NUL byte");
                }
                if (b == '/') {
                    // httpd's AllowEncodedSlashes Off
                    throw new BadTarget(404, "the path holds an encoded slash");
                }
                bytes.write(b);
                i += 2;
            } else if (c < 0x21 || c > 0x7e) {
                throw new BadTarget(400, "the path holds characters that must be percent-encoded");
            } else {
                bytes.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw new BadTarget(400, "the path is not valid UTF-8");
        }
    }

    /** RFC 3986 remove_dot_segments, except that climbing above the root is an error. */
    private static String normalize(String path) throws BadTarget {
        if (!path.contains("/.") && !path.contains("//")) {
            return path;
        }
        Deque<String> segments = new ArrayDeque<>();
        String[] parts = path.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.equals("..")) {
                if (segments.isEmpty()) {
                    throw new BadTarget(400, "the path climbs above the root");
                }
                segments.removeLast();
                if (last) {
                    segments.addLast("");
                }
            } else if (part.equals(".")) {
                if (last) {
                    segments.addLast("");
                }
            } else if (!part.isEmpty() || last) {
                segments.addLast(part);
            }
        }
        return "/" + String.join("/", segments);
    }
}
