package dev.mdj.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a parse starts from besides the file: the ServerRoot given on the command line
 * ({@code -d}; otherwise the directory of the main file), the names defined with {@code -D}
 * (a value makes them a variable too) and the environment used for {@code ${NAME}}.
 */
public record ParseOptions(Optional<Path> serverRoot, Map<String, String> defines,
        Map<String, String> environment) {

    public ParseOptions {
        Objects.requireNonNull(serverRoot, "serverRoot");
        defines = Map.copyOf(defines);
        environment = Map.copyOf(environment);
    }

    /** No ServerRoot override, nothing defined, and the process environment. */
    public static ParseOptions defaults() {
        return new ParseOptions(Optional.empty(), Map.of(), System.getenv());
    }

    public ParseOptions withServerRoot(Path root) {
        return new ParseOptions(Optional.of(root), defines, environment);
    }

    /** Defines a name for {@code <IfDefine>}; an empty value defines a parameter only. */
    public ParseOptions withDefine(String name, String value) {
        var all = new java.util.HashMap<>(defines);
        all.put(name, value);
        return new ParseOptions(serverRoot, all, environment);
    }

    public ParseOptions withEnvironment(Map<String, String> env) {
        return new ParseOptions(serverRoot, defines, env);
    }
}
