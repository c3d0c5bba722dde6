package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateAuthoritiesTest {

    private static final String KNOWN_NAMES = "Known CA names are: LetsEncrypt, LetsEncrypt-Test, Buypass, Buypass-Test.";

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "LetsEncrypt, https://acme-v02.api.letsencrypt.org/directory",
        "letsencrypt, https://acme-v02.api.letsencrypt.org/directory",
        "LetsEncrypt-Test, https://acme-staging-v02.api.letsencrypt.org/directory",
        "LETSENCRYPT-TEST, https://acme-staging-v02.api.letsencrypt.org/directory",
        "Buypass, https://api.buypass.com/acme/directory",
        "buypass-test, https://api.test4.buypass.no/acme/directory"})
    void resolvesKnownNames(String name, URI expected) {
        assertThat(CertificateAuthorities.resolve(name)).isEqualTo(expected);
    }

    @Test
    void defaultIsLetsEncrypt() {
        assertThat(CertificateAuthorities.DEFAULT).isEqualTo(URI.create("https://acme-v02.api.letsencrypt.org/directory"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.example.org/directory", "http://localhost:14000/dir",
        "HTTPS://CA.example.org/acme", "urn:example:ca"})
    void acceptsAbsoluteUrls(String url) {
        assertThat(CertificateAuthorities.resolve(url)).isEqualTo(URI.create(url));
    }

    @ParameterizedTest(name = "''{0}'': {1}")
    @CsvSource(delimiter = '|', textBlock = """
            LetsEncrypt2                  | no scheme
            acme.example.org/directory    | no scheme
            ''                            | no scheme
            https:///directory            | no host
            http://under_score.example/   | no host
            https://                      | Expected authority
            https://acme example.org/     | Illegal character in authority
            """)
    void rejectsWhatIsNeitherANameNorAUrl(String text, String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CertificateAuthorities.resolve(text))
                .withMessage("The CA name '" + text + "' is not known and it is not a URL either (" + reason + "). "
                        + KNOWN_NAMES);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "https://api.buypass.com/acme/directory, true",
        "https://api.test4.buypass.no/acme/directory, true",
        "https://acme-v02.api.letsencrypt.org/directory, false",
        "https://acme-staging-v02.api.letsencrypt.org/directory, false",
        "https://acme.example.org/directory, false"})
    void knowsDiscontinuedServices(URI url, boolean discontinued) {
        assertThat(CertificateAuthorities.isDiscontinued(url)).isEqualTo(discontinued);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "https://acme-v02.api.letsencrypt.org/directory, LetsEncrypt",
        "https://acme-staging-v02.api.letsencrypt.org/directory, LetsEncrypt-Test",
        "https://api.buypass.com/acme/directory, Buypass",
        "https://api.test4.buypass.no/acme/directory, Buypass-Test",
        "https://acme.example.org:8443/directory, acme.example.org",
        "urn:example:ca, urn:example:ca"})
    void namesUrlsForMessages(URI url, String expected) {
        assertThat(CertificateAuthorities.displayName(url)).isEqualTo(expected);
    }
}
