package dev.mdj.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mdj.testing.Processes;
import dev.mdj.testing.TestPki;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server-status page of 20 managed domains in mixed states, opened in headless Chromium
 * at 1280 px: the screenshot ({@code target/server-status.png}, the picture in docs/) must be
 * 1280 px wide and not blank. Skipped without the {@code chromium} command.
 */
class ServerStatusScreenshotTest {

    static final Path SCREENSHOT = Path.of("target", "server-status.png");

    @TempDir
    Path dir;

    @Test
    void pageRendersInChromiumAt1280Pixels() throws IOException {
        Path chromium = Processes.findExecutable("chromium");
        assumeTrue(chromium != null, "chromium is not installed");
        StatusStore store = new StatusStore(dir.resolve("md"), dir.resolve("pki"));
        List<String> valid = List.of("example.org", "shop.example.org", "api.example.net", "mail.example.com",
                "intranet.example.de", "blog.example.org", "cdn.example.net");
        for (String name : valid) {
            store.live(List.of(name, "www." + name), 90);
        }
        store.live(List.of("soon.example.org"), 9);
        store.live(List.of("later.example.com"), 12);
        store.live(List.of("due.example.net", "www.due.example.net"), 10);
        store.live(List.of("renewed.example.org"), 90);
        store.live(List.of("grace.example.com"), 90);
        TestPki.Leaf file1 = store.file(List.of("static.example.org"), 60);
        TestPki.Leaf file2 = store.file(List.of("legacy.example.net"), 200);
        StringBuilder config = new StringBuilder();
        valid.forEach(name -> config.append("MDomain ").append(name).append(" www.").append(name).append('\n'));
        config.append("""
                <MDomain soon.example.org>
                  MDWarnWindow 20d
                </MDomain>
                <MDomain later.example.com>
                  MDWarnWindow 20d
                  MDStapling on
                </MDomain>
                <MDomain due.example.net www.due.example.net>
                  MDRenewWindow 20d
                </MDomain>
                MDomain renewed.example.org
                MDomain grace.example.com
                MDomain first.example.org
                MDomain refused.example.com
                MDomain unreachable.example.org www.unreachable.example.org
                MDomain nodns.example.net
                MDomain new.example.org
                MDomain pending.example.com
                """);
        config.append("<MDomain static.example.org>\n  MDCertificateFile ").append(file1.certificateFile())
                .append("\n  MDCertificateKeyFile ").append(file1.keyFile()).append("\n</MDomain>\n");
        config.append("<MDomain legacy.example.net>\n  MDCertificateFile ").append(file2.certificateFile())
                .append("\n  MDCertificateKeyFile ").append(file2.keyFile()).append("\n</MDomain>\n");
        int http = TestServers.freePort();
        try (MdjServer server = TestServers.start(TestServers.config(dir, TestServers.NOT_RENEWING + """
                Listen 127.0.0.1:%1$d
                MDStoreDir %2$s
                MDCertificateAuthority https://acme-v02.api.letsencrypt.org/directory
                %3$s
                <Location /server-status>
                  SetHandler server-status
                </Location>
                <VirtualHost *:%1$d>
                  ServerName status.example.org
                </VirtualHost>
                """.formatted(http, dir.resolve("md"), config)))) {
            // staged and failed renewals after the start: starting activates and clears staging, as mod_md does
            store.staged(List.of("renewed.example.org"));
            store.staged(List.of("grace.example.com"));
            store.staged(List.of("first.example.org"));
            Instant now = Instant.now();
            store.failing("refused.example.com", 1, 70013, "urn:ietf:params:acme:error:rejectedIdentifier",
                    "Order included an identifier for which issuance is forbidden by policy: \"refused.example.com\"",
                    now.plus(Duration.ofHours(23)));
            store.failing("unreachable.example.org", 4, 22, null, "Error waiting on domain names to be validated",
                    now.plus(Duration.ofMinutes(16)));
            store.failing("nodns.example.net", 2, 20014, null, "None of the ACME challenge methods configured for"
                    + " this domain are suitable.", now.plus(Duration.ofMinutes(3)));

            // What Chromium is about to show is the page itself, not an error page.
            String page = RawHttp.exchange(http, "GET /server-status HTTP/1.1\r\nHost: localhost\r\n"
                    + "Connection: close\r\n\r\n");
            assertThat(RawHttp.statusLine(page)).isEqualTo("HTTP/1.1 200 OK");
            assertThat(RawHttp.body(page)).contains("Managed Certificates", "soon.example.org", "nodns.example.net");
            Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
            Files.deleteIfExists(SCREENSHOT);
            List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                    "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    "--user-data-dir=" + dir.resolve("chromium"), "--window-size=1280,2000",
                    "--screenshot=" + SCREENSHOT.toAbsolutePath(), "http://127.0.0.1:" + http + "/server-status"));
            Processes.run(command, Map.of(), null, Duration.ofSeconds(90)).orThrow();
        }
        BufferedImage image = ImageIO.read(SCREENSHOT.toFile());
        assertThat(image).as("a PNG at " + SCREENSHOT).isNotNull();
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(colours(image)).as("colours in the screenshot").isGreaterThan(50);
    }

    /** How many different colours the image has (a blank or error page has a handful). */
    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
