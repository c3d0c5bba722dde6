package dev.mdj.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.md.ManagedDomain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a configuration (usually a text block) into a temporary directory that serves as
 * ServerRoot, reads it with {@link ConfigReader}, and hands back the result or the error.
 */
final class TestConfigs {

    static final String FILE_NAME = "httpd.conf";

    private TestConfigs() {
    }

    /** Writes {@code text} to {@code dir/httpd.conf} and reads it with ServerRoot {@code dir}. */
    static Configuration read(Path dir, String text) {
        return ConfigReader.read(write(dir, FILE_NAME, text), ParseOptions.defaults().withServerRoot(dir));
    }

    /** Reads an existing file with ServerRoot {@code dir}. */
    static Configuration readFile(Path dir, Path file) {
        return ConfigReader.read(file, ParseOptions.defaults().withServerRoot(dir));
    }

    /** Like {@link #read}, expecting the configuration to be refused. */
    static ConfigException fail(Path dir, String text) {
        Path file = write(dir, FILE_NAME, text);
        ConfigException[] caught = new ConfigException[1];
        assertThatThrownBy(() -> ConfigReader.read(file, ParseOptions.defaults().withServerRoot(dir)))
                .isInstanceOfSatisfying(ConfigException.class, e -> caught[0] = e);
        return caught[0];
    }

    /** The messages of a refused configuration. */
    static List<String> errors(Path dir, String text) {
        return fail(dir, text).errors().stream().map(ConfigError::message).toList();
    }

    /** The single error message of a refused configuration. */
    static String error(Path dir, String text) {
        List<String> errors = errors(dir, text);
        if (errors.size() != 1) {
            throw new AssertionError("expected one error, got " + errors);
        }
        return errors.get(0);
    }

    static List<String> warnings(Configuration configuration) {
        return configuration.warnings().stream().map(ConfigError::message).toList();
    }

    static ManagedDomain md(Configuration configuration, String name) {
        return configuration.managedDomain(name)
                .orElseThrow(() -> new AssertionError("no managed domain " + name + " in "
                        + configuration.managedDomains()));
    }

    /** Writes a file below {@code dir}, creating parent directories. */
    static Path write(Path dir, String name, String text) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
