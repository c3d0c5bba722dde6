package dev.mdj.md;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PortMapTest {

    private static List<String> args(String line) {
        return List.of(line.split(" "));
    }

    @Test
    void defaultMapsNothing() {
        assertThat(PortMap.DEFAULT).isEqualTo(new PortMap(80, 443));
        assertThat(PortMap.DEFAULT.httpReachable()).isTrue();
        assertThat(PortMap.DEFAULT.httpsReachable()).isTrue();
        assertThat(PortMap.DEFAULT.format()).isEqualTo("http:80 https:443");
    }

    @ParameterizedTest(name = "{0} is {1}:{2}")
    @CsvSource(delimiter = '|', textBlock = """
            http:8080              | 8080  | 443
            80:8080                | 8080  | 443
            HTTP:8080              | 8080  | 443
            https:8443             | 80    | 8443
            443:8443               | 80    | 8443
            HTTPS:8443             | 80    | 8443
            http:8080 https:8443   | 8080  | 8443
            443:5002 80:-          | 0     | 5002
            http:- https:-         | 0     | 0
            http:1 https:65535     | 1     | 65535
            http:080               | 80    | 443
            """)
    void parsesMappings(String line, int http, int https) {
        assertThat(PortMap.parse(args(line))).isEqualTo(new PortMap(http, https));
    }

    @Test
    void dashMeansNotReachable() {
        PortMap map = PortMap.parse(args("http:- https:8443"));

        assertThat(map.httpReachable()).isFalse();
        assertThat(map.httpsReachable()).isTrue();
        assertThat(map.format()).isEqualTo("http:- https:8443");
    }

    @ParameterizedTest
    @CsvSource({"8080, 8443", "0, 443", "80, 0", "0, 0"})
    void formatIsTheInverseOfParse(int http, int https) {
        PortMap map = new PortMap(http, https);

        assertThat(PortMap.parse(args(map.format()))).isEqualTo(map);
    }

    @ParameterizedTest
    @CsvSource({"8080", "http", "http:", ":8080", "http:80:81", "http::80", "http 8080"})
    void rejectsWhatIsNoMapping(String arg) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortMap.parse(List.of(arg)))
                .withMessage("'" + arg + "' is not a port mapping like 'http:8080' or '443:8443'");
    }

    @ParameterizedTest
    @CsvSource({"8080:80", "ftp:21", "080:8080", "-:80", "http2:80"})
    void rejectsOtherPublicPorts(String arg) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortMap.parse(List.of(arg)))
                .withMessage("mapped port number must be 80 or 443");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"http:0, 0", "http:65536, 65536", "https:99999999999, 99999999999", "http:abc, abc",
        "https:-1, -1", "http:+80, +80", "http:--, --"})
    void rejectsInvalidLocalPorts(String arg, String port) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortMap.parse(List.of(arg)))
                .withMessage("invalid port number '" + port + "', must be between 1 and 65535");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            http:8080 80:8081    | 80
            443:1 https:2        | 443
            """)
    void rejectsMappingAPublicPortTwice(String line, int port) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortMap.parse(args(line)))
                .withMessage("public port " + port + " is mapped more than once");
    }

    @Test
    void rejectsOtherArgumentCounts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortMap.parse(List.of()))
                .withMessage("takes one or two port mappings like 'http:8080' or '443:8443'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PortMap.parse(args("http:1 https:2 http:3")))
                .withMessage("takes one or two port mappings like 'http:8080' or '443:8443'");
    }

    @ParameterizedTest
    @CsvSource({"-1, 443", "80, 65536"})
    void constructorRejectsImpossiblePorts(int http, int https) {
        int bad = http == -1 ? http : https;
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PortMap(http, https))
                .withMessage("'" + bad + "' is neither 0 (not reachable) nor a port from 1 to 65535");
    }
}
