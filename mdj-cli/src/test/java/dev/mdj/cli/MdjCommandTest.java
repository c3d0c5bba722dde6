package dev.mdj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
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
    private final StringWriter out = run.out;
    private final StringWriter err = run.err;

    private int mdj(String... args) {
        return run.mdj(args);
    }

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

        assertThat(mdj("configtest", "-f", file.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Syntax OK" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void httpdStyleDashTWorksLikeConfigtest() throws IOException {
        Path file = config("MDomain example.org\n");

        assertThat(mdj("-t", "-f", file.toString())).isZero();
        assertThat(out.toString()).contains("Syntax OK");
        assertThat(err.toString()).contains("httpd.conf:1: warning: No VirtualHost matches Managed Domain example.org");
    }

    @Test
    void everyErrorIsReportedAsFileLineMessageWithExitOne() throws IOException {
        Path file = config("""
                MDRenewWindow 1y
                MDomain example.org
                MDRetryDelay 0
                Frobnicate on
                """);

        assertThat(mdj("configtest", "-f", file.toString())).isEqualTo(1);
        String nl = System.lineSeparator();
        assertThat(err.toString()).isEqualTo(
                file + ":1: MDRenewWindow: '1y' has unrecognized format" + nl
                + file + ":3: MDRetryDelay: invalid argument, must be a duration > 0" + nl
                + file + ":4: Invalid command 'Frobnicate', perhaps misspelled or defined by a"
                + " module not included in the server configuration" + nl
                + "3 errors" + nl);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aStructuralErrorNamesTheLineWhereTheSectionOpened() throws IOException {
        Path file = config("MDomain a.example\n\n<VirtualHost *:443>\n  ServerName a.example\n");

        assertThat(mdj("-t", "-f", file.toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith(file + ":3: <VirtualHost> was not closed.");
        assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aMissingConfigurationFileIsOneClearLine() {
        Path missing = dir.resolve("nope.conf");

        assertThat(mdj("-t", "-f", missing.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("mdj: cannot read configuration file " + missing
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

        assertThat(mdj("configtest", "--dump", "-f", file.toString())).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(out.toString());
        JsonNode md = json.get("managed-domains").get(0);
        assertThat(md.get("name").asString()).isEqualTo("example.org");
        assertThat(md.get("settings").get("renew-window").asString()).isEqualTo("21d");
        assertThat(md.get("settings").get("contacts").asString()).isEqualTo("mailto:admin@example.org");
        assertThat(md.get("settings").get("eab").get("kid").asString()).isEqualTo("kid-1");
        assertThat(json.get("global").get("retry-delay").asString()).isEqualTo("30s");
        assertThat(out.toString()).doesNotContain("c2VjcmV0LWhtYWMta2V5LXZhbHVl");
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

        assertThat(mdj("configtest", "--dump", "-d", root.toString(), "-D", "WITH_MD",
                "-D", "SITE=example.net", "-f", file.toString())).isZero();
        assertThat(out.toString()).contains("\"name\" : \"example.net\"");
    }

    @Test
    void aWrongOptionIsAUsageError() {
        assertThat(mdj("configtest", "--no-such-option")).isEqualTo(2);
        assertThat(err.toString()).contains("mdj: Unknown option: '--no-such-option'")
                .contains("Try 'mdj --help'");
    }

    @Test
    void withoutACommandItShowsUsage() {
        assertThat(mdj()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: mdj");
    }
}
