package dev.mdj.events;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into arguments the way APR's {@code apr_tokenize_to_argv} does for
 * mod_md's MDMessageCmd and MDNotifyCmd. There is no shell: no variables, no globbing, no
 * {@code ;}, {@code |} or redirection.
 *
 * <ul>
 * <li>Arguments are separated by spaces and tabs.</li>
 * <li>An argument that <em>starts</em> with {@code "} or {@code '} runs to the matching quote
 *     ({@code "a b"c} is two arguments, {@code a b} and {@code c}); a quote inside an unquoted
 *     argument is an ordinary character.</li>
 * <li>A backslash escapes the next character and is removed, in every kind of argument, single
 *     quoted ones included ({@code 'it\'s'} is {@code it's}; {@code \\} is one backslash).</li>
 * </ul>
 *
 * <p>Unlike APR, which silently runs an unterminated quote to the end of the line, that is an
 * error here: it is always a mistake in the configuration.
 */
public final class CommandLineSplitter {

    private CommandLineSplitter() {
    }

    /**
     * @return the arguments; empty for a blank line
     * @throws IllegalArgumentException if a quote is not closed
     */
    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (true) {
            while (i < n && isSpace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                return args;
            }
            char quote = line.charAt(i) == '"' || line.charAt(i) == '\'' ? line.charAt(i++) : 0;
            int start = i;
            while (i < n && !endsArgument(line.charAt(i), quote)) {
                i += line.charAt(i) == '\\' && i + 1 < n && isEscapable(line.charAt(i + 1)) ? 2 : 1;
            }
            if (quote != 0 && i >= n) {
                throw new IllegalArgumentException("unterminated " + (quote == '"' ? "double" : "single")
                        + " quote in command line: " + line);
            }
            args.add(removeEscapes(line.substring(start, Math.min(i, n))));
            i++;
        }
    }

    private static boolean endsArgument(char c, char quote) {
        return quote == 0 ? c == ' ' || c == '\t' : c == quote;
    }

    /** What a backslash keeps from ending an argument (APR's DETERMINE_NEXTSTRING). */
    private static boolean isEscapable(char c) {
        return c == ' ' || c == '\t' || c == '"' || c == '\'';
    }

    /** C's isspace(), which APR skips between arguments. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r';
    }

    private static String removeEscapes(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        boolean escaped = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!escaped && c == '\\') {
                escaped = true;
            } else {
                escaped = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
