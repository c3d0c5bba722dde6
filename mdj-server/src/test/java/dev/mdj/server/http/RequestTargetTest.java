package dev.mdj.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Request targets taken apart and normalised as httpd does, and the ones it refuses. */
class RequestTargetTest {

    @Test
    void originFormKeepsTheRawPathAndSplitsTheQuery() throws Exception {
        RequestTarget target = RequestTarget.parse("/a%20b/c.html?x=1&y=%20#frag");
        assertThat(target.rawPath()).isEqualTo("/a%20b/c.html");
        assertThat(target.path()).isEqualTo("/a b/c.html");
        assertThat(target.query()).contains("x=1&y=%20");
        assertThat(target.authority()).isEmpty();
    }

    @Test
    void absoluteFormNamesTheAuthority() throws Exception {
        RequestTarget target = RequestTarget.parse("HTTP://Example.org:8080/x?q");
        assertThat(target.authority()).contains("Example.org:8080");
        assertThat(target.path()).isEqualTo("/x");
        assertThat(target.query()).contains("q");
        assertThat(RequestTarget.parse("https://example.org").path()).isEqualTo("/");
    }

    @ParameterizedTest
    @CsvSource({
        "/a/./b, /a/b",
        "/a/b/.., /a/",
        "/a/../b, /b",
        "//a///b, /a/b",
        "/a/%2e%2e/b, /b",
        "/a/%2E/b/, /a/b/",
        "/.well-known/acme-challenge/../../etc/passwd, /etc/passwd",
        "/caf%C3%A9, /café"
    })
    void dotSegmentsAreResolved(String raw, String path) throws Exception {
        assertThat(RequestTarget.parse(raw).path()).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource({
        "/.., 400",
        "/a/../.., 400",
        "/%2e%2e/etc/passwd, 400",
        "/.well-known/acme-challenge/%2e%2e/%2e%2e/%2e%2e/x, 400",
        "/a%2fb, 404",
        "/a%2Fb, 404",
        "/a%00b, 400",
        "/a%zz, 400",
        "/a%2, 400",
        "/%c3%28, 400",
        "*, 400",
        "a/b, 400"
    })
    void badTargetsGetHttpdsStatus(String raw, int status) {
        assertThatThrownBy(() -> RequestTarget.parse(raw)).isInstanceOfSatisfying(RequestTarget.BadTarget.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    @Test
    void controlCharactersAndSpacesMustBeEncoded() {
        assertThatThrownBy(() -> RequestTarget.parse("/a b")).isInstanceOf(RequestTarget.BadTarget.class);
        assertThatThrownBy(() -> RequestTarget.parse("/a\tb")).isInstanceOf(RequestTarget.BadTarget.class);
        assertThatThrownBy(() -> RequestTarget.parse("/é")).isInstanceOf(RequestTarget.BadTarget.class);
    }

    @Test
    void anEmptyQueryIsKept() throws Exception {
        assertThat(RequestTarget.parse("/x?").query()).isEqualTo(Optional.of(""));
    }
}
