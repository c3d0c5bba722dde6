package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    private static final String[][] CANDIDATES = {{"auto", "automatic"}, {"always"}, {"auto"}};

    private static List<String> names(String[] candidate) {
        return List.of(candidate);
    }

    @Test
    void matchesAnyNameIgnoringCase() {
        assertThat(Keywords.match("AUTOMATIC", CANDIDATES, KeywordsTest::names)).contains(CANDIDATES[0]);
        assertThat(Keywords.match("Always", CANDIDATES, KeywordsTest::names)).contains(CANDIDATES[1]);
    }

    @Test
    void prefersTheFirstCandidate() {
        assertThat(Keywords.match("auto", CANDIDATES, KeywordsTest::names)).contains(CANDIDATES[0]);
    }

    @Test
    void findsNothingForOtherText() {
        assertThat(Keywords.match("autom", CANDIDATES, KeywordsTest::names)).isEmpty();
        assertThat(Keywords.match("", CANDIDATES, KeywordsTest::names)).isEmpty();
    }
}
