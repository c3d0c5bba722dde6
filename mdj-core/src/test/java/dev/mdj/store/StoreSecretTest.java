package dev.mdj.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreSecretTest {

    private static String resource(String path) throws Exception {
        try (InputStream in = StoreSecretTest.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-basic", "c-keytypes"})
    void modMdFileRoundTripsByteForByte(String scenario) throws Exception {
        String json = resource("modmd-store/" + scenario + "/md_store.json");
        StoreSecret secret = StoreSecret.parse(json);
        assertThat(secret.version()).isEqualTo(3.0);
        assertThat(secret.passphrase()).hasSize(48);
        assertThat(secret.toJson()).isEqualTo(json);
    }

    @Test
    void exactLayout() {
        byte[] key = new byte[48];
        key[0] = (byte) 0xFB;
        key[47] = (byte) 0xFF;
        StoreSecret s = StoreSecret.parse("{\"store\":{\"version\":3},\"key\":\""
                + Base64.getUrlEncoder().withoutPadding().encodeToString(key) + "\"}");
        assertThat(s.toJson()).isEqualTo("{\n  \"store\": {\n    \"version\": 3.0\n  },\n  \"key\": \"-w"
                + "A".repeat(60) + "D_\"\n}");
        assertThat(s.passphrase()).isEqualTo(key);
    }

    @Test
    void generate() {
        StoreSecret a = StoreSecret.generate(new SecureRandom());
        StoreSecret b = StoreSecret.generate(new SecureRandom());
        assertThat(a.passphrase()).hasSize(48).isNotEqualTo(b.passphrase());
        assertThat(StoreSecret.parse(a.toJson())).isEqualTo(a);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(a.passphrase());
        assertThat(a.toJson()).contains("\"key\": \"" + key + "\"").hasLineCount(6);
        assertThat(key).hasSize(64);
    }

    @Test
    void passphraseIsACopyAndToStringHidesTheKey() throws Exception {
        StoreSecret s = StoreSecret.parse(resource("modmd-store/a-basic/md_store.json"));
        byte[] p = s.passphrase();
        p[0] ^= 1;
        assertThat(s.passphrase()).isNotEqualTo(p);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(s.passphrase());
        assertThat(s.toString()).doesNotContain(key).doesNotContain(key.substring(0, 8)).contains("hidden");
    }

    @Test
    void versions() {
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[48]);
        assertThat(StoreSecret.parse("{\"key\":\"" + key + "\"}").version()).isEqualTo(1.0);
        assertThat(StoreSecret.parse("{\"store\":{\"version\":2.0},\"key\":\"" + key + "\"}").version()).isEqualTo(2.0);
        assertThatThrownBy(() -> StoreSecret.parse("{\"store\":{\"version\":4.0},\"key\":\"" + key + "\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store version 4 is newer than this mdj understands (3)");
        assertThatThrownBy(() -> StoreSecret.parse("{\"store\":{\"version\":3.5},\"key\":\"" + key + "\"}"))
                .hasMessageStartingWith("store version 3.5 is newer");
    }

    @Test
    void badFiles() {
        assertThatThrownBy(() -> StoreSecret.parse("{\"store\":{\"version\":3.0}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("md_store.json has no \"key\"");
        assertThatThrownBy(() -> StoreSecret.parse("{\"store\":{\"version\":3.0},\"key\":\"AAAA\"}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("md_store.json \"key\" has 3 bytes, expected 48");
        assertThatThrownBy(() -> StoreSecret.parse("{\"store\":{\"version\":3.0},\"key\":\"A+/A\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("md_store.json \"key\" is not base64url");
        assertThatThrownBy(() -> StoreSecret.parse("{\"store\": "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("md_store.json is not valid JSON");
        assertThatThrownBy(() -> StoreSecret.parse("[]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("md_store.json is not a JSON object");
        assertThatThrownBy(() -> StoreSecret.parse(""))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
