package dev.mdj.server.files;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/**
 * A file's validators as httpd makes them, and the conditional request headers judged against
 * them in httpd's order ({@code ap_meets_conditions}, RFC 9110 §13.2.2).
 *
 * <p>The ETag is httpd's default {@code FileETag MTime Size}: {@code "<size hex>-<mtime in
 * microseconds hex>"}. It is weak ({@code W/"..."}) when the file changed within the last second,
 * because it could change again within the same second unnoticed.
 *
 * @param etag the entity tag with its quotes and, if weak, {@code W/}
 * @param lastModified the modification time, to the second (HTTP dates have no more)
 */
record Validators(String etag, Instant lastModified) {

    /** What the preconditions ask for. */
    enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    static Validators of(BasicFileAttributes attributes, Instant now) {
        Instant modified = attributes.lastModifiedTime().toInstant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, modified);
        boolean weak = !modified.isBefore(now.minusSeconds(1));
        String tag = "\"" + Long.toHexString(attributes.size()) + "-" + Long.toHexString(micros) + "\"";
        return new Validators(weak ? "W/" + tag : tag, modified.truncatedTo(ChronoUnit.SECONDS));
    }

    boolean weak() {
        return etag.startsWith("W/");
    }

    String lastModifiedHeader() {
        return DateFormatter.format(Date.from(lastModified));
    }

    /**
     * If-Match, If-Unmodified-Since, If-None-Match and If-Modified-Since in httpd's order; the
     * date headers count only without their ETag counterpart, unparsable dates are ignored.
     *
     * @param safe whether the method is GET or HEAD (If-None-Match then means 304, else 412)
     */
    Outcome evaluate(HttpHeaders headers, boolean safe, Instant now) {
        String ifMatch = headers.get(HttpHeaderNames.IF_MATCH);
        if (ifMatch != null) {
            if (!matches(ifMatch, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else {
            Instant since = date(headers.get(HttpHeaderNames.IF_UNMODIFIED_SINCE));
            if (since != null && lastModified.isAfter(since)) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        String ifNoneMatch = headers.get(HttpHeaderNames.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, false)) {
                return safe ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
            }
        } else if (safe) {
            Instant since = date(headers.get(HttpHeaderNames.IF_MODIFIED_SINCE));
            // a date in the future is no date the client can have seen
            if (since != null && !lastModified.isAfter(since) && !since.isAfter(now)) {
                return Outcome.NOT_MODIFIED;
            }
        }
        return Outcome.PROCEED;
    }

    /**
     * Whether a Range may be honoured under {@code ifRange} (null: no If-Range): an entity tag
     * must match strongly; a date must be the Last-Modified of a file not changed within the
     * last second (a strong date validator).
     */
    boolean rangeAllowed(String ifRange) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return !weak() && value.equals(etag);
        }
        Instant date = date(value);
        return !weak() && lastModified.equals(date);
    }

    /** Whether a list of entity tags ({@code *} or {@code "a", W/"b"}) holds this one. */
    private boolean matches(String list, boolean strong) {
        if (list.trim().equals("*")) {
            return true;
        }
        if (strong && weak()) {
            return false;
        }
        String opaque = opaque(etag);
        for (String candidate : list.split(",")) {
            String tag = candidate.trim();
            if (strong && tag.startsWith("W/")) {
                continue;
            }
            if (opaque(tag).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

    private static Instant date(String value) {
        Date date = value == null ? null : DateFormatter.parseHttpDate(value);
        return date == null ? null : date.toInstant();
    }
}
