package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryBackoffTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    private static final Duration DEFAULT_RETRY = Duration.ofSeconds(30);

    @ParameterizedTest(name = "error {0}: {1}s without jitter")
    @CsvSource({"1, 2", "2, 4", "3, 8", "4, 16", "5, 32"})
    void doublesWithEveryErrorInARow(int errors, long seconds) {
        assertThat(RetryBackoff.delay(errors, Optional.empty(), TWO_SECONDS, FixedByte.MIDDLE))
                .isEqualTo(Duration.ofSeconds(seconds));
    }

    /** mod_md with MDRetryDelay 2s logged "next run in" 1, 3, 7, 18 s, and 1, 4, 10, 22 s. */
    @ParameterizedTest(name = "error {0}: {1}s to {2}s, observed {3}s and {4}s")
    @CsvSource({"1, 1, 2, 1, 1", "2, 2, 5, 3, 4", "3, 4, 11, 7, 10", "4, 8, 23, 18, 22"})
    void jitterCoversTheObservedSchedule(int errors, long min, long max, long observed, long observedEarlier) {
        assertThat(RetryBackoff.delay(errors, Optional.empty(), TWO_SECONDS, FixedByte.LOWEST))
                .isEqualTo(Duration.ofSeconds(min));
        assertThat(RetryBackoff.delay(errors, Optional.empty(), TWO_SECONDS, FixedByte.HIGHEST))
                .isEqualTo(Duration.ofSeconds(max));
        assertThat(observed).isBetween(min, max);
        assertThat(observedEarlier).isBetween(min, max);
    }

    /** mod_md's compiled-in 30 s: the reference run logged 23 s, then 59 s. */
    @Test
    void defaultRetryDelayMatchesTheObservedFirstAndSecondRetry() {
        assertThat(RetryBackoff.delay(1, Optional.empty(), DEFAULT_RETRY, FixedByte.LOWEST)).hasSeconds(15);
        assertThat(RetryBackoff.delay(1, Optional.empty(), DEFAULT_RETRY, FixedByte.HIGHEST)).hasSeconds(44);
        assertThat(RetryBackoff.delay(2, Optional.empty(), DEFAULT_RETRY, FixedByte.LOWEST)).hasSeconds(30);
        assertThat(RetryBackoff.delay(2, Optional.empty(), DEFAULT_RETRY, FixedByte.HIGHEST)).hasSeconds(89);
        // the observed values are reachable: 30 + 30·(66−128)/256 = 23, 60 + 60·(123−128)/256 = 59
        assertThat(RetryBackoff.delay(1, Optional.empty(), DEFAULT_RETRY, new FixedByte(66))).hasSeconds(23);
        assertThat(RetryBackoff.delay(2, Optional.empty(), DEFAULT_RETRY, new FixedByte(123))).hasSeconds(59);
    }

    @Test
    void isCappedAtOneDayBeforeTheJitter() {
        assertThat(RetryBackoff.delay(13, Optional.empty(), DEFAULT_RETRY, FixedByte.MIDDLE))
                .isEqualTo(Duration.ofDays(1));
        assertThat(RetryBackoff.delay(12, Optional.empty(), DEFAULT_RETRY, FixedByte.MIDDLE))
                .isEqualTo(Duration.ofSeconds(30L << 11));
        assertThat(RetryBackoff.delay(13, Optional.empty(), DEFAULT_RETRY, FixedByte.HIGHEST))
                .isEqualTo(Duration.ofSeconds(86_400 + 86_400 * 127 / 256));
    }

    @ParameterizedTest
    @ValueSource(ints = {64, 100, Integer.MAX_VALUE})
    void neverOverflowsAfterVeryManyErrors(int errors) {
        assertThat(RetryBackoff.delay(errors, Optional.empty(), DEFAULT_RETRY, FixedByte.MIDDLE))
                .isEqualTo(RetryBackoff.MAX_DELAY);
    }

    @Test
    void aRetryDelayLongerThanADayIsCapped() {
        assertThat(RetryBackoff.delay(1, Optional.empty(), Duration.ofDays(3), FixedByte.MIDDLE))
                .isEqualTo(RetryBackoff.MAX_DELAY);
    }

    @Test
    void noErrorsMeansNoDelay() {
        assertThat(RetryBackoff.delay(0, Optional.empty(), DEFAULT_RETRY, FixedByte.HIGHEST)).isZero();
    }

    /** h3: the CA rejected the identifier; mod_md logged "next run in 1 days 5 hours". */
    @Test
    void inputRelatedProblemWaitsADayWithJitter() {
        Optional<String> rejected = Optional.of("urn:ietf:params:acme:error:rejectedIdentifier");

        assertThat(RetryBackoff.delay(1, rejected, DEFAULT_RETRY, FixedByte.MIDDLE)).isEqualTo(Duration.ofDays(1));
        assertThat(RetryBackoff.delay(1, rejected, DEFAULT_RETRY, FixedByte.LOWEST)).isEqualTo(Duration.ofHours(12));
        assertThat(Duration.ofDays(1).plusHours(5)).isBetween(
                RetryBackoff.delay(1, rejected, DEFAULT_RETRY, FixedByte.LOWEST),
                RetryBackoff.delay(1, rejected, DEFAULT_RETRY, FixedByte.HIGHEST));
    }

    @Test
    void problemThatMayPassBacksOffNormally() {
        assertThat(RetryBackoff.delay(1, Optional.of("urn:ietf:params:acme:error:rateLimited"), DEFAULT_RETRY,
                FixedByte.MIDDLE)).isEqualTo(DEFAULT_RETRY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ietf:params:acme:error:agreementRequired", "urn:ietf:params:acme:error:badCSR",
        "urn:ietf:params:acme:error:badSignatureAlgorithm", "urn:ietf:params:acme:error:externalAccountRequired",
        "urn:ietf:params:acme:error:invalidContact", "urn:ietf:params:acme:error:unsupportedContact",
        "urn:ietf:params:acme:error:malformed", "urn:ietf:params:acme:error:rejectedIdentifier",
        "urn:ietf:params:acme:error:unsupportedIdentifier", "urn:ietf:params:acme:error:userActionRequired",
        "urn:ietf:params:acme:error:badRevocationReason", "URN:IETF:PARAMS:ACME:ERROR:MALFORMED",
        "urn:acme:error:badCSR", "acme:error:badCSR", "rejectedIdentifier"})
    void inputRelatedProblems(String type) {
        assertThat(RetryBackoff.isInputRelated(type)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:ietf:params:acme:error:badNonce", "urn:ietf:params:acme:error:rateLimited",
        "urn:ietf:params:acme:error:serverInternal", "urn:ietf:params:acme:error:unauthorized",
        "urn:ietf:params:acme:error:caa", "urn:ietf:params:acme:error:dns",
        "urn:ietf:params:acme:error:connection", "urn:ietf:params:acme:error:tls",
        "urn:ietf:params:acme:error:incorrectResponse", "urn:org:apache:httpd:log:AH10108:",
        "urn:ietf:params:acme:error:malformedX", ""})
    void problemsThatMayPass(String type) {
        assertThat(RetryBackoff.isInputRelated(type)).isFalse();
    }
}
