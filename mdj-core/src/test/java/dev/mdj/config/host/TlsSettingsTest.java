package dev.mdj.config.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TlsSettingsTest {

    private static List<String> versions(String... words) {
        return new TlsSettings(true, List.of(), List.of(), Optional.empty(), List.of(words), Optional.empty(),
                Optional.empty()).tlsVersions();
    }

    @Test
    void sslProtocolIsReadInOrderAsModSslDoes() {
        assertThat(versions()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(versions("all", "-SSLv3", "-TLSv1", "-TLSv1.1")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(versions("-all", "+TLSv1.3")).containsExactly("TLSv1.3");
        assertThat(versions("TLSv1.2")).containsExactly("TLSv1.2");
        assertThat(versions("TLSv1.2", "+tlsv1.3")).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(versions("all", "-TLSv1.3")).containsExactly("TLSv1.2");
        assertThat(versions("TLSv1.1")).isEmpty();
    }
}
