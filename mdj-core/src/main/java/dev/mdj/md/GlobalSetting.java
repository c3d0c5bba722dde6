package dev.mdj.md;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings that apply to the whole server, whatever section they are written in (mod_md's
 * NOT_MD directives and a few that are accepted inside {@code <MDomain>} but act globally).
 * Defaults are mod_md's, with the documented mdj choices (MDServerStatus on, MDRetryDelay 30s).
 */
public final class GlobalSetting {

    /** The store directory; the reader fills in {@code <ServerRoot>/md} when not given. */
    public static final Setting<Path> STORE_DIR =
            Setting.of("store-dir", "MDStoreDir", null, Path::toString);
    public static final Setting<PortMap> PORT_MAP =
            Setting.of("port-map", "MDPortMap", PortMap.DEFAULT, PortMap::format);
    public static final Setting<Boolean> BASE_SERVER =
            Setting.plain("base-server", "MDBaseServer", false);
    public static final Setting<String> NOTIFY_COMMAND =
            Setting.plain("notify-cmd", "MDNotifyCmd", null);
    public static final Setting<String> MESSAGE_COMMAND =
            Setting.plain("message-cmd", "MDMessageCmd", null);
    public static final Setting<Integer> DNS01_VERSION =
            Setting.plain("dns01-version", "MDChallengeDns01Version", 1);
    public static final Setting<Boolean> SERVER_STATUS =
            Setting.plain("server-status", "MDServerStatus", true);
    public static final Setting<Boolean> CERTIFICATE_STATUS =
            Setting.plain("certificate-status", "MDCertificateStatus", true);
    public static final Setting<Boolean> STAPLE_OTHERS =
            Setting.plain("staple-others", "MDStapleOthers", true);
    public static final Setting<RenewWindow> STAPLING_KEEP_RESPONSE = Setting.of(
            "stapling-keep-response", "MDStaplingKeepResponse",
            RenewWindow.ofLength(Duration.ofDays(7)), RenewWindow::format);
    public static final Setting<RenewWindow> STAPLING_RENEW_WINDOW = Setting.of(
            "stapling-renew-window", "MDStaplingRenewWindow", RenewWindow.ofPercent(33),
            RenewWindow::format);
    public static final Setting<CertificateCheck> CERTIFICATE_CHECK = Setting.of(
            "certificate-check", "MDCertificateCheck", CertificateCheck.DEFAULT,
            CertificateCheck::toJson);
    public static final Setting<Duration> ACTIVATION_DELAY =
            Setting.of("activation-delay", "MDActivationDelay", Duration.ZERO, Durations::format);
    public static final Setting<Duration> RETRY_DELAY =
            Setting.of("retry-delay", "MDRetryDelay", Duration.ofSeconds(30), Durations::format);
    public static final Setting<Integer> RETRY_FAILOVER =
            Setting.plain("retry-failover", "MDRetryFailover", 13);
    public static final Setting<StoreLocks> STORE_LOCKS = Setting.of("store-locks",
            "MDStoreLocks", StoreLocks.DEFAULT,
            l -> l.enabled() ? Durations.format(l.waitTime()) : "off");
    public static final Setting<MatchNames> MATCH_NAMES =
            Setting.of("match-names", "MDMatchNames", MatchNames.ALL, MdSetting::lower);
    public static final Setting<Duration> INITIAL_DELAY =
            Setting.of("initial-delay", "MDInitialDelay", Duration.ZERO, Durations::format);
    public static final Setting<Duration> CHECK_INTERVAL =
            Setting.of("check-interval", "MDCheckInterval", Duration.ofHours(12), Durations::format);

    /** Every global setting, in the order the docs and dumps list them. */
    public static final List<Setting<?>> ALL = List.of(STORE_DIR, PORT_MAP, BASE_SERVER,
            NOTIFY_COMMAND, MESSAGE_COMMAND, DNS01_VERSION, SERVER_STATUS, CERTIFICATE_STATUS,
            STAPLE_OTHERS, STAPLING_KEEP_RESPONSE, STAPLING_RENEW_WINDOW, CERTIFICATE_CHECK,
            ACTIVATION_DELAY, RETRY_DELAY, RETRY_FAILOVER, STORE_LOCKS, MATCH_NAMES, INITIAL_DELAY,
            CHECK_INTERVAL);

    private GlobalSetting() {
    }
}
