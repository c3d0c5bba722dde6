package dev.mdj.config.host;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a server logs: {@code ErrorLog}, {@code CustomLog}s and {@code LogLevel} (a default level
 * and per-module levels, such as {@code LogLevel info md:debug}).
 *
 * @param errorLog the error log file or {@code |command}, as resolved
 * @param customLogs the access logs
 * @param level the default level, when given
 * @param moduleLevels levels per module name ({@code md}, {@code ssl}, ...)
 */
public record LogSettings(Optional<String> errorLog, List<CustomLog> customLogs,
        Optional<String> level, Map<String, String> moduleLevels) {

    /**
     * One {@code CustomLog file format [env=...]}.
     *
     * @param target file path or {@code |command}
     * @param format a LogFormat nickname or an inline format
     */
    public record CustomLog(String target, String format) {
    }

    public LogSettings {
        customLogs = List.copyOf(customLogs);
        moduleLevels = Map.copyOf(moduleLevels);
    }
}
