package dev.mdj.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventNotifierTest {

    private static final String MD = "test1.example.org";
    private static final Instant NOW = Instant.parse("2026-11-23T09:17:18Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path message;
    private Path notify;

    @BeforeEach
    void scripts() throws IOException {
        message = Scripts.write(dir, "message-cmd.sh", Scripts.EVENT_CMD);
        notify = Scripts.write(dir, "notify-cmd.sh", Scripts.EVENT_CMD);
    }

    private EventNotifier notifier(String messageLine, String notifyLine) {
        return new EventNotifier(Optional.ofNullable(messageLine), Optional.ofNullable(notifyLine),
                new CommandRunner(dir, Duration.ofSeconds(20)), CLOCK);
    }

    private EventNotifier both() {
        return notifier(message.toString(), notify.toString());
    }

    private static JobJson jobWith(String type, Duration ago) {
        return JobJson.of(MD).withLogEntry(JobLogEntry.of(NOW.minus(ago), type, null, null));
    }

    @Test
    void aFreshCertificateGivesModMdsSequence() throws IOException {
        EventNotifier events = both();
        JobJson job = JobJson.of(MD);
        for (MdEvent event : new MdEvent[] {MdEvent.RENEWING, MdEvent.challengeSetup("http-01", "www." + MD),
                MdEvent.challengeSetup("http-01", MD), MdEvent.RENEWED, MdEvent.INSTALLED, MdEvent.EXPIRING}) {
            Outcome outcome = events.notify(event, MD, job);
            assertThat(outcome).isInstanceOf(Outcome.Delivered.class);
            job = outcome.job();
        }
        // e-events/events.log of the real mod_md, without time and uid
        assertThat(Scripts.events(dir)).containsExactly(
                "cmd=message-cmd.sh argc=2 [renewing] [test1.example.org]",
                "cmd=message-cmd.sh argc=2 [challenge-setup:http-01:www.test1.example.org] [test1.example.org]",
                "cmd=message-cmd.sh argc=2 [challenge-setup:http-01:test1.example.org] [test1.example.org]",
                "cmd=notify-cmd.sh argc=1 [test1.example.org]",
                "cmd=message-cmd.sh argc=2 [renewed] [test1.example.org]",
                "cmd=message-cmd.sh argc=2 [installed] [test1.example.org]",
                "cmd=message-cmd.sh argc=2 [expiring] [test1.example.org]");
        assertThat(job.log()).extracting(JobLogEntry::type).containsExactly(
                "message-expiring", "message-installed", "message-renewed",
                "message-challenge-setup:http-01:test1.example.org",
                "message-challenge-setup:http-01:www.test1.example.org", "message-renewing");
        assertThat(job.log().getFirst().toJson().toString())
                .isEqualTo("{\"when\":\"Mon, 23 Nov 2026 09:17:18 GMT\",\"type\":\"message-expiring\"}");
    }

    @Test
    void argumentsFromTheConfiguredLineComeFirst() throws IOException {
        EventNotifier events = notifier(message + " \"first arg\" 'x;y' plain", notify + " --to 'ops team'");
        events.notify(MdEvent.RENEWED, MD, JobJson.of(MD));
        assertThat(Scripts.events(dir)).containsExactly(
                "cmd=notify-cmd.sh argc=3 [--to] [ops team] [test1.example.org]",
                "cmd=message-cmd.sh argc=5 [first arg] [x;y] [plain] [renewed] [test1.example.org]");
    }

    @Test
    void theNotifyCommandRunsOnlyForRenewed() throws IOException {
        EventNotifier events = notifier(null, notify.toString());
        events.notify(MdEvent.RENEWING, MD, JobJson.of(MD));
        events.notify(MdEvent.INSTALLED, MD, JobJson.of(MD));
        assertThat(Scripts.events(dir)).isEmpty();
        events.notify(MdEvent.RENEWED, MD, JobJson.of(MD));
        assertThat(Scripts.events(dir)).containsExactly("cmd=notify-cmd.sh argc=1 [test1.example.org]");
    }

    @Test
    void withoutCommandsTheEventIsStillLogged() {
        Outcome outcome = notifier(null, null).notify(MdEvent.RENEWED, MD, JobJson.of(MD));
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.job().log()).containsExactly(JobLogEntry.of(NOW, "message-renewed", null, null));
        assertThat(outcome.logEntry()).contains(outcome.job().log().getFirst());
    }

    @Test
    void aFailingNotifyCommandStopsTheMessageCommand() throws IOException {
        Scripts.exitWith(notify, 2);
        Outcome outcome = both().notify(MdEvent.RENEWED, MD, JobJson.of(MD));
        assertThat(Scripts.events(dir)).containsExactly("cmd=notify-cmd.sh argc=1 [test1.example.org]");
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.vetoed()).isTrue();
        Outcome.Failed failed = (Outcome.Failed) outcome;
        assertThat(failed.problem()).isEqualTo("urn:org:apache:httpd:log:AH10108:");
        assertThat(failed.detail()).isEqualTo("MDNotifyCmd " + notify + " failed with exit code 2.");
        assertThat(failed.command().exitCode()).isEqualTo(2);
        assertThat(outcome.job().log()).containsExactly(JobLogEntry.of(NOW, "notify-error",
                "urn:org:apache:httpd:log:AH10108:", "MDNotifyCmd " + notify + " failed with exit code 2."));
    }

    @Test
    void aFailingMessageCommandIsLoggedWithTheEventAsStatus() throws IOException {
        Scripts.exitWith(message, 1);
        Outcome outcome = notifier(message + " --x", null).notify(MdEvent.RENEWING, MD, JobJson.of(MD));
        assertThat(outcome.vetoed()).isTrue();
        assertThat(((Outcome.Failed) outcome).problem()).isEqualTo("urn:org:apache:httpd:log:AH10109:");
        // mod_md: md_job_log_append(job, "message-error", reason, result->detail)
        assertThat(outcome.job().log()).containsExactly(JobLogEntry.of(NOW, "message-error", "renewing",
                "MDMessageCmd " + message + " --x failed with exit code 1."));
    }

    @Test
    void aFailingHolleredEventIsRecordedButNoVeto() throws IOException {
        Scripts.exitWith(message, 1);
        Outcome outcome = both().notify(MdEvent.ERRORED, MD, JobJson.of(MD));
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.vetoed()).isFalse();
        assertThat(outcome.job().log()).extracting(JobLogEntry::type).containsExactly("message-error");
    }

    @Test
    void aMissingProgramIsAFailureWithItsReason() {
        Outcome outcome = notifier("/x/y arg", null).notify(MdEvent.EXPIRING, MD, JobJson.of(MD));
        assertThat(outcome.vetoed()).isTrue();
        assertThat(outcome.job().log().getFirst().detail())
                .contains("MDMessageCmd /x/y arg failed: cannot run '/x/y': No such file or directory.");
    }

    @Test
    void anEventTooSoonAfterTheLastIsRateLimitedAndCountsAsSuccess() throws IOException {
        JobJson job = jobWith("message-expiring", Duration.ofHours(2));
        Outcome outcome = both().notify(MdEvent.EXPIRING, MD, job);
        assertThat(outcome).isInstanceOf(Outcome.RateLimited.class);
        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.vetoed()).isFalse();
        assertThat(outcome.job()).isSameAs(job);
        assertThat(outcome.logEntry()).isEmpty();
        assertThat(Scripts.events(dir)).isEmpty();
    }

    @Test
    void rateLimitsEndAfterTheirTime() throws IOException {
        EventNotifier events = both();
        assertThat(events.notify(MdEvent.RENEWING, MD, jobWith("message-renewing", Duration.ofHours(2))))
                .isInstanceOf(Outcome.Delivered.class);
        assertThat(events.notify(MdEvent.RENEWING, MD, jobWith("message-renewing", Duration.ofHours(1))))
                .isInstanceOf(Outcome.Delivered.class);
        assertThat(events.notify(MdEvent.RENEWING, MD, jobWith("message-renewing", Duration.ofMinutes(59))))
                .isInstanceOf(Outcome.RateLimited.class);
        assertThat(events.notify(MdEvent.ERRORED, MD, jobWith("message-errored", Duration.ofMinutes(30))))
                .isInstanceOf(Outcome.RateLimited.class);
        assertThat(events.notify(MdEvent.INSTALLED, MD, jobWith("message-installed", Duration.ofHours(23))))
                .isInstanceOf(Outcome.RateLimited.class);
        assertThat(events.notify(MdEvent.RENEWED, MD, jobWith("message-renewed", Duration.ofDays(1))))
                .isInstanceOf(Outcome.Delivered.class);
        assertThat(Scripts.events(dir)).containsExactly(
                "cmd=message-cmd.sh argc=2 [renewing] [test1.example.org]",
                "cmd=message-cmd.sh argc=2 [renewing] [test1.example.org]",
                "cmd=notify-cmd.sh argc=1 [test1.example.org]",
                "cmd=message-cmd.sh argc=2 [renewed] [test1.example.org]");
    }

    @Test
    void rateLimitsReadOnlyTheLatestEntryOfExactlyThatType() {
        EventNotifier events = notifier(null, null);
        // "message-error" is not "message-errored"; an older entry of the type does not count
        JobJson job = jobWith("message-errored", Duration.ofHours(3))
                .withLogEntry(JobLogEntry.of(NOW.minusSeconds(60), "message-error", "errored", "x"));
        assertThat(events.notify(MdEvent.ERRORED, MD, job)).isInstanceOf(Outcome.Delivered.class);
        // an entry in the future (clock went back) limits, as in mod_md
        assertThat(events.notify(MdEvent.ERRORED, MD, jobWith("message-errored", Duration.ofHours(-3))))
                .isInstanceOf(Outcome.RateLimited.class);
    }

    @Test
    void challengeSetupIsNeverRateLimited() {
        MdEvent setup = MdEvent.challengeSetup("http-01", MD);
        JobJson job = jobWith(setup.logType(), Duration.ofSeconds(1));
        Outcome outcome = both().notify(setup, MD, job);
        assertThat(outcome).isInstanceOf(Outcome.Delivered.class);
        assertThat(outcome.job().log()).extracting(JobLogEntry::type)
                .containsExactly(setup.logType(), setup.logType());
    }

    @Test
    void theVetoAdapterRecordsIntoTheRunsJob() throws IOException {
        AtomicReference<JobJson> job = new AtomicReference<>(JobJson.of(MD));
        EventVeto veto = both().vetoFor(job);
        assertThat(veto.raise("challenge-setup:dns-01:wild.example.org", MD)).isTrue();
        Scripts.exitWith(message, 5);
        assertThat(veto.raise("challenge-setup:dns-01:wild.example.org", MD)).isFalse();
        assertThat(job.get().log()).extracting(JobLogEntry::type)
                .containsExactly("message-error", "message-challenge-setup:dns-01:wild.example.org");
        assertThat(Scripts.events(dir)).hasSize(2)
                .allMatch(line -> line.equals("cmd=message-cmd.sh argc=2 [challenge-setup:dns-01:wild.example.org] [" + MD + "]"));
    }

    @Test
    void badCommandLinesAreRejectedUpFront() {
        assertThatThrownBy(() -> notifier("/bin/msg \"open", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unterminated");
        assertThatThrownBy(() -> notifier(null, "\"\""))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("MDNotifyCmd: no program in '\"\"'");
    }
}
