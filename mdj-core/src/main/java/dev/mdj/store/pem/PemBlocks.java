package dev.mdj.store.pem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splitting text into PEM blocks and writing them the way OpenSSL does (64-character lines, LF). */
final class PemBlocks {

    /** One {@code -----BEGIN label-----} block: its label, whether it had RFC 1421 headers, its DER. */
    record Block(String label, boolean hasHeaders, byte[] der) {
    }

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

    private static final Base64.Encoder ENCODER =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PemBlocks() {
    }

    /** All blocks in order; throws if a block's body is not base64. */
    static List<Block> parse(String text) {
        if (text == null) {
            throw new PemException("not PEM: no input");
        }
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String label = m.group(1);
            String body = m.group(2);
            boolean headers = false;
            int blank = body.indexOf(':');
            if (blank >= 0) {
                // RFC 1421 headers (Proc-Type, DEK-Info) end at the first empty line.
                headers = true;
                int end = body.indexOf("\n\n");
                if (end < 0) {
                    end = body.indexOf("\r\n\r\n");
                }
                body = end < 0 ? "" : body.substring(end);
            }
            String b64 = body.replaceAll("\\s+", "");
            byte[] der;
            try {
                der = Base64.getDecoder().decode(b64);
            } catch (IllegalArgumentException e) {
                throw new PemException("damaged PEM: the " + label + " block is not valid base64");
            }
            blocks.add(new Block(label, headers, der));
        }
        return blocks;
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
