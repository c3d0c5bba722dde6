package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpProxiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://proxy:3128", "https://proxy.example.org", "HTTP://proxy:8080/", "http://proxy:1",
        "http://proxy:65535", "http://[::1]:3128", "http://10.0.0.1:3128", "http://proxy:"})
    void acceptsHttpAndHttpsUrls(String url) {
        assertThat(HttpProxies.parse(url)).isEqualTo(URI.create(url));
    }

    @Test
    void acceptsUserInfoForProxyAuthentication() {
        URI proxy = HttpProxies.parse("http://user:s3cret@proxy:3128");

        assertThat(proxy.getHost()).isEqualTo("proxy");
        assertThat(proxy.getPort()).isEqualTo(3128);
        assertThat(proxy.getUserInfo()).isEqualTo("user:s3cret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://proxy:21", "socks5://proxy:1080", "proxy:3128", "proxy", "", "//proxy:3128"})
    void rejectsOtherSchemes(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpProxies.parse(url))
                .withMessage("uri scheme must be http or https");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http:///path", "http:proxy", "https:///"})
    void rejectsUrlsWithoutHost(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpProxies.parse(url))
                .withMessage("'" + url + "' has no host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://proxy:0", "http://proxy:65536", "https://proxy:99999"})
    void rejectsPortsOutOfRange(String url) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpProxies.parse(url))
                .withMessage("invalid port");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            http://pro xy:3128              | http://pro xy:3128              | Illegal character in authority
            http://:3128                    | http://:3128                    | Expected hostname
            http://under_score:3128         | http://under_score:3128         | Illegal character in hostname
            http://proxy:99999999999        | http://proxy:99999999999        | Malformed port number
            http://user:s3cret@:3128        | http://user:***@:3128           | Expected hostname
            http://user:s3c ret@proxy:3128  | http://user:***@proxy:3128      | Illegal character in authority
            """)
    void rejectsMalformedUrlsWithoutShowingPasswords(String url, String shown, String reason) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> HttpProxies.parse(url))
                .withMessage("'" + shown + "' is not a valid URL: " + reason);
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource({
        "http://user:pass@proxy:3128/, http://user:***@proxy:3128/",
        "http://user:p@ss@proxy, http://user:***@proxy",
        "https://user:@proxy, https://user:***@proxy",
        "http://user@proxy:3128, http://user@proxy:3128",
        "http://proxy:3128/a:b@c, http://proxy:3128/a:b@c",
        "http://proxy:3128, http://proxy:3128"})
    void redactsPasswords(String url, String expected) {
        assertThat(HttpProxies.redact(url)).isEqualTo(expected);
    }
}
