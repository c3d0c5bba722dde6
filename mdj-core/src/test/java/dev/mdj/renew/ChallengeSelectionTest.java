package dev.mdj.renew;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.Settings;
import dev.mdj.renew.DriveRun.Reachability;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChallengeSelectionTest {

    private static final ManagedDomain PLAIN = Mds.md("test1.example.org", "www.test1.example.org");
    private static final ManagedDomain WITH_DNS = Mds.md(
            Settings.empty().with(MdSetting.DNS01_COMMAND, "/usr/local/bin/dns-hook"), "test1.example.org");
    private static final List<String> ACME_TLS = List.of("test1.example.org");
    private static final Reachability EVERYTHING = new Reachability(true, true, ACME_TLS);
    private static final Reachability NOTHING = new Reachability(false, false, List.of());

    /** h1, captured verbatim from mod_md's job.json. */
    private static final String H1 = "None of the ACME challenge methods configured for this domain are suitable."
            + " The http: challenge 'http-01' is disabled because the server seems not reachable on public port 80."
            + " The https: challenge 'tls-alpn-01' is disabled because the Protocols configuration does not"
            + " include the 'acme-tls/1' protocol. The DNS challenge 'dns-01' is disabled because the directive"
            + " 'MDChallengeDns01' is not configured.";

    @Test
    void prefersTlsAlpnThenHttpThenDns() throws DriveException {
        assertThat(ChallengeSelection.candidates(WITH_DNS, EVERYTHING)).containsExactly("tls-alpn-01", "http-01", "dns-01");
        assertThat(ChallengeSelection.candidates(PLAIN, EVERYTHING)).containsExactly("tls-alpn-01", "http-01");
    }

    @Test
    void httpNeedsPort80() throws DriveException {
        assertThat(ChallengeSelection.candidates(PLAIN, new Reachability(false, true, ACME_TLS)))
                .containsExactly("tls-alpn-01");
    }

    @Test
    void tlsAlpnNeedsPort443AndAcmeTlsNames() throws DriveException {
        assertThat(ChallengeSelection.candidates(PLAIN, new Reachability(true, false, ACME_TLS)))
                .containsExactly("http-01");
        assertThat(ChallengeSelection.candidates(PLAIN, new Reachability(true, true, List.of())))
                .containsExactly("http-01");
    }

    @Test
    void dnsAloneWhenNothingIsReachable() throws DriveException {
        assertThat(ChallengeSelection.candidates(WITH_DNS, NOTHING)).containsExactly("dns-01");
    }

    @Test
    void configuredChallengesAreUsedVerbatim() throws DriveException {
        ManagedDomain md = Mds.md(Settings.empty().with(MdSetting.CA_CHALLENGES, List.of("dns-01", "http-01")),
                "test1.example.org");

        assertThat(ChallengeSelection.candidates(md, NOTHING)).containsExactly("dns-01", "http-01");
        assertThat(ChallengeSelection.explain(md, NOTHING))
                .isEqualTo("dns-01 http-01 (as configured by MDCAChallenges, in this order)");
    }

    @Test
    void noneSuitableWithMissingAcmeTlsIsH1sText() {
        assertThatExceptionOfType(DriveException.class)
                .isThrownBy(() -> ChallengeSelection.candidates(PLAIN, new Reachability(false, true, List.of())))
                .withMessage(H1)
                .satisfies(e -> assertThat(e.status()).isEqualTo(20014))
                .satisfies(e -> assertThat(e.problem()).isEmpty());
    }

    @Test
    void noneSuitableWithoutPort443NamesThePort() {
        assertThatExceptionOfType(DriveException.class)
                .isThrownBy(() -> ChallengeSelection.candidates(PLAIN, NOTHING))
                .withMessage("None of the ACME challenge methods configured for this domain are suitable."
                        + " The http: challenge 'http-01' is disabled because the server seems not reachable on"
                        + " public port 80. The https: challenge 'tls-alpn-01' is disabled because the server seems"
                        + " not reachable on public port 443. The DNS challenge 'dns-01' is disabled because the"
                        + " directive 'MDChallengeDns01' is not configured.");
    }

    @Test
    void explainsTheChoiceAndWhatIsDisabled() {
        assertThat(ChallengeSelection.explain(PLAIN, new Reachability(true, true, List.of())))
                .isEqualTo("http-01 (in this order). The https: challenge 'tls-alpn-01' is disabled because the"
                        + " Protocols configuration does not include the 'acme-tls/1' protocol. The DNS challenge"
                        + " 'dns-01' is disabled because the directive 'MDChallengeDns01' is not configured.");
        assertThat(ChallengeSelection.explain(WITH_DNS, EVERYTHING)).isEqualTo("tls-alpn-01 http-01 dns-01 (in this order).");
        assertThat(ChallengeSelection.explain(PLAIN, new Reachability(false, true, List.of()))).isEqualTo(H1);
    }
}
