package dev.mdj.server.metrics;

import java.util.Map;

/**
 * Writes gauges in the Prometheus text exposition format 0.0.4: per family its {@code # HELP}
 * and {@code # TYPE} lines, then its samples ({@code name{label="value",...} value}) — all
 * samples of a family together, as the format requires.
 */
final class Exposition {

    private final StringBuilder out;

    Exposition(StringBuilder out) {
        this.out = out;
    }

    /** Starts the gauge family {@code name}. */
    void gauge(String name, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n");
    }

    /** A sample of the family just started; {@code labels} in their order. */
    void sample(String name, Map<String, String> labels, long value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            String separator = "";
            for (Map.Entry<String, String> label : labels.entrySet()) {
                out.append(separator).append(label.getKey()).append("=\"");
                escape(label.getValue());
                out.append('"');
                separator = ",";
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
    }
}
