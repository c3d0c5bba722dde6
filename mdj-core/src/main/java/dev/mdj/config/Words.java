package dev.mdj.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits directive arguments into words as httpd's {@code ap_getword_conf} does: words are
 * separated by blanks; a word that starts with a double or single quote runs to the matching
 * quote and may contain blanks, and inside it a backslash escapes only that quote character.
 * A quote inside an unquoted word is an ordinary character.
 */
final class Words {

    private Words() {
    }

    /**
     * The words of {@code text}.
     *
     * @throws IllegalArgumentException if a quoted word is not closed (httpd silently takes the
     *     rest of the line; an unbalanced quote is far more often a typo than intent)
     */
    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && isBlank(text.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return words;
            }
            char first = text.charAt(i);
            if (first == '"' || first == '\'') {
                i = readQuoted(text, i, first, words);
            } else {
                int start = i;
                while (i < n && !isBlank(text.charAt(i))) {
                    i++;
                }
                words.add(text.substring(start, i));
            }
        }
    }

    private static int readQuoted(String text, int open, char quote, List<String> words) {
        StringBuilder word = new StringBuilder();
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && text.charAt(i + 1) == quote) {
                word.append(quote);
                i += 2;
            } else if (c == quote) {
                words.add(word.toString());
                return i + 1;
            } else {
                word.append(c);
                i++;
            }
        }
        throw new IllegalArgumentException("the quoted argument starting with " + quote
                + " is not closed");
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r';
    }
}
