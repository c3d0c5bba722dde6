package dev.mdj.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.store.StoreVerifier.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreVerifierTest {

    @TempDir
    Path dir;

    @Test
    void aFileThatCannotBeParsedIsNamedOnceRelativeToTheStore() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        Path mdJson = store.pathOf(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON);
        Files.createDirectories(mdJson.getParent());
        Files.writeString(mdJson, "{ not json");
        Files.setPosixFilePermissions(mdJson, PosixFilePermissions.fromString("rw-------"));

        List<Finding> findings = StoreVerifier.verify(store).stream()
                .filter(f -> f.path().equals("domains/example.org/md.json")).toList();

        assertThat(findings).hasSize(1);
        assertThat(findings.getFirst().severity()).isEqualTo(StoreVerifier.Severity.ERROR);
        assertThat(findings.getFirst().message()).isNotBlank().doesNotContain("md.json").doesNotContain(dir.toString());
    }
}
