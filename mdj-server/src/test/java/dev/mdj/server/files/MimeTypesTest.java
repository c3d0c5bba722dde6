package dev.mdj.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimeTypesTest {

    @TempDir
    Path dir;

    @Test
    void builtInTypesCoverTheCommonWebFiles() {
        MimeTypes types = MimeTypes.builtIn();
        assertThat(types.typeOf("index.html")).contains("text/html");
        assertThat(types.typeOf("APP.JS")).contains("text/javascript");
        assertThat(types.typeOf("logo.svg")).contains("image/svg+xml");
        assertThat(types.typeOf("data.json")).contains("application/json");
        assertThat(types.typeOf("Makefile")).isEmpty();
    }

    @Test
    void readsAMimeTypesFileAndTheLastKnownExtensionDecides() throws IOException {
        Path file = Files.writeString(dir.resolve("mime.types"), """
                # comment
                text/html\t\thtml htm
                application/x-thing  thing # trailing comment
                application/no-extensions
                """);
        MimeTypes types = MimeTypes.load(file);
        assertThat(types.typeOf("a.thing")).contains("application/x-thing");
        assertThat(types.typeOf("page.html.bak")).contains("text/html");
        assertThat(types.typeOf("page.bak.html")).contains("text/html");
        assertThat(types.typeOf("a.css")).as("only the file's types").isEmpty();
    }

    @Test
    void theSystemFileWorksAndAnUnreadableOneFallsBack() {
        Path system = Path.of("/etc/mime.types");
        if (Files.isReadable(system)) {
            assertThat(MimeTypes.forConfig(Optional.of(system)).typeOf("x.woff2")).contains("font/woff2");
        }
        assertThat(MimeTypes.forConfig(Optional.of(dir.resolve("missing"))).typeOf("x.css")).contains("text/css");
        assertThat(MimeTypes.forConfig(Optional.empty()).typeOf("x.css")).contains("text/css");
    }
}
