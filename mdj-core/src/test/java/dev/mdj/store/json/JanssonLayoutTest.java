package dev.mdj.store.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The hand-written layout gives the same bytes as Jackson's pretty printer configured for
 * Jansson's layout (what {@link JsonFiles} used before), for every JSON file of the reference
 * stores and for generated trees with every kind of value and awkward strings.
 */
class JanssonLayoutTest {

    private static final ObjectWriter JACKSON = JsonFiles.mapper().writer().with(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withRootSeparator("")
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("").withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    @Test
    void everyReferenceJsonFileIsWrittenAsJacksonWrote() throws IOException, URISyntaxException {
        Path root = Path.of(JanssonLayoutTest.class.getResource("/reference").toURI());
        List<Path> files;
        try (Stream<Path> all = Files.walk(root)) {
            files = all.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(files).hasSizeGreaterThan(20);
        for (Path file : files) {
            ObjectNode node = JsonFiles.readObject(Files.readString(file));
            assertThat(new String(JanssonLayout.write(node), java.nio.charset.StandardCharsets.UTF_8)).as("%s", file)
                    .isEqualTo(JACKSON.writeValueAsString(node));
        }
    }

    @Test
    void generatedTreesAreWrittenAsJacksonWrites() {
        Random random = new Random(6);
        for (int i = 0; i < 500; i++) {
            JsonNode node = object(random, 0);
            assertThat(JanssonLayout.write(node)).as("%s", node).isEqualTo(JACKSON.writeValueAsBytes(node));
        }
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        int members = random.nextInt(depth > 2 ? 3 : 6);
        for (int i = 0; i < members; i++) {
            node.set(text(random), value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (random.nextInt(depth > 3 ? 8 : 10)) {
            case 0 -> f.textNode(text(random));
            case 1 -> f.numberNode(random.nextInt());
            case 2 -> f.numberNode(random.nextLong());
            case 3 -> f.numberNode(random.nextDouble() * 1000);
            case 4 -> f.booleanNode(random.nextBoolean());
            case 5 -> f.nullNode();
            case 6 -> f.numberNode(new java.math.BigDecimal("3.0"));
            case 7 -> f.textNode("plain-" + random.nextInt(100));
            case 8 -> object(random, depth);
            default -> {
                ArrayNode array = f.arrayNode();
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }

    /** Strings with quotes, backslashes, control characters, DEL, non-ASCII and emoji. */
    private static String text(Random random) {
        String alphabet = "ab/:\"\\\b\t\n\f\r\u0000\u0001\u001f\u007f é€日本\uD83D\uDE00";
        StringBuilder sb = new StringBuilder();
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            int at = random.nextInt(alphabet.length() - 1);
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                sb.append(alphabet, at, at + 2);
            } else if (Character.isLowSurrogate(alphabet.charAt(at))) {
                sb.append('x');
            } else {
                sb.append(alphabet.charAt(at));
            }
        }
        return sb.toString();
    }
}
