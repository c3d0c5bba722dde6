package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExternalAccountBindingTest {

    private static final String HMAC = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    @TempDir
    Path dir;

    private Optional<ExternalAccountBinding> parse(String... args) {
        return ExternalAccountBinding.parse(List.of(args), dir::resolve);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE"})
    void noneDisablesTheBinding(String none) {
        assertThat(parse(none)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {HMAC, "YWJj", "YWI", "YWI=", "a-b_", "YQ=="})
    void takesKeyIdAndHmacPaddedOrNot(String hmac) {
        assertThat(parse("kid-1", hmac)).contains(new ExternalAccountBinding("kid-1", hmac));
    }

    @Test
    void readsAJsonFileResolvedByTheCaller() throws IOException {
        write("eab.json", "{\"kid\": \"kid-1\", \"hmac\": \"" + HMAC + "\", \"comment\": 1}");
        List<String> resolved = new ArrayList<>();

        Optional<ExternalAccountBinding> eab = ExternalAccountBinding.parse(List.of("eab.json"), name -> {
            resolved.add(name);
            return dir.resolve(name);
        });

        assertThat(resolved).containsExactly("eab.json");
        assertThat(eab).contains(new ExternalAccountBinding("kid-1", HMAC));
    }

    @Test
    void acceptsAFileOfExactly64KiB() throws IOException {
        String json = "{\"kid\": \"kid-1\", \"hmac\": \"" + HMAC + "\"}";
        write("eab.json", json + " ".repeat(64 * 1024 - json.length()));

        assertThat(parse("eab.json")).contains(new ExternalAccountBinding("kid-1", HMAC));
    }

    @Test
    void rejectsLargerFiles() throws IOException {
        String json = "{\"kid\": \"kid-1\", \"hmac\": \"" + HMAC + "\"}";
        Path file = write("eab.json", json + " ".repeat(64 * 1024 + 1 - json.length()));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("eab.json"))
                .withMessage("cannot read EAB file '" + file + "': it is larger than 64 KiB");
    }

    @Test
    void rejectsMissingFiles() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("missing.json"))
                .withMessage("cannot read EAB file '" + dir.resolve("missing.json") + "': no such file");
    }

    @Test
    void rejectsDirectories() throws IOException {
        Path subdir = Files.createDirectory(dir.resolve("eab.json"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("eab.json"))
                .withMessageStartingWith("cannot read EAB file '" + subdir + "': ");
    }

    @Test
    void rejectsInvalidJsonWithoutQuotingItsContent() throws IOException {
        Path file = write("eab.json", "{\n  \"kid\": \"kid-1\",\n  \"hmac\": s3cr3t\n}");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("eab.json"))
                .withMessage("EAB file '" + file + "' is not valid JSON: syntax error at line 3, column 11");
    }

    @Test
    void rejectsTrailingContent() throws IOException {
        Path file = write("eab.json", "{\"kid\": \"kid-1\", \"hmac\": \"" + HMAC + "\"} x");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("eab.json"))
                .withMessageStartingWith("EAB file '" + file + "' is not valid JSON: syntax error at line 1, column ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n"})
    void rejectsEmptyFiles(String content) throws IOException {
        Path file = write("eab.json", content);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("eab.json"))
                .withMessage("EAB file '" + file + "' is not valid JSON: it is empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"kid\": \"kid-1\"}",
        "{\"hmac\": \"YWJj\"}",
        "{\"kid\": \"\", \"hmac\": \"YWJj\"}",
        "{\"kid\": \"kid-1\", \"hmac\": \"\"}",
        "{\"kid\": 1, \"hmac\": \"YWJj\"}",
        "{\"kid\": \"kid-1\", \"hmac\": null}",
        "{\"kid\": \"kid-1\", \"hmac\": [\"YWJj\"]}",
        "[\"kid-1\", \"YWJj\"]",
        "\"kid-1\"",
        "null"})
    void rejectsFilesWithoutBothValues(String content) throws IOException {
        Path file = write("eab.json", content);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("eab.json"))
                .withMessage("EAB file '" + file + "' needs non-empty \"kid\" and \"hmac\" values");
    }

    @Test
    void rejectsAnHmacInAFileThatIsNotBase64Url() throws IOException {
        write("eab.json", "{\"kid\": \"kid-1\", \"hmac\": \"a+b/\"}");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("eab.json"))
                .withMessage("the EAB hmac key is not base64url encoded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b/", "YWJj+", "Y", "YW=", "YWJj=x", "YW Jj", "ÿÿÿÿ"})
    void rejectsAnHmacThatIsNotBase64Url(String hmac) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("kid-1", hmac))
                .withMessage("the EAB hmac key is not base64url encoded");
    }

    @Test
    void rejectsEmptyValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("", HMAC))
                .withMessage("the EAB key id must not be empty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("kid-1", ""))
                .withMessage("the EAB hmac key must not be empty");
    }

    @Test
    void rejectsOtherArgumentCounts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse())
                .withMessage("takes 'none', a JSON file, or the two values key-id and hmac");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> parse("kid-1", HMAC, "extra"))
                .withMessage("takes 'none', a JSON file, or the two values key-id and hmac");
    }

    @Test
    void toStringNeverShowsTheHmac() {
        ExternalAccountBinding eab = new ExternalAccountBinding("kid-1", HMAC);

        assertThat(eab).hasToString("ExternalAccountBinding[kid=kid-1, hmac=***]");
        assertThat(eab.toString()).doesNotContain(HMAC);
    }

    @Test
    void readsUtf8Files() throws IOException {
        Files.write(dir.resolve("eab.json"), "{\"kid\": \"kid-ü\", \"hmac\": \"YWJj\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(parse("eab.json")).contains(new ExternalAccountBinding("kid-ü", "YWJj"));
    }
}
