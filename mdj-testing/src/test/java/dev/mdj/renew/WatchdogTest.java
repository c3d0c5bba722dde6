package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.events.CommandRunner;
import dev.mdj.events.EventNotifier;
import dev.mdj.md.KeySpecs;
import dev.mdj.store.Aspect;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.testing.FakeDriver;
import dev.mdj.testing.ManualScheduler;
import dev.mdj.testing.MemoryStore;
import dev.mdj.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog's schedule, stepped through with a test clock: first certificates, live
 * activation, back-off, failover, activation delay. Runs happen on the test's thread.
 */
class WatchdogTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
    /** Always the middle byte: jitter adds nothing, so schedules are exact. */
    private static final RandomGenerator NO_JITTER = new RandomGenerator() {
        @Override
        public long nextLong() {
            return 0;
        }

        @Override
        public int nextInt(int bound) {
            return 128;
        }
    };

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(T0);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final MemoryStore store = new MemoryStore();
    private final FakeDriver driver = new FakeDriver();
    private final List<String> activated = new ArrayList<>();

    private Watchdog watchdog(String config) throws IOException {
        Path file = Files.writeString(dir.resolve("httpd.conf"), config + """
                <VirtualHost *:443>
                    ServerName example.org
                    ServerAlias www.example.org
                    SSLEngine on
                </VirtualHost>
                Listen 80
                Listen 443
                """);
        Configuration configuration = ConfigReader.read(file, ParseOptions.defaults().withServerRoot(dir));
        Registry registry = new Registry(store, configuration);
        registry.sync();
        return Watchdog.builder().registry(registry).store(store).driver(driver)
                .events(new EventNotifier(Optional.empty(), Optional.empty(),
                        new CommandRunner(dir, CommandRunner.DEFAULT_TIMEOUT), clock))
                .scheduler(scheduler).workers(Runnable::run).clock(clock).random(NO_JITTER)
                .listener(activated::add).build();
    }

    private List<String> logTypes(StoreGroup group) {
        return store.load(group, "example.org", Aspect.JOB_JSON).map(JobJson::parse).orElseThrow()
                .log().stream().map(JobLogEntry::type).toList().reversed();
    }

    @Test
    void aNewManagedDomainGetsItsCertificateAndItGoesLiveWithoutARestart() throws IOException {
        Watchdog watchdog = watchdog("MDomain example.org\n");
        assertThat(MdJson.parse(store.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow())
                .stateDescr()).contains("certificate(rsa) is missing");

        watchdog.start();
        scheduler.runDue();

        assertThat(driver.runs()).hasSize(1);
        assertThat(driver.runs().get(0).md().domains()).containsExactly("example.org", "www.example.org");
        assertThat(store.load(StoreGroup.DOMAINS, "example.org", Aspect.certificateChain(KeySpecs.DEFAULT.specs().get(0))))
                .isPresent();
        assertThat(store.names(StoreGroup.STAGING)).isEmpty();
        assertThat(activated).containsExactly("example.org");
        assertThat(logTypes(StoreGroup.DOMAINS)).containsSubsequence("message-renewing", "starting", "progress",
                "finished", "message-renewed", "message-installed");
        assertThat(MdJson.parse(store.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow())
                .state()).isEqualTo(MdState.COMPLETE);
        // the next check is one MDCheckInterval (12 h, no jitter) later, and nothing is due then
        assertThat(scheduler.pending()).containsExactly(T0.plus(Duration.ofHours(12)));
        scheduler.advance(Duration.ofHours(12));
        assertThat(driver.runs()).hasSize(1);
    }

    @Test
    void failuresBackOffDoublingFromMdRetryDelay() throws IOException {
        driver.failWith(new DriveException(StatusCodes.ECONNREFUSED, "Connection refused"),
                new DriveException(StatusCodes.ECONNREFUSED, "Connection refused"),
                new DriveException(StatusCodes.ECONNREFUSED, "Connection refused"));
        Watchdog watchdog = watchdog("MDRetryDelay 2s\nMDomain example.org\n");
        watchdog.start();

        scheduler.runDue();
        assertThat(scheduler.pending()).containsExactly(T0.plusSeconds(2));
        scheduler.advance(Duration.ofSeconds(2));
        assertThat(scheduler.pending()).containsExactly(T0.plusSeconds(2 + 4));
        scheduler.advance(Duration.ofSeconds(4));
        assertThat(scheduler.pending()).containsExactly(T0.plusSeconds(2 + 4 + 8));
        JobJson job = store.load(StoreGroup.STAGING, "example.org", Aspect.JOB_JSON).map(JobJson::parse).orElseThrow();
        assertThat(job.errors()).isEqualTo(3);
        assertThat(job.last().orElseThrow().detail()).contains("Connection refused");

        scheduler.advance(Duration.ofSeconds(8));
        assertThat(driver.runs()).hasSize(4);
        assertThat(activated).containsExactly("example.org");
    }

    @Test
    void nextCheckIsTheScheduledLookForStatusPages() throws IOException {
        driver.failWith(new DriveException(StatusCodes.ECONNREFUSED, "Connection refused"));
        Watchdog watchdog = watchdog("MDRetryDelay 2s\nMDomain example.org\n");
        assertThat(watchdog.nextCheck("example.org")).isEmpty();

        watchdog.start();
        assertThat(watchdog.nextCheck("example.org")).contains(T0);
        scheduler.runDue();

        assertThat(watchdog.nextCheck("example.org")).contains(T0.plusSeconds(2));
        assertThat(watchdog.nextCheck("other.example.org")).isEmpty();
        watchdog.stop();
        assertThat(watchdog.nextCheck("example.org")).isEmpty();
    }

    @Test
    void aProblemWithTheInputWaitsADay() throws IOException {
        driver.failWith(new DriveException(StatusCodes.BADARG, "urn:ietf:params:acme:error:rejectedIdentifier",
                "Order included an identifier for which issuance is forbidden by policy", null, null, null));
        Watchdog watchdog = watchdog("MDomain example.org\n");
        watchdog.start();
        scheduler.runDue();

        assertThat(scheduler.pending()).containsExactly(T0.plus(Duration.ofDays(1)));
        assertThat(logTypes(StoreGroup.STAGING)).endsWith("renewal-error", "message-errored");
    }

    @Test
    void afterMdRetryFailoverErrorsEveryRunMovesToTheNextCa() throws IOException {
        DriveException down = new DriveException(StatusCodes.ECONNREFUSED, "Connection refused");
        driver.failWith(down, down, down, down);
        Watchdog watchdog = watchdog("MDRetryDelay 1s\nMDRetryFailover 2\n"
                + "MDCertificateAuthority https://ca-one.example/dir https://ca-two.example/dir\n"
                + "MDomain example.org\n");
        watchdog.start();
        scheduler.advance(Duration.ofMinutes(10));

        assertThat(driver.runs().stream().map(DriveRun::caIndex).toList())
                .as("errors 0,1 stay on the first CA; from 2 errors on every run rotates")
                .containsExactly(0, 0, 1, 0, 1);
        assertThat(activated).containsExactly("example.org");
    }

    @Test
    void mdActivationDelayPostponesGoingLive() throws IOException {
        Watchdog watchdog = watchdog("MDActivationDelay 1d\nMDomain example.org\n");
        watchdog.start();
        scheduler.runDue();

        assertThat(activated).isEmpty();
        assertThat(store.names(StoreGroup.STAGING)).containsExactly("example.org");
        scheduler.advance(Duration.ofDays(1));
        assertThat(activated).containsExactly("example.org");
        assertThat(store.names(StoreGroup.STAGING)).isEmpty();
    }

    @Test
    void renewalStartsWhenTheRenewWindowOpens() throws IOException {
        Watchdog watchdog = watchdog("MDRenewWindow 30d\nMDCheckInterval 7d\nMDomain example.org\n");
        watchdog.start();
        scheduler.runDue();
        assertThat(driver.runs()).hasSize(1);

        // 90-day certificate, 30-day window: due after 60 days; weekly checks until then
        scheduler.advance(Duration.ofDays(59));
        assertThat(driver.runs()).hasSize(1);
        scheduler.advance(Duration.ofDays(2));
        assertThat(driver.runs()).hasSize(2);
        assertThat(activated).containsExactly("example.org", "example.org");
        assertThat(store.names(StoreGroup.ARCHIVE)).containsExactly("example.org.1", "example.org.2");
    }

    @Test
    void manualModeIsNeverDriven() throws IOException {
        Watchdog watchdog = watchdog("MDRenewMode manual\nMDomain example.org\n");
        watchdog.start();
        scheduler.advance(Duration.ofDays(3));
        assertThat(driver.runs()).isEmpty();
        assertThat(driver.preflights()).as("nothing to check for an MD that is not renewed").isEmpty();
    }

    @Test
    void whatWouldStopARenewalIsCheckedAtStart() throws IOException {
        watchdog("MDomain example.org\n").start();
        assertThat(driver.preflights()).containsExactly("example.org");
        assertThat(driver.runs()).as("before anything is due").isEmpty();
    }

    @Test
    void aRestartAfterErrorsStartsAfresh() throws IOException {
        driver.failWith(new DriveException(StatusCodes.ECONNREFUSED, "Connection refused"));
        watchdog("MDomain example.org\n").start();
        scheduler.runDue();
        store.save(StoreGroup.CHALLENGES, "example.org", Aspect.HTTP01_CHALLENGE, "token.key");

        Watchdog restarted = watchdog("MDomain example.org\n");
        restarted.start();

        assertThat(store.names(StoreGroup.CHALLENGES)).isEmpty();
        scheduler.runDue();
        assertThat(activated).containsExactly("example.org");
    }

    @Test
    void insideMdWarnWindowAnActiveCertificateRaisesExpiringOncePerDay() throws IOException {
        Watchdog watchdog = watchdog("MDWarnWindow 91d\nMDCheckInterval 6h\nMDomain example.org\n");
        watchdog.start();
        scheduler.runDue();
        scheduler.advance(Duration.ofHours(13));

        List<String> types = logTypes(StoreGroup.DOMAINS);
        assertThat(types).containsOnlyOnce("message-expiring");
        assertThat(types.indexOf("message-expiring")).isGreaterThan(types.indexOf("message-installed"));
        scheduler.advance(Duration.ofDays(1));
        assertThat(logTypes(StoreGroup.DOMAINS).stream().filter("message-expiring"::equals)).hasSize(2);
    }

    @Test
    void expiringIsRaisedWhileRenewalsKeepFailing() throws IOException {
        Watchdog watchdog = watchdog("MDomain example.org\n");
        watchdog.start();
        scheduler.runDue();
        assertThat(activated).containsExactly("example.org");
        DriveException down = new DriveException(StatusCodes.ECONNREFUSED, "Connection refused");
        driver.failWith(java.util.Collections.nCopies(200, down).toArray(DriveException[]::new));

        // renewal is due after 60 days (33%) and keeps failing; the warn window (10%) opens at day 81
        scheduler.advance(Duration.ofDays(80));
        assertThat(logTypes(StoreGroup.DOMAINS)).doesNotContain("message-expiring");
        scheduler.advance(Duration.ofDays(2));
        assertThat(logTypes(StoreGroup.DOMAINS)).contains("message-expiring");
        assertThat(driver.runs().size()).isGreaterThan(10);
    }

    @Test
    void aFinishedStagingWhoseCertificateIsGoneIsDroppedAndRenewedNotInstalled() throws IOException {
        Watchdog watchdog = watchdog("MDomain example.org\n");
        store.save(StoreGroup.STAGING, "example.org", Aspect.JOB_JSON,
                JobJson.of("example.org").withFinished(true).withNotifiedRenewed(true).withValidFrom(T0).toJson());
        store.save(StoreGroup.STAGING, "example.org", Aspect.MD_JSON,
                store.load(StoreGroup.DOMAINS, "example.org", Aspect.MD_JSON).orElseThrow());

        watchdog.start();
        scheduler.runDue();

        assertThat(driver.runs()).hasSize(1);
        assertThat(activated).containsExactly("example.org");
        assertThat(logTypes(StoreGroup.DOMAINS).stream().filter("message-installed"::equals)).hasSize(1);
        scheduler.advance(Duration.ofDays(2));
        assertThat(activated).containsExactly("example.org");
    }

    private static AriWindow ariWindow(Duration startAfterT0, Duration length, Instant recheckAfter) {
        Instant start = T0.plus(startAfterT0);
        return new AriWindow(start, start.plus(length), Optional.empty(), Optional.ofNullable(recheckAfter));
    }

    @Test
    void theCasRenewalWindowMovesTheRenewalEarlier() throws IOException {
        Watchdog watchdog = watchdog("MDomain example.org\n");
        watchdog.start();
        scheduler.runDue();
        driver.renewalInfo(ariWindow(Duration.ofDays(10), Duration.ofDays(2), null));

        // the renew window (33% of 90 days) opens at day 60; the CA suggests day 10 (no jitter: its start)
        scheduler.advance(Duration.ofDays(9).plusHours(12));
        assertThat(driver.runs()).hasSize(1);
        assertThat(scheduler.pending()).as("less than a day away: the check is at the CA's time")
                .containsExactly(T0.plus(Duration.ofDays(10)));
        assertThat(watchdog.renewalInfo("example.org").values()).extracting(AriWindow::start)
                .containsExactly(T0.plus(Duration.ofDays(10)));
        assertThat(watchdog.ariRenewAt("example.org")).as("for md-status").contains(T0.plus(Duration.ofDays(10)));
        scheduler.advance(Duration.ofHours(12));
        assertThat(driver.runs()).hasSize(2);
        assertThat(activated).containsExactly("example.org", "example.org");
    }

    @Test
    void theCaIsNotAskedAgainBeforeItsRetryAfter() throws IOException {
        Watchdog watchdog = watchdog("MDomain example.org\n");
        watchdog.start();
        scheduler.runDue();
        driver.renewalInfo(ariWindow(Duration.ofDays(50), Duration.ofDays(2), T0.plus(Duration.ofDays(3))));

        scheduler.advance(Duration.ofDays(2).plusHours(23)); // checks every 12 h: 5 of them
        assertThat(driver.renewalInfoRequests()).as("the first check asks; Retry-After holds the others back")
                .isEqualTo(1);
        scheduler.advance(Duration.ofHours(1));
        assertThat(driver.renewalInfoRequests()).isEqualTo(2);
        assertThat(driver.runs()).hasSize(1);
    }

    @Test
    void withoutRetryAfterEveryCheckAsksAndWithoutAriTheRenewWindowDecides() throws IOException {
        Watchdog watchdog = watchdog("MDomain example.org\n");
        watchdog.start();
        scheduler.runDue();

        scheduler.advance(Duration.ofDays(2));
        assertThat(driver.renewalInfoRequests()).as("one per check, every 12 h").isEqualTo(4);
        assertThat(watchdog.renewalInfo("example.org")).as("the CA has no renewalInfo").isEmpty();
        assertThat(watchdog.ariRenewAt("example.org")).isEmpty();
        scheduler.advance(Duration.ofDays(57).plusHours(23));
        assertThat(driver.runs()).hasSize(1);
        scheduler.advance(Duration.ofHours(13));
        assertThat(driver.runs()).hasSize(2);
    }

    @Test
    void ariErrorsAreIgnoredAndMdRenewViaAriOffAsksNothing() throws IOException {
        driver.renewalInfoFailsWith(new DriveException(StatusCodes.ECONNREFUSED, "Connection refused"));
        Watchdog watchdog = watchdog("MDomain example.org\n");
        watchdog.start();
        scheduler.advance(Duration.ofDays(1));
        assertThat(driver.renewalInfoRequests()).isPositive();
        assertThat(logTypes(StoreGroup.DOMAINS)).doesNotContain("renewal-error", "message-errored");

        FakeDriver other = new FakeDriver();
        other.renewalInfo(ariWindow(Duration.ofHours(1), Duration.ofHours(1), null));
        MemoryStore otherStore = new MemoryStore();
        Path file = Files.writeString(dir.resolve("off.conf"), "MDRenewViaARI off\nMDomain example.org\n"
                + "<VirtualHost *:443>\n ServerName example.org\n SSLEngine on\n</VirtualHost>\nListen 80\nListen 443\n");
        Registry registry = new Registry(otherStore, ConfigReader.read(file, ParseOptions.defaults().withServerRoot(dir)));
        registry.sync();
        Watchdog.builder().registry(registry).store(otherStore).driver(other)
                .events(new EventNotifier(Optional.empty(), Optional.empty(),
                        new CommandRunner(dir, CommandRunner.DEFAULT_TIMEOUT), clock))
                .scheduler(scheduler).workers(Runnable::run).clock(clock).random(NO_JITTER).build().start();
        scheduler.advance(Duration.ofDays(2));
        assertThat(other.runs()).as("the CA's window (in an hour) does not count").hasSize(1);
        assertThat(other.renewalInfoRequests()).isZero();
    }

    @Test
    void aFailedActivationIsAnErrorWithBackOffAndKeepsTheStagedSet() throws IOException {
        store.failMoves(1);
        Watchdog watchdog = watchdog("MDomain example.org\n");
        watchdog.start();
        scheduler.runDue();

        assertThat(activated).isEmpty();
        JobJson job = store.load(StoreGroup.STAGING, "example.org", Aspect.JOB_JSON).map(JobJson::parse).orElseThrow();
        assertThat(job.errors()).isEqualTo(1);
        assertThat(job.last().orElseThrow().status()).isEqualTo(StatusCodes.EGENERAL);
        assertThat(job.last().orElseThrow().detail().orElseThrow()).contains("activating the staged certificates failed",
                "No space left on device", "stay staged");
        assertThat(logTypes(StoreGroup.STAGING)).endsWith("renewal-error", "message-errored");
        assertThat(store.exists(StoreGroup.STAGING, "example.org", Aspect.certificateChain(KeySpecs.DEFAULT.specs().get(0))))
                .isTrue();
        assertThat(scheduler.pending()).as("MDRetryDelay 30 s").containsExactly(T0.plusSeconds(30));

        watchdog.stop();
        watchdog("MDomain example.org\n").start(); // a restart keeps the finished set
        scheduler.runDue();
        assertThat(activated).as("not before the back-off is over").isEmpty();
        scheduler.advance(Duration.ofSeconds(30));
        assertThat(activated).containsExactly("example.org");
        assertThat(driver.runs()).as("activated, not renewed again").hasSize(1);
        assertThat(store.names(StoreGroup.STAGING)).isEmpty();
        assertThat(logTypes(StoreGroup.DOMAINS).stream().filter("message-renewed"::equals)).hasSize(1);
    }
}
