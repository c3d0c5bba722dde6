package dev.mdj.server.log;

import java.nio.charset.StandardCharsets;

/**
 * httpd's {@code ap_escape_logitem}: what a client sent cannot forge log lines or fields. Quotes
 * and backslashes get a backslash, control characters and bytes outside printable ASCII are
 * written as {@code \n}, {@code \t}, ... or {@code \xhh}.
 */
final class LogEscapes {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private LogEscapes() {
    }

    /** Appends {@code text} (whose chars are bytes, as Netty decodes HTTP heads) escaped. */
    static void append(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\b' -> line.append("\\b");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                case 0x0b -> line.append("\\v");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        line.append(c);
                    } else if (c <= 0xff) {
                        line.append("\\x").append(HEX[c >> 4]).append(HEX[c & 0xf]);
                    } else {
                        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                            line.append("\\x").append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
                        }
                    }
                }
            }
        }
    }
}
