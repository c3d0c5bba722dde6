package dev.mdj.server.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File name extensions and their media types, read from a {@code mime.types} file (httpd's
 * TypesConfig: one type per line followed by its extensions, {@code #} comments). Text types go
 * out without a charset, as httpd's default {@code AddDefaultCharset Off}. Immutable.
 */
public final class MimeTypes {

    private static final Logger LOG = LoggerFactory.getLogger(MimeTypes.class);
    private static final String BUILT_IN = "mime.types";

    private final Map<String, String> byExtension;

    private MimeTypes(Map<String, String> byExtension) {
        this.byExtension = Map.copyOf(byExtension);
    }

    /** mdj's table of common web types, for configurations without TypesConfig. */
    public static MimeTypes builtIn() {
        try (InputStream in = MimeTypes.class.getResourceAsStream(BUILT_IN)) {
            return read(new BufferedReader(new InputStreamReader(Objects.requireNonNull(in, BUILT_IN),
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("mdj's built-in " + BUILT_IN + " cannot be read", e);
        }
    }

    /** The types of a {@code mime.types} file. */
    public static MimeTypes load(Path file) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return read(reader);
        }
    }

    /**
     * The types of TypesConfig when given and readable, else the built-in ones (the
     * configuration has warned about an unreadable file already).
     */
    public static MimeTypes forConfig(Optional<Path> typesConfig) {
        if (typesConfig.isPresent()) {
            try {
                return load(typesConfig.get());
            } catch (IOException e) {
                LOG.warn("TypesConfig {} cannot be read ({}); mdj's built-in types are used", typesConfig.get(),
                        e.toString());
            }
        }
        return builtIn();
    }

    private static MimeTypes read(BufferedReader reader) throws IOException {
        Map<String, String> types = new HashMap<>();
        String line;
        while ((line = reader.readLine()) != null) {
            int hash = line.indexOf('#');
            String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
            for (int i = 1; i < fields.length; i++) {
                // as mod_mime: a later line for the same extension wins
                types.put(fields[i].toLowerCase(Locale.ROOT), fields[0]);
            }
        }
        return new MimeTypes(types);
    }

    /**
     * The type of {@code fileName} as mod_mime finds it: every extension after the first dot is
     * looked up (case-insensitively) and the last one known decides, so {@code index.html.bak}
     * is {@code text/html} unless {@code bak} has a type. Empty when no extension is known (httpd
     * then sends no Content-Type).
     */
    public Optional<String> typeOf(String fileName) {
        String type = null;
        int dot = fileName.indexOf('.');
        while (dot >= 0) {
            int next = fileName.indexOf('.', dot + 1);
            String extension = fileName.substring(dot + 1, next < 0 ? fileName.length() : next);
            String found = byExtension.get(extension.toLowerCase(Locale.ROOT));
            if (found != null) {
                type = found;
            }
            dot = next;
        }
        return Optional.ofNullable(type);
    }
}
