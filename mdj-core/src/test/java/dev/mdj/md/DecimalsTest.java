package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DecimalsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "0, 0", "42, 42", "+42, 42", "-42, -42", "007, 7",
        "2147483647, 2147483647", "2147483648, 2147483647", "99999999999999999999, 2147483647",
        "-2147483648, -2147483648", "-2147483649, -2147483648", "-99999999999999999999, -2147483648"})
    void saturatesAtTheIntRange(String decimal, int expected) {
        assertThat(Decimals.toIntSaturated(decimal)).isEqualTo(expected);
    }
}
