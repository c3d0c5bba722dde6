package dev.mdj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mdj plan: what would happen, without a CA and without creating a store. */
class PlanCommandTest {

    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();

    @Test
    void explainsStateRenewalAndChallengeWithoutTouchingTheStore() throws IOException {
        Path conf = Files.writeString(dir.resolve("mdj.conf"), """
                Listen 80
                MDPortMap http:80 https:-
                MDomain example.org www.example.org
                <MDomain manual.example.org>
                    MDRenewMode manual
                </MDomain>
                <VirtualHost *:443>
                    ServerName example.org
                    SSLEngine on
                </VirtualHost>
                <VirtualHost *:443>
                    ServerName manual.example.org
                    SSLEngine on
                </VirtualHost>
                """);

        assertThat(run.mdj("plan", "-f", conf.toString())).isZero();

        assertThat(run.out()).contains("""
                example.org (example.org, www.example.org)
                  state:     incomplete: certificate(rsa) is missing
                  renewal:   now: certificate(rsa) is missing
                  challenge: http-01 (in this order). The https: challenge 'tls-alpn-01' is disabled\
                 because the server seems not reachable on public port 443.""")
                .contains("manual.example.org (manual.example.org)\n  state:     incomplete: certificate(rsa) is missing\n"
                        + "  renewal:   never: MDRenewMode manual");
        assertThat(dir.resolve("md")).doesNotExist();
    }

    @Test
    void noUsableChallengeIsExplainedAsModMdDoes() throws IOException {
        Path conf = Files.writeString(dir.resolve("mdj.conf"), "MDPortMap http:- https:-\nMDomain example.org\n");

        assertThat(run.mdj("plan", "--json", "-f", conf.toString())).isZero();

        assertThat(run.out()).contains("None of the ACME challenge methods configured for this domain"
                + " are suitable.").contains("\"renewal\" : \"never: ");
    }
}
