package dev.mdj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The mdj command line as a user runs it: exit codes, what goes to stdout and stderr. */
class MdjCommandTest {

    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();

    private Path config(String text) throws IOException {
        return Files.writeString(dir.resolve("httpd.conf"), text);
    }

    @Test
    void configtestOnAGoodConfigurationSaysSyntaxOk() throws IOException {
        Path file = config("""
                MDCertificateAgreement accepted
                MDomain example.org www.example.org
                <VirtualHost *:443>
                    ServerName example.org
                    SSLEngine on
                </VirtualHost>
                """);

        assertThat(run.mdj("configtest", "-f", file.toString())).isZero();
        assertThat(run.out()).isEqualTo("Syntax OK" + System.lineSeparator());
        assertThat(run.err()).isEmpty();
    }

    @Test
    void httpdStyleDashTWorksLikeConfigtest() throws IOException {
        Path file = config("MDomain example.org\n");

        assertThat(run.mdj("-t", "-f", file.toString())).isZero();
        assertThat(run.out()).contains("Syntax OK");
        assertThat(run.err()).contains("httpd.conf:1: warning: No VirtualHost matches Managed Domain example.org");
    }

    @Test
    void everyErrorIsReportedAsFileLineMessageWithExitOne() throws IOException {
        Path file = config("""
                MDRenewWindow 1y
                MDomain example.org
                MDRetryDelay 0
                Frobnicate on
                """);

        assertThat(run.mdj("configtest", "-f", file.toString())).isEqualTo(1);
        String nl = System.lineSeparator();
        assertThat(run.err()).isEqualTo(
                file + ":1: MDRenewWindow: '1y' has unrecognized format" + nl
                + file + ":3: MDRetryDelay: invalid argument, must be a duration > 0" + nl
                + file + ":4: Invalid command 'Frobnicate', perhaps misspelled or defined by a"
                + " module not included in the server configuration" + nl
                + "3 errors" + nl);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aStructuralErrorNamesTheLineWhereTheSectionOpened() throws IOException {
        Path file = config("MDomain a.example\n\n<VirtualHost *:443>\n  ServerName a.example\n");

        assertThat(run.mdj("-t", "-f", file.toString())).isEqualTo(1);
        assertThat(run.err()).startsWith(file + ":3: <VirtualHost> was not closed.");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingConfigurationFileIsOneClearLine() {
        Path missing = dir.resolve("nope.conf");

        assertThat(run.mdj("-t", "-f", missing.toString())).isEqualTo(1);
        assertThat(run.err()).isEqualTo("mdj: cannot read configuration file " + missing
                + ": no such file" + System.lineSeparator());
    }

    @Test
    void dumpPrintsTheEffectiveSettingsAsJsonWithoutSecrets() throws IOException {
        Path file = config("""
                MDContactEmail admin@example.org
                MDExternalAccountBinding kid-1 c2VjcmV0LWhtYWMta2V5LXZhbHVl
                <MDomain example.org www.example.org>
                    MDRenewWindow 21d
                </MDomain>
                """);

        assertThat(run.mdj("configtest", "--dump", "-f", file.toString())).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(run.out());
        JsonNode md = json.get("managed-domains").get(0);
        assertThat(md.get("name").asString()).isEqualTo("example.org");
        assertThat(md.get("settings").get("renew-window").asString()).isEqualTo("21d");
        assertThat(md.get("settings").get("contacts").asString()).isEqualTo("mailto:admin@example.org");
        assertThat(md.get("settings").get("eab").get("kid").asString()).isEqualTo("kid-1");
        assertThat(json.get("global").get("retry-delay").asString()).isEqualTo("30s");
        assertThat(run.out()).doesNotContain("c2VjcmV0LWhtYWMta2V5LXZhbHVl");
    }

    @Test
    void definesAndServerRootComeFromTheCommandLine() throws IOException {
        Path root = Files.createDirectory(dir.resolve("root"));
        Files.writeString(root.resolve("md.conf"), "MDomain ${SITE}\n");
        Path file = config("""
                <IfDefine WITH_MD>
                    Include md.conf
                </IfDefine>
                """);

        assertThat(run.mdj("configtest", "--dump", "-d", root.toString(), "-D", "WITH_MD",
                "-D", "SITE=example.net", "-f", file.toString())).isZero();
        assertThat(run.out()).contains("\"name\" : \"example.net\"");
    }

    @Test
    void aWrongOptionIsAUsageError() {
        assertThat(run.mdj("configtest", "--no-such-option")).isEqualTo(2);
        assertThat(run.err()).contains("mdj: Unknown option: '--no-such-option'")
                .contains("Try 'mdj --help'");
    }

    @Test
    void withoutACommandItShowsUsage() {
        assertThat(run.mdj()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: mdj");
    }
}
