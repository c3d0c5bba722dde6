package dev.mdj.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The parameters and variables of one parse, as httpd keeps them: names defined with {@code -D}
 * or {@code Define NAME} (tested by {@code <IfDefine>}), variables defined with {@code Define NAME
 * VALUE}, and the process environment as the fallback for {@code ${NAME}}.
 */
final class Defines {

    private final Set<String> parameters = new HashSet<>();
    private final Map<String, String> variables = new HashMap<>();
    private final Map<String, String> environment;

    Defines(Map<String, String> commandLine, Map<String, String> environment) {
        this.environment = environment;
        commandLine.forEach((name, value) -> define(name, value.isEmpty() ? null : value));
    }

    void define(String name, String value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("needs a name to define");
        }
        if (name.indexOf(':') >= 0) {
            throw new IllegalArgumentException("Variable name must not contain ':'");
        }
        parameters.add(name);
        if (value != null) {
            variables.put(name, value);
        } else {
            variables.remove(name);
        }
    }

    void undefine(String name) {
        parameters.remove(name);
        variables.remove(name);
    }

    boolean isDefined(String name) {
        return parameters.contains(name);
    }

    /**
     * Replaces every {@code ${NAME}} by the defined variable or, failing that, the environment
     * variable. An unknown name is left as written and reported to {@code undefined}, as httpd
     * does (its warning AH00111).
     *
     * @throws IllegalArgumentException if the result would be longer than
     *     {@link LineReader#MAX_LINE_LENGTH} (variables built from variables grow exponentially)
     */
    String substitute(String line, Consumer<String> undefined) {
        int start = line.indexOf("${");
        if (start < 0) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        int i = 0;
        while (start >= 0) {
            int end = line.indexOf('}', start + 2);
            if (end < 0) {
                break;
            }
            out.append(line, i, start);
            String name = line.substring(start + 2, end);
            String value = variables.get(name);
            if (value == null) {
                value = environment.get(name);
            }
            if (value == null) {
                undefined.accept(name);
                out.append(line, start, end + 1);
            } else {
                if (out.length() + value.length() > LineReader.MAX_LINE_LENGTH) {
                    throw new IllegalArgumentException("line is longer than "
                            + LineReader.MAX_LINE_LENGTH + " characters after substituting ${"
                            + name + "}");
                }
                out.append(value);
            }
            i = end + 1;
            start = line.indexOf("${", i);
        }
        out.append(line, i, line.length());
        return out.toString();
    }
}
