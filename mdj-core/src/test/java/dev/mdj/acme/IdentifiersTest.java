package dev.mdj.acme;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void wildcardCoversExactlyOneLabel() {
        assertThat(Identifiers.covers("*.example.org", "www.example.org")).isTrue();
        assertThat(Identifiers.covers("*.example.org", "WWW.Example.org")).isTrue();
        assertThat(Identifiers.covers("*.example.org", "example.org")).isFalse();
        assertThat(Identifiers.covers("*.example.org", "a.b.example.org")).isFalse();
        assertThat(Identifiers.covers("*.example.org", "wwwexample.org")).isFalse();
        assertThat(Identifiers.covers("www.example.org", "www.example.org")).isFalse();
    }

    @Test
    void dropsCoveredNamesKeepsOrder() {
        assertThat(Identifiers.of(List.of("example.org", "www.example.org", "*.example.org", "a.b.example.org")))
                .containsExactly("example.org", "*.example.org", "a.b.example.org");
        assertThat(Identifiers.of(List.of("*.wild.example", "wild.example")))
                .containsExactly("*.wild.example", "wild.example");
        assertThat(Identifiers.of(List.of("a.example", "b.example"))).containsExactly("a.example", "b.example");
    }
}
