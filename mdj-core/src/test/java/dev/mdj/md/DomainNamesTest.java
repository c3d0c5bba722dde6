package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainNamesTest {

    private static final String LABEL_63 = "a".repeat(63);
    /** 63 + 1 + 63 + 1 + 63 + 1 + 61 = 253 characters. */
    private static final String NAME_253 = LABEL_63 + "." + LABEL_63 + "." + LABEL_63 + "." + "b".repeat(61);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            example.org           | example.org
            Example.ORG.          | example.org
            www.example.org.      | www.example.org
            localhost             | localhost
            a-b.example.org       | a-b.example.org
            1.example.org         | 1.example.org
            a.b.c.d.e             | a.b.c.d.e
            *.example.org         | *.example.org
            *.Example.ORG.        | *.example.org
            *.a.b.example.org     | *.a.b.example.org
            bücher.de             | xn--bcher-kva.de
            BÜCHER.de             | xn--bcher-kva.de
            *.bücher.de           | *.xn--bcher-kva.de
            bücher。de            | xn--bcher-kva.de
            xn--bcher-kva.de      | xn--bcher-kva.de
            """)
    void normalizesValidNames(String name, String expected) {
        assertThat(DomainNames.normalize(name)).isEqualTo(expected);
    }

    @Test
    void acceptsTheLongestLabelsAndNames() {
        assertThat(DomainNames.normalize(LABEL_63 + ".org")).isEqualTo(LABEL_63 + ".org");
        assertThat(DomainNames.normalize(NAME_253)).isEqualTo(NAME_253);
        assertThat(DomainNames.normalize(NAME_253 + ".")).isEqualTo(NAME_253);
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                  | it is empty
            .                   | it is empty
            a..b                | it has an empty label
            .example.org        | it has an empty label
            example.org..       | it has an empty label
            *..org              | it has an empty label
            -a.example.org      | label '-a' must not start or end with '-'
            a-.org              | label 'a-' must not start or end with '-'
            a_b.example.org     | label 'a_b' may only contain letters, digits and '-'
            a b.org             | label 'a b' may only contain letters, digits and '-'
            example.org/        | label 'org/' may only contain letters, digits and '-'
            1.2.3               | its last label must not be all-numeric
            example.123         | its last label must not be all-numeric
            999.1.1.1           | its last label must not be all-numeric
            123                 | its last label must not be all-numeric
            *                   | a wildcard needs at least two labels after it
            *.                  | a wildcard needs at least two labels after it
            *.org               | a wildcard needs at least two labels after it
            a.*.org             | a wildcard '*' is only allowed as the entire first label
            *a.example.org      | a wildcard '*' is only allowed as the entire first label
            **.example.org      | a wildcard '*' is only allowed as the entire first label
            *.*.example.org     | a wildcard '*' is only allowed as the entire first label
            www.example.*       | a wildcard '*' is only allowed as the entire first label
            """)
    void rejectsInvalidNames(String name, String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DomainNames.normalize(name))
                .withMessage("'" + name + "' is not a valid domain name: " + reason);
    }

    @Test
    void rejectsTooLongLabels() {
        String label = LABEL_63 + "a";
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DomainNames.normalize(label + ".org"))
                .withMessage("'" + label + ".org' is not a valid domain name: label '" + label
                        + "' is longer than 63 characters");
    }

    @Test
    void rejectsTooLongNames() {
        String name = "c" + NAME_253;
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DomainNames.normalize(name))
                .withMessage("'" + name + "' is not a valid domain name: it is longer than 253 characters");
    }

    @Test
    void countsTheWildcardLabelInTheLength() {
        String longest = "*." + NAME_253.substring(2);
        String tooLong = "*." + NAME_253.substring(1);

        assertThat(DomainNames.normalize(longest)).isEqualTo(longest).hasSize(253);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DomainNames.normalize(tooLong))
                .withMessage("'" + tooLong + "' is not a valid domain name: it is longer than 253 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.1", "127.0.0.1", "0.0.0.0", "255.255.255.255", "10.0.0.1.",
        "::1", "::", "2001:db8::1", "[2001:db8::1]", "fe80::1%eth0", "::ffff:192.0.2.1", "2001:DB8:0:0:0:0:0:1"})
    void rejectsIpAddresses(String address) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DomainNames.normalize(address))
                .withMessage("'" + address + "' is an IP address; managed domains need DNS names");
    }

    @Test
    void rejectsInvalidInternationalizedNames() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DomainNames.normalize("bü_cher.de"))
                .withMessage("'bü_cher.de' is not a valid internationalized domain name: "
                        + "Contains non-LDH ASCII characters");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"*.example.org, true", "*.a.example.org, true", "example.org, false", "a*.example.org, false",
        "www.example.org, false"})
    void recognizesWildcards(String name, boolean wildcard) {
        assertThat(DomainNames.isWildcard(name)).isEqualTo(wildcard);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
        "example.org, example.org, true",
        "www.example.org, www.example.org, true",
        "*.example.org, *.example.org, true",
        "*.example.org, www.example.org, true",
        "*.example.org, mail.example.org, true",
        "*.example.org, example.org, false",
        "*.example.org, a.b.example.org, false",
        "*.example.org, www.example.com, false",
        "*.example.org, wwwexample.org, false",
        "*.example.org, .example.org, false",
        "www.example.org, *.example.org, false",
        "example.org, www.example.org, false",
        "www.example.org, example.org, false"})
    void matchesEqualNamesAndOneLabelForAWildcard(String pattern, String name, boolean expected) {
        assertThat(DomainNames.matches(pattern, name)).isEqualTo(expected);
    }
}
