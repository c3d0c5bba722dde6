package dev.mdj.renew;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * How long a managed domain waits after a failed renewal before the next attempt (mod_md's
 * {@code md_job_delay_on_errors}). The delay doubles with every failure in a row, starting at
 * MDRetryDelay (30 s, 1 min, 2 min, 4 min, ...), up to {@link #MAX_DELAY}; when the CA said that
 * our input is wrong, the next attempt waits the maximum right away. Either way the delay is then
 * moved by up to ±50 % (see {@link Jitter}), in whole seconds as mod_md does: with MDRetryDelay
 * 2s the first retry comes after 1 or 2 s, the fourth after 8 to 23 s.
 */
public final class RetryBackoff {

    /**
     * The longest delay, one day. A failure that repeats for hours is unlikely to go away
     * within minutes, and a daily attempt keeps the load on the CA low; but retrying at least
     * daily lets a domain recover by itself once the CA (or its DNS, or a firewall) is fixed.
     */
    public static final Duration MAX_DELAY = Duration.ofDays(1);

    /**
     * ACME problems that say the request itself is wrong (configuration, contact, CSR, names):
     * retrying soon would only fail again. Matched ignoring case, without the
     * {@code urn:ietf:params:acme:error:} prefix.
     */
    private static final Set<String> INPUT_RELATED = Set.of("agreementrequired", "badcsr",
            "badsignaturealgorithm", "externalaccountrequired", "invalidcontact",
            "unsupportedcontact", "malformed", "rejectedidentifier", "unsupportedidentifier",
            "useractionrequired", "badrevocationreason");

    private static final String[] URN_PREFIXES = {"urn:ietf:params:", "urn:"};
    private static final String ACME_ERROR_PREFIX = "acme:error:";

    private RetryBackoff() {
    }

    /**
     * The delay before the next attempt.
     *
     * @param errors how many runs failed in a row, counting the one that just failed; 0 or less
     *     means no delay
     * @param lastProblem the ACME problem type of the last failure, if the CA sent one
     * @param retryDelay MDRetryDelay, the delay after the first failure
     * @param random the source of the jitter
     */
    public static Duration delay(int errors, Optional<String> lastProblem, Duration retryDelay,
            RandomGenerator random) {
        Objects.requireNonNull(lastProblem, "lastProblem");
        Objects.requireNonNull(retryDelay, "retryDelay");
        Objects.requireNonNull(random, "random");
        Duration delay;
        if (lastProblem.filter(RetryBackoff::isInputRelated).isPresent()) {
            delay = MAX_DELAY;
        } else if (errors > 0) {
            delay = doubled(retryDelay, errors - 1);
        } else {
            return Duration.ZERO;
        }
        if (!delay.isPositive()) {
            return Duration.ZERO;
        }
        return delay.plus(Jitter.shareInSeconds(delay, Jitter.offset(random)));
    }

    /**
     * Whether an ACME problem type means that our input is wrong, so retrying daily is enough.
     * Accepts the full URN ({@code urn:ietf:params:acme:error:badCSR}), the old
     * {@code urn:acme:error:} form and the bare name, in any case. Rate limits, bad nonces,
     * server errors and failed validations (dns, connection, unauthorized, ...) are not
     * input-related: they may pass.
     */
    public static boolean isInputRelated(String problemType) {
        Objects.requireNonNull(problemType, "problemType");
        String type = problemType.toLowerCase(Locale.ROOT);
        for (String prefix : URN_PREFIXES) {
            if (type.startsWith(prefix)) {
                type = type.substring(prefix.length());
                break;
            }
        }
        if (type.startsWith(ACME_ERROR_PREFIX)) {
            type = type.substring(ACME_ERROR_PREFIX.length());
        }
        return INPUT_RELATED.contains(type);
    }

    /**
     * {@code delay·2^doublings}, at most {@link #MAX_DELAY}. Unlike mod_md's shift, this cannot
     * overflow into a negative delay after some 40 failures in a row.
     */
    private static Duration doubled(Duration delay, int doublings) {
        Duration result = delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
        for (int i = 0; i < doublings && result.compareTo(MAX_DELAY) < 0; i++) {
            result = result.multipliedBy(2);
        }
        return result.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : result;
    }
}
