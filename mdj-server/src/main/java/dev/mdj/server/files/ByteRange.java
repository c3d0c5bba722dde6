package dev.mdj.server.files;

import java.util.Locale;
import java.util.Optional;

/**
 * The part of a file a {@code Range} header asks for. Only a single range is served: for
 * {@code bytes=a-b,c-d} httpd answers 206 with a multipart/byteranges body; mdj answers 200
 * with the whole file, which RFC 9110 allows (a server may ignore Range) and every client
 * handles.
 *
 * @param first the first byte
 * @param length how many bytes from there; 0 when the range cannot be satisfied
 */
record ByteRange(long first, long length) {

    /** The range for a header that lies wholly outside the file: 416. */
    static final ByteRange UNSATISFIABLE = new ByteRange(0, 0);

    boolean satisfiable() {
        return length > 0;
    }

    long last() {
        return first + length - 1;
    }

    /**
     * The range {@code header} asks of a file of {@code size} bytes: empty when the whole file
     * is to be sent (no header, a malformed one, several ranges), as httpd ignores what it
     * cannot parse; {@link #UNSATISFIABLE} when it starts past the end.
     */
    static Optional<ByteRange> parse(String header, long size) {
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return Optional.empty();
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (spec.indexOf(',') >= 0 || dash < 0) {
            return Optional.empty();
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        try {
            if (from.isEmpty()) {
                // bytes=-n: the last n bytes
                long suffix = number(to);
                if (suffix == 0) {
                    return Optional.of(UNSATISFIABLE);
                }
                long length = Math.min(suffix, size);
                return Optional.of(size == 0 ? UNSATISFIABLE : new ByteRange(size - length, length));
            }
            long first = number(from);
            long last = to.isEmpty() ? Long.MAX_VALUE : number(to);
            if (last < first) {
                return Optional.empty();
            }
            if (first >= size) {
                return Optional.of(UNSATISFIABLE);
            }
            return Optional.of(new ByteRange(first, Math.min(last, size - 1) - first + 1));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A non-negative decimal, digits only. */
    private static long number(String digits) {
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException(digits);
        }
        return Long.parseLong(digits);
    }
}
