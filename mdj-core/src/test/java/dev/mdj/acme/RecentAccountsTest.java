package dev.mdj.acme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.pem.KeyPairs;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecentAccountsTest {

    private static final String ACCOUNT = "https://ca.example/acct/1";
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final KeyPair KEY = KeyPairs.generate(new KeySpec.Ec("P-256"));
    private final RecentAccounts accounts = new RecentAccounts(Duration.ofMinutes(1));

    @Test
    void aConfirmationIsFreshForTheGivenTimeThenAskedAgain() {
        assertThat(accounts.fresh(ACCOUNT, T0)).isEmpty();
        accounts.confirmed(ACCOUNT, KEY, T0);
        assertThat(accounts.fresh(ACCOUNT, T0)).containsSame(KEY);
        assertThat(accounts.fresh(ACCOUNT, T0.plusSeconds(60))).containsSame(KEY);
        assertThat(accounts.fresh(ACCOUNT, T0.plusSeconds(61))).isEmpty();
        assertThat(accounts.fresh(ACCOUNT, T0.plusSeconds(1))).as("expired ones are forgotten").isEmpty();
    }

    @Test
    void onlyTheConfirmedAccountAndNotWhenTheClockWentBack() {
        accounts.confirmed(ACCOUNT, KEY, T0);
        assertThat(accounts.fresh("https://ca.example/acct/2", T0)).isEmpty();
        assertThat(accounts.fresh(ACCOUNT, T0.minusSeconds(1))).isEmpty();
    }

    @Test
    void aNewConfirmationStartsTheTimeAgain() {
        accounts.confirmed(ACCOUNT, KEY, T0);
        accounts.confirmed(ACCOUNT, KEY, T0.plusSeconds(50));
        assertThat(accounts.fresh(ACCOUNT, T0.plusSeconds(100))).containsSame(KEY);
    }
}
