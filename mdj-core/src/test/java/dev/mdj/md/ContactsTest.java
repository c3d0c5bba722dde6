package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            admin@example.org             | mailto:admin@example.org
            Admin.Team+md@Example.ORG     | mailto:Admin.Team+md@Example.ORG
            root@localhost                | mailto:root@localhost
            admin@bücher.de               | mailto:admin@bücher.de
            admin@example.org.            | mailto:admin@example.org.
            """)
    void prefixesMailtoToAddresses(String value, String expected) {
        assertThat(Contacts.toContactUri(value)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailto:admin@example.org", "MAILTO:admin@example.org", "tel:+15551234567",
        "https://example.org/contact", "x-custom.scheme+1:anything at all"})
    void keepsValuesWithAScheme(String value) {
        assertThat(Contacts.toContactUri(value)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "admin", "@example.org", "admin@", "a@b@example.org", "ad min@example.org",
        "admin@exa mple.org", "admin@example.org ", "admin@*.example.org", "admin@-bad.org", "admin@192.168.0.1",
        "admin@example_org", "mailto:", "mailto:admin", "mailto:@example.org", "mailto:admin@",
        "mailto:admin@example.org?subject=x"})
    void rejectsInvalidAddresses(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Contacts.toContactUri(value))
                .withMessage("'" + value + "' is not a valid e-mail address");
    }
}
