package dev.mdj.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MdEventTest {

    @Test
    void kindsAndRateLimitsAreModMds() {
        assertThat(MdEvent.RENEWING.raised()).isTrue();
        assertThat(MdEvent.RENEWED.raised()).isTrue();
        assertThat(MdEvent.EXPIRING.raised()).isTrue();
        assertThat(MdEvent.ERRORED.raised()).isFalse();
        assertThat(MdEvent.INSTALLED.raised()).isFalse();
        assertThat(MdEvent.OCSP_RENEWED.kind()).isEqualTo(MdEvent.Kind.HOLLERED);
        assertThat(MdEvent.OCSP_ERRORED.kind()).isEqualTo(MdEvent.Kind.HOLLERED);
        assertThat(MdEvent.RENEWING.rateLimit()).isEqualTo(Duration.ofHours(1));
        assertThat(MdEvent.RENEWED.rateLimit()).isEqualTo(Duration.ofDays(1));
        assertThat(MdEvent.INSTALLED.rateLimit()).isEqualTo(Duration.ofDays(1));
        assertThat(MdEvent.EXPIRING.rateLimit()).isEqualTo(Duration.ofDays(1));
        assertThat(MdEvent.ERRORED.rateLimit()).isEqualTo(Duration.ofHours(1));
        assertThat(MdEvent.OCSP_RENEWED.rateLimit()).isEqualTo(Duration.ofDays(1));
        assertThat(MdEvent.OCSP_ERRORED.rateLimit()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void challengeSetupIsRaisedAndUnlimited() {
        MdEvent event = MdEvent.challengeSetup("http-01", "www.test1.example.org");
        assertThat(event.name()).isEqualTo("challenge-setup:http-01:www.test1.example.org");
        assertThat(event.logType()).isEqualTo("message-challenge-setup:http-01:www.test1.example.org");
        assertThat(event.raised()).isTrue();
        assertThat(event.rateLimit()).isZero();
    }

    @Test
    void readsNames() {
        assertThat(MdEvent.of("renewed")).isSameAs(MdEvent.RENEWED);
        assertThat(MdEvent.of("ocsp-errored")).isSameAs(MdEvent.OCSP_ERRORED);
        assertThat(MdEvent.of("challenge-setup:dns-01:wild.example.org"))
                .isEqualTo(MdEvent.challengeSetup("dns-01", "wild.example.org"));
        assertThat(MdEvent.RENEWED.logType()).isEqualTo("message-renewed");
    }

    @Test
    void rejectsUnknownNames() {
        assertThatThrownBy(() -> MdEvent.of("renew")).hasMessage("unknown event 'renew'");
        assertThatThrownBy(() -> MdEvent.of("challenge-setup:http-01")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MdEvent.challengeSetup("http-01", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MdEvent.challengeSetup("a b", "x.org")).isInstanceOf(IllegalArgumentException.class);
    }
}
