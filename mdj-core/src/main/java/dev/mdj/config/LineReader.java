package dev.mdj.config;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Splits a configuration file into logical lines the way httpd's {@code ap_cfg_getline} does:
 * trailing blanks are dropped, a line ending in a backslash continues on the next one, and
 * leading blanks are trimmed. Comments are only whole lines starting with {@code #} (httpd has
 * no trailing comments); they are returned and the caller skips them.
 *
 * <p>Refuses what httpd would choke on or what is clearly not a configuration: bytes that are
 * not UTF-8, NUL bytes, and logical lines over {@link #MAX_LINE_LENGTH} characters.
 */
final class LineReader {

    /** Longest logical line accepted; httpd's own limit is far lower (MAX_STRING_LEN 8 KiB). */
    static final int MAX_LINE_LENGTH = 64 * 1024;

    private final Path file;
    private final byte[] bytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int position;
    private int lineNumber;

    LineReader(Path file, byte[] bytes) {
        this.file = file;
        this.bytes = bytes;
    }

    /** The next logical line, or {@code null} at the end of the file. */
    LogicalLine next() {
        if (position >= bytes.length) {
            return null;
        }
        StringBuilder logical = new StringBuilder();
        int startLine = lineNumber + 1;
        while (position < bytes.length) {
            String physical = stripTrailingBlanks(readPhysicalLine());
            if (physical.endsWith("\\")) {
                logical.append(physical, 0, physical.length() - 1);
                checkLength(logical, startLine);
                continue;
            }
            logical.append(physical);
            break;
        }
        checkLength(logical, startLine);
        return new LogicalLine(logical.toString().strip(), new Location(file, startLine));
    }

    private String readPhysicalLine() {
        int start = position;
        int end = start;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        position = Math.min(end + 1, bytes.length);
        lineNumber++;
        int length = end - start;
        if (length > 0 && bytes[start + length - 1] == '\r') {
            length--;
        }
        if (length > MAX_LINE_LENGTH) {
            throw error(lineNumber, "line is longer than " + MAX_LINE_LENGTH + " characters");
        }
        for (int i = start; i < start + length; i++) {
            if (bytes[i] == 0) {
                throw error(lineNumber, "line contains a NUL byte; is this a configuration file?");
            }
        }
        try {
            return decoder.decode(ByteBuffer.wrap(bytes, start, length)).toString();
        } catch (CharacterCodingException e) {
            throw error(lineNumber, "line is not valid UTF-8 text");
        }
    }

    private void checkLength(StringBuilder logical, int startLine) {
        if (logical.length() > MAX_LINE_LENGTH) {
            throw error(startLine, "continued line is longer than " + MAX_LINE_LENGTH + " characters");
        }
    }

    private ConfigException error(int line, String message) {
        return new ConfigException(new ConfigError(new Location(file, line), message));
    }

    private static String stripTrailingBlanks(String s) {
        return s.stripTrailing();
    }
}
