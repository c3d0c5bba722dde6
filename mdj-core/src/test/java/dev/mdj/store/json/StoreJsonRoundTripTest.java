package dev.mdj.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every store JSON file mod_md wrote in the reference runs ({@code src/test/resources/modmd-json})
 * comes out byte for byte the same after parse, toJson and write: key order, omitted keys,
 * timestamps, windows and layout all match.
 */
class StoreJsonRoundTripTest {

    static Path root() {
        try {
            return Path.of(StoreJsonRoundTripTest.class.getResource("/modmd-json").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> files() throws IOException {
        Path root = root();
        try (Stream<Path> walk = Files.walk(root)) {
            List<String> files = walk.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> root.relativize(p).toString()).sorted().toList();
            return files.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void roundTripIsByteForByte(String file) throws IOException {
        byte[] original = Files.readAllBytes(root().resolve(file));
        ObjectNode json = JsonFiles.readObject(original);
        ObjectNode written = switch (Path.of(file).getFileName().toString()) {
            case "md.json" -> MdJson.parse(json).toJson();
            case "job.json" -> JobJson.parse(json).toJson();
            case "account.json" -> AccountJson.parse(json).toJson();
            case "order.json" -> OrderJson.parse(json).toJson();
            default -> throw new AssertionError("unexpected file " + file);
        };
        assertThat(new String(JsonFiles.writeBytes(written), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(new String(original, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(JsonFiles.writeBytes(written)).isEqualTo(original);
    }

    @Test
    void coversEveryKindOfFile() throws IOException {
        List<String> files = files().toList();
        assertThat(files).hasSizeGreaterThanOrEqualTo(170);
        assertThat(files).anyMatch(f -> f.contains("/staging/") && f.endsWith("md.json"))
                .anyMatch(f -> f.contains("/domains/") && f.endsWith("md.json"))
                .anyMatch(f -> f.contains("/archive/") && f.endsWith("md.json"))
                .anyMatch(f -> f.contains("/staging/") && f.endsWith("job.json"))
                .anyMatch(f -> f.contains("/domains/") && f.endsWith("job.json"))
                .anyMatch(f -> f.contains("/tmp/") && f.endsWith("job.json"))
                .anyMatch(f -> f.startsWith("h-errors/") && f.endsWith("job.json"))
                .anyMatch(f -> f.contains("/staging/") && f.endsWith("account.json"))
                .anyMatch(f -> f.contains("/accounts/") && f.endsWith("account.json"))
                .anyMatch(f -> f.contains("hook-snapshots/") && f.endsWith("order.json"));
    }
}
