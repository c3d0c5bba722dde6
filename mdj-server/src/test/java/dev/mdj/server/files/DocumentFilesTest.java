package dev.mdj.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path tricks against the lookup itself, beyond what a request line can carry. */
class DocumentFilesTest {

    @TempDir
    Path dir;
    Path root;

    @BeforeEach
    void tree() throws IOException {
        root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("a.txt"), "a");
        Files.writeString(dir.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(root.resolve("loop"), root.resolve("loop"));
    }

    @Test
    void findsFilesBelowTheRoot() {
        assertThat(DocumentFiles.find(root, "/a.txt")).isInstanceOfSatisfying(DocumentFiles.Found.class,
                found -> assertThat(found.path()).isEqualTo(root.resolve("a.txt")));
        assertThat(DocumentFiles.find(root, "/")).isInstanceOf(DocumentFiles.Found.class);
    }

    @Test
    void refusesSegmentsThatCouldLeaveTheRoot() {
        for (String trick : new String[] {"/../secret.txt", "/x/../../secret.txt", "/./a.txt", "/a.txt\0.png",
                "/..\\secret.txt", "/\\..\\secret.txt"}) {
            assertThat(DocumentFiles.find(root, trick)).as(trick).isInstanceOf(DocumentFiles.Missing.class);
        }
    }

    @Test
    void anAbsolutePathStaysBelowTheRoot() {
        assertThat(DocumentFiles.find(root, "/" + dir.resolve("secret.txt"))).isInstanceOf(DocumentFiles.Missing.class);
        assertThat(DocumentFiles.find(root, "//" + dir.resolve("secret.txt"))).isInstanceOf(DocumentFiles.Missing.class);
    }

    @Test
    void indexNamesCannotClimbEither() {
        DocumentFiles.Found top = (DocumentFiles.Found) DocumentFiles.find(root, "/");
        assertThat(DocumentFiles.findIn(top, "../secret.txt")).isInstanceOf(DocumentFiles.Missing.class);
        assertThat(DocumentFiles.findIn(top, "..")).isInstanceOf(DocumentFiles.Missing.class);
        assertThat(DocumentFiles.findIn(top, "a.txt")).isInstanceOf(DocumentFiles.Found.class);
    }

    @Test
    void linkLoopsAreRefusedAndAMissingRootHasNothing() {
        assertThat(DocumentFiles.find(root, "/loop")).isInstanceOf(DocumentFiles.Refused.class);
        assertThat(DocumentFiles.find(dir.resolve("none"), "/a.txt")).isInstanceOf(DocumentFiles.Missing.class);
    }
}
