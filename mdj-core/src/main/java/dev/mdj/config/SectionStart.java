package dev.mdj.config;

import java.util.List;

/** The opening line of a section, {@code <Name args>}, taken apart. */
record SectionStart(String name, List<String> args, String rawArgs, Location location) {

    static SectionStart parse(String text, Location at) {
        int nameEnd = 1;
        while (nameEnd < text.length() && !Words.isBlank(text.charAt(nameEnd))
                && text.charAt(nameEnd) != '>') {
            nameEnd++;
        }
        String name = text.substring(1, nameEnd);
        if (name.isEmpty()) {
            throw new ConfigException(new ConfigError(at, "'<' without a section name"));
        }
        if (!text.endsWith(">")) {
            throw new ConfigException(new ConfigError(at,
                    "<" + name + "> directive missing closing '>'"));
        }
        String raw = text.substring(nameEnd, text.length() - 1).strip();
        try {
            return new SectionStart(name, Words.split(raw), raw, at);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(new ConfigError(at, e.getMessage()));
        }
    }
}
