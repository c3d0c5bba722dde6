package dev.mdj.md;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Case-insensitive lookup of a directive keyword among a fixed set of candidates. */
final class Keywords {

    private Keywords() {
    }

    /**
     * Returns the first candidate one of whose names equals {@code text}, ignoring case.
     *
     * @param text the keyword as written in the configuration
     * @param candidates the values to choose from, in order of preference
     * @param names the accepted spellings of a candidate
     */
    static <T> Optional<T> match(String text, T[] candidates, Function<T, List<String>> names) {
        return Arrays.stream(candidates)
                .filter(candidate -> names.apply(candidate).stream().anyMatch(text::equalsIgnoreCase))
                .findFirst();
    }
}
