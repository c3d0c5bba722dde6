package dev.mdj.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonFilesTest {

    @Test
    void writesLikeJansson() {
        String text = """
                {
                  "name": "x",
                  "list": [
                    "a",
                    "b"
                  ],
                  "empty-list": [],
                  "empty-object": {},
                  "nested": {
                    "n": 1,
                    "b": false
                  }
                }""";
        assertThat(JsonFiles.write(JsonFiles.readObject(text))).isEqualTo(text);
    }

    @Test
    void keepsFloatsAndInts() {
        String text = """
                {
                  "store": {
                    "version": 3.0
                  },
                  "n": 20014
                }""";
        assertThat(JsonFiles.write(JsonFiles.readObject(text))).isEqualTo(text);
    }

    @Test
    void writesUtf8AndSlashesUnescaped() {
        String text = "{\n  \"url\": \"https://b\u00fccher.example/dir\"\n}";
        assertThat(JsonFiles.writeBytes(JsonFiles.readObject(text)))
                .isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void noNewlineAtTheEnd() {
        assertThat(JsonFiles.write(JsonFiles.readObject("{\"a\":1}"))).isEqualTo("{\n  \"a\": 1\n}");
    }

    @Test
    void refusesNonObjects() {
        assertThatThrownBy(() -> JsonFiles.readObject("[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("expected a JSON object");
        assertThatThrownBy(() -> JsonFiles.readObject("{"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("not valid JSON");
    }
}
