package dev.mdj.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON every mdj command prints for scripts: indented, from maps, lists and values. */
final class CliJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CliJson() {
    }

    static String pretty(Object tree) {
        return MAPPER.writeValueAsString(tree);
    }
}
