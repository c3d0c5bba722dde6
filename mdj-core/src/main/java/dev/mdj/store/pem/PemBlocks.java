package dev.mdj.store.pem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Arrays;
import java.util.List;

/** Splitting text into PEM blocks and writing them the way OpenSSL does (64-character lines, LF). */
final class PemBlocks {

    /** One {@code -----BEGIN label-----} block: its label, whether it had RFC 1421 headers, its DER. */
    record Block(String label, boolean hasHeaders, byte[] der) {
    }

    private static final String BEGIN = "-----BEGIN ";
    private static final String DASHES = "-----";

    private static final Base64.Encoder ENCODER =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PemBlocks() {
    }

    /**
     * All blocks in order ({@code -----BEGIN label-----}, a line break, the body up to the first
     * {@code -----END label-----}; anything else is skipped); throws if a block's body is not
     * base64. Scanned by hand, not with a regular expression: a store of thousands of
     * certificates is parsed at every start and status page.
     */
    static List<Block> parse(String text) {
        if (text == null) {
            throw new PemException("not PEM: no input");
        }
        List<Block> blocks = new ArrayList<>();
        int from = 0;
        int begin;
        while ((begin = text.indexOf(BEGIN, from)) >= 0) {
            from = begin + 1;
            int labelStart = begin + BEGIN.length();
            int labelEnd = labelStart;
            while (labelEnd < text.length() && isLabelChar(text.charAt(labelEnd))) {
                labelEnd++;
            }
            if (labelEnd == labelStart || !text.startsWith(DASHES, labelEnd)) {
                continue;
            }
            int bodyStart = labelEnd + DASHES.length();
            if (text.startsWith("\r", bodyStart)) {
                bodyStart++;
            }
            if (!text.startsWith("\n", bodyStart)) {
                continue;
            }
            bodyStart++;
            String label = text.substring(labelStart, labelEnd);
            String end = "-----END " + label + DASHES;
            int bodyEnd = text.indexOf(end, bodyStart);
            if (bodyEnd < 0) {
                continue;
            }
            blocks.add(block(label, text.substring(bodyStart, bodyEnd)));
            from = bodyEnd + end.length();
        }
        return blocks;
    }

    private static Block block(String label, String body) {
        boolean headers = false;
        if (body.indexOf(':') >= 0) {
            // RFC 1421 headers (Proc-Type, DEK-Info) end at the first empty line.
            headers = true;
            int end = body.indexOf("\n\n");
            if (end < 0) {
                end = body.indexOf("\r\n\r\n");
            }
            body = end < 0 ? "" : body.substring(end);
        }
        try {
            return new Block(label, headers, Base64.getDecoder().decode(withoutWhitespace(body)));
        } catch (IllegalArgumentException e) {
            throw new PemException("damaged PEM: the " + label + " block is not valid base64");
        }
    }

    private static boolean isLabelChar(char c) {
        return c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ';
    }

    /** {@code body} without the characters of the regular expression {@code \\s}. */
    private static byte[] withoutWhitespace(String body) {
        byte[] out = new byte[body.length()];
        int n = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\u000B' && c != '\f' && c != '\r') {
                if (c > 0x7f) {
                    throw new IllegalArgumentException("not base64: " + c);
                }
                out[n++] = (byte) c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** One block with 64-character lines and a trailing newline, as OpenSSL writes it. */
    static String encode(String label, byte[] der) {
        StringBuilder sb = new StringBuilder(der.length * 4 / 3 + 80);
        sb.append("-----BEGIN ").append(label).append("-----\n");
        if (der.length > 0) {
            sb.append(ENCODER.encodeToString(der)).append('\n');
        }
        sb.append("-----END ").append(label).append("-----\n");
        return sb.toString();
    }
}
