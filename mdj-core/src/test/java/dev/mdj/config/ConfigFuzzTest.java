package dev.mdj.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deterministic fuzzing of the configuration reader: realistic seed configurations are mutated
 * (lines deleted, duplicated, swapped, inserted; arguments replaced by odd tokens; brackets
 * dropped and added; bytes flipped, NUL and invalid UTF-8 included; files truncated) and each
 * result must either be accepted or be refused with a {@link ConfigException} whose every error
 * names a file of the configuration, a line inside it and a one-line message (warnings of an
 * accepted configuration likewise). Anything else thrown is a bug; the failure shows the case
 * number and the mutated text, so it can be replayed.
 */
class ConfigFuzzTest {

    /** Fixed, so every run tries the same cases; {@code -Dmdj.fuzz.seed=N} explores others. */
    private static final long SEED = Long.getLong("mdj.fuzz.seed", 0x6d646a2d66757a7aL); // "mdj-fuzz"
    private static final int CASES = Integer.getInteger("mdj.fuzz.cases", 12_000);
    private static final String MAIN = "httpd.conf";
    private static final String EXTRA = "conf.d/extra.conf";

    /** Each seed: the main file and the file it includes (conf.d/extra.conf). */
    private static final String[][] SEEDS = {
        {"""
            # a single managed domain, mod_md's simplest form
            ServerName www.example.org
            Listen 80
            Listen 443
            MDomain example.org www.example.org
            MDCertificateAgreement accepted
            MDContactEmail admin@example.org
            MDRenewWindow 33%
            MDPrivateKeys secp256r1 RSA 3072
            <VirtualHost *:443>
                ServerName example.org
                ServerAlias www.example.org
                SSLEngine on
                Protocols h2 http/1.1 acme-tls/1
            </VirtualHost>
            Include conf.d/*.conf
            """, """
            # status pages
            <VirtualHost *:80>
                ServerName status.example.org
                <Location "/md-status">
                    SetHandler md-status
                    Require ip 127.0.0.1 ::1
                </Location>
            </VirtualHost>
            """},
        {"""
            Define DOMAIN example.com
            Define MAIL admin@example.com
            Listen 443
            MDCertificateAuthority LetsEncrypt
            MDContactEmail ${MAIL}
            <MDomain ${DOMAIN} www.${DOMAIN}>
                MDRenewMode always
                MDMustStaple off
                MDRequireHttps permanent
                MDPrivateKeys RSA 2048
            </MDomain>
            <IfModule mod_rewrite.c>
                RewriteEngine on
                RewriteRule ^/old(.*) /new$1 [R=301,L]
            </IfModule>
            <IfModule md_module>
                MDStoreDir md
                MDRetryDelay 5s
                MDCheckInterval 12h
            </IfModule>
            IncludeOptional conf.d/*.conf
            """, """
            <VirtualHost *:443>
                ServerName ${DOMAIN}
                ServerAlias www.${DOMAIN}
                SSLEngine on
                Header always set Strict-Transport-Security "max-age=63072000"
                ProxyPass "/app" "http://127.0.0.1:8080/app"
                ProxyPassReverse "/app" "http://127.0.0.1:8080/app"
                Redirect permanent /old https://www.example.com/new
            </VirtualHost>
            """},
        {"""
            LoadModule md_module modules/mod_md.so
            LoadModule ssl_module modules/mod_ssl.so
            Listen 80
            Listen 443 https
            Timeout 60
            KeepAlive On
            LogLevel warn md:debug
            MDPortMap http:80 https:443
            MDMatchNames servernames
            <MDomain static.example.net>
                MDCertificateFile files/cert.pem
                MDCertificateKeyFile files/key.pem
            </MDomain>
            MDomain example.net auto
            <IfDefine !NO_STATUS>
                <VirtualHost *:80>
                    ServerName example.net
                    MDRequireHttps temporary
                    <Location "/server-status">
                        SetHandler server-status
                        Require local
                    </Location>
                </VirtualHost>
            </IfDefine>
            Include conf.d/extra.conf
            """, """
            <VirtualHost *:443>
                ServerName static.example.net
                SSLEngine on
                SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1
            </VirtualHost>
            <VirtualHost *:443>
                ServerName example.net
                SSLEngine on
                MDStapling on
            </VirtualHost>
            """},
        {"""
            ServerRoot .
            Listen 443
            MDStoreLocks 5s
            MDStapling on
            MDStaplingRenewWindow 7d
            MDNotifyCmd /usr/local/bin/notify --to "ops team" \\
                --verbose
            MDMessageCmd /usr/local/bin/message
            MDInitialDelay 10s
            MDRetryFailover 13
            MDChallengeDns01 /usr/local/bin/dns01
            MDChallengeDns01Version 2
            <MDomainSet *.example.edu example.edu>
                MDCAChallenges dns-01
                MDWarnWindow 10%
            </MDomainSet>
            Include conf.d/extra.conf
            """, """
            <IfFile files/cert.pem>
                <VirtualHost 192.0.2.1:443 [2001:db8::1]:443>
                    ServerName www.example.edu
                    ServerAlias *.example.edu
                    SSLEngine on
                    DocumentRoot files
                    <Directory files>
                        Require all granted
                    </Directory>
                </VirtualHost>
            </IfFile>
            """},
    };

    private static final String[] TOKENS = {
        "0", "1", "-1", "-5", "80", "443", "65535", "65536", "99999", "2147483648",
        "-9223372036854775809", "1e9", "0x10", "33%", "100%", "-5%", "0%", "%", "10s", "5d", "3ms",
        "1h", "7y", "30mi", "12 h", "on", "off", "On", "auto", "manual", "always", "all", "none",
        "Default", "RSA", "RSA4096", "secp384r1", "http://x", "https://", "ftp://a", "http:99999",
        "https:443", "8080:80", ":", "*", "*:443", "[::1]:443", "[::1", "1.2.3.4", "example.org",
        "-bad.example", "a..b", ".", "-", "!", "#", "# c", "\"", "'", "\"a b\"", "'x y'", "\\\"",
        "\"\"", "<", ">", "</", "<>", "\\", "${", "${X}", "${UNDEF", "${DOMAIN}", "$", "}",
        "\u00fc", "\u65e5\u672c", "\ud83d\ude00", "\u202e", "\u0000", "\t", "\u00a0",
        "a".repeat(3000), "x.".repeat(300) + "org", "md-status", "server-status",
        "files/cert.pem", "files", "conf.d", "conf.d/*.conf", "admin@example.org", "mailto:",
    };

    private static final String[] PARSE_TIME = {
        "Include", "IncludeOptional", "Define", "UnDefine", "ServerRoot",
    };

    private static final String[] CONDITIONS = {
        "IfModule", "IfDefine", "IfFile", "IfDirective", "IfSection",
    };

    @TempDir
    Path dir;

    private List<String> names;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("conf.d"));
        Files.createDirectories(dir.resolve("files"));
        Files.writeString(dir.resolve("files/cert.pem"),
                "-----BEGIN CERTIFICATE-----\nMIIBplaceholder\n-----END CERTIFICATE-----\n");
        Files.writeString(dir.resolve("files/key.pem"),
                "-----BEGIN PRIVATE KEY-----\nMIIBplaceholder\n-----END PRIVATE KEY-----\n");
        names = new ArrayList<>();
        for (DirectiveSpec spec : Directives.all()) {
            names.add(spec.section() ? "<" + spec.name() : spec.name());
        }
        names.addAll(Arrays.asList(PARSE_TIME));
        for (String condition : CONDITIONS) {
            names.add("<" + condition);
        }
    }

    private ParseOptions options() {
        return ParseOptions.defaults().withServerRoot(dir).withEnvironment(Map.of("HOME", "/home/x"));
    }

    @Test
    void seedsAreValid() throws IOException {
        for (String[] seed : SEEDS) {
            write(MAIN, seed[0].getBytes(StandardCharsets.UTF_8));
            write(EXTRA, seed[1].getBytes(StandardCharsets.UTF_8));
            Configuration config = ConfigReader.read(dir.resolve(MAIN), options());
            assertThat(config.managedDomains()).as(seed[0]).isNotEmpty();
        }
    }

    @Test
    void mutatedConfigurationsAreAcceptedOrRefusedWithLocatedErrors() throws IOException {
        Random random = new Random(SEED);
        for (int n = 0; n < CASES; n++) {
            String[] seed = SEEDS[random.nextInt(SEEDS.length)];
            byte[] main = mutate(seed[0], random);
            byte[] extra = random.nextInt(4) == 0 ? mutate(seed[1], random)
                    : seed[1].getBytes(StandardCharsets.UTF_8);
            write(MAIN, main);
            write(EXTRA, extra);
            check(n, main, extra);
        }
    }

    private void check(int n, byte[] main, byte[] extra) throws IOException {
        try {
            Configuration config = ConfigReader.read(dir.resolve(MAIN), options());
            for (ConfigError warning : config.warnings()) {
                String problem = problem(warning);
                if (problem != null) {
                    fail(describe(n, main, extra, "warning: " + problem + ": " + warning, null));
                }
            }
        } catch (ConfigException e) {
            assertThat(e.errors()).isNotEmpty();
            for (ConfigError error : e.errors()) {
                String problem = problem(error);
                if (problem != null) {
                    fail(describe(n, main, extra, problem + ": " + error, null));
                }
            }
        } catch (Throwable t) {
            fail(describe(n, main, extra, "unexpected " + t, t));
        }
    }

    /** What is wrong with an error's location or message, or null. */
    private String problem(ConfigError error) throws IOException {
        if (error == null || error.location() == null || error.location().file() == null) {
            return "error without location";
        }
        if (error.message() == null || error.message().isBlank()) {
            return "error without message";
        }
        if (error.message().indexOf('\n') >= 0) {
            return "message of more than one line (FILE:LINE: message is one line)";
        }
        Path file = error.location().file();
        int line = error.location().line();
        if (line < 0) {
            return "negative line";
        }
        if (!file.startsWith(dir)) {
            return "error outside the configuration's files";
        }
        if (line > 0) {
            if (!Files.isRegularFile(file)) {
                return "error at a line of something that is not a file";
            }
            byte[] bytes = Files.readAllBytes(file);
            int lines = 1;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            if (line > lines) {
                return "line beyond the end of the file (" + lines + " lines)";
            }
        }
        return null;
    }

    private static String describe(int n, byte[] main, byte[] extra, String what, Throwable t) {
        StringBuilder s = new StringBuilder();
        s.append("fuzz case ").append(n).append(" (seed ").append(SEED).append("): ").append(what)
                .append("\n--- ").append(MAIN).append(" ---\n").append(printable(main))
                .append("\n--- ").append(EXTRA).append(" ---\n").append(printable(extra));
        if (t != null) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            s.append("\n--- stack ---\n").append(trace);
        }
        return s.toString();
    }

    private static String printable(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c == '\n' || c >= 0x20 && c != 0x7f && c != 0xfffd) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.length() > 20_000 ? out.substring(0, 20_000) + "..." : out.toString();
    }

    private void write(String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }

    // ------------------------------------------------------------------ mutations

    private byte[] mutate(String seed, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(seed.split("\n", -1)));
        int count = 1 + random.nextInt(3);
        boolean bytes = false;
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            if (kind >= 8) {
                bytes = true;
                continue;
            }
            mutateLines(lines, kind, random);
        }
        byte[] data = String.join(random.nextInt(8) == 0 ? "\r\n" : "\n", lines)
                .getBytes(StandardCharsets.UTF_8);
        if (bytes) {
            data = mutateBytes(data, random);
        }
        return data;
    }

    private void mutateLines(List<String> lines, int kind, Random random) {
        if (lines.isEmpty()) {
            lines.add("");
        }
        int at = random.nextInt(lines.size());
        switch (kind) {
            case 0 -> lines.remove(at);
            case 1 -> lines.add(at, lines.get(at));
            case 2 -> {
                int other = random.nextInt(lines.size());
                String tmp = lines.get(at);
                lines.set(at, lines.get(other));
                lines.set(other, tmp);
            }
            case 3 -> lines.add(at, randomDirective(random));
            case 4 -> {
                String line = lines.get(at).strip();
                int space = line.indexOf(' ');
                String name = space < 0 ? line : line.substring(0, space);
                boolean section = name.startsWith("<") && !name.startsWith("</");
                String args = randomArgs(random);
                lines.set(at, "    " + name + (args.isEmpty() ? "" : " " + args)
                        + (section && !name.endsWith(">") ? ">" : ""));
            }
            case 5 -> {
                String line = lines.get(at);
                int bracket = random.nextBoolean() ? line.indexOf('<') : line.lastIndexOf('>');
                if (bracket >= 0) {
                    lines.set(at, line.substring(0, bracket) + line.substring(bracket + 1));
                } else {
                    lines.set(at, "<" + line);
                }
            }
            case 6 -> {
                String name = names.get(random.nextInt(names.size()));
                lines.add(at, random.nextBoolean()
                        ? "</" + (name.startsWith("<") ? name.substring(1) : name) + ">"
                        : name.startsWith("<") ? name + " " + randomArgs(random) + ">" : "<" + name + ">");
            }
            case 7 -> {
                String line = lines.get(at);
                lines.set(at, random.nextBoolean() ? line + " \\" : line + "\\");
            }
            default -> throw new IllegalStateException();
        }
    }

    private String randomDirective(Random random) {
        String name = names.get(random.nextInt(names.size()));
        String args = randomArgs(random);
        String line = name + (args.isEmpty() ? "" : " " + args);
        if (name.startsWith("<")) {
            line += ">";
            if (random.nextBoolean()) {
                line += "\n" + randomDirective(random) + "\n</" + name.substring(1) + ">";
            }
        }
        return line;
    }

    private static String randomArgs(Random random) {
        int count = random.nextInt(5);
        StringBuilder args = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                args.append(' ');
            }
            args.append(TOKENS[random.nextInt(TOKENS.length)]);
        }
        return args.toString();
    }

    private static final byte[] NASTY = {
        0, (byte) 0xff, (byte) 0xc3, (byte) 0x80, (byte) 0xed, '\n', '\r', '\\', '"', '\'', '<',
        '>', '#', '$', '{', '}', ' ', '\t', '/', '*',
    };

    private static byte[] mutateBytes(byte[] data, Random random) {
        if (data.length == 0) {
            return data;
        }
        switch (random.nextInt(3)) {
            case 0 -> {
                return Arrays.copyOf(data, random.nextInt(data.length));
            }
            case 1 -> {
                int flips = 1 + random.nextInt(4);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(data.length);
                    data[at] = random.nextBoolean() ? NASTY[random.nextInt(NASTY.length)]
                            : (byte) (data[at] ^ (1 << random.nextInt(8)));
                }
                return data;
            }
            default -> {
                int at = random.nextInt(data.length + 1);
                byte[] out = new byte[data.length + 1];
                System.arraycopy(data, 0, out, 0, at);
                out[at] = NASTY[random.nextInt(NASTY.length)];
                System.arraycopy(data, at, out, at + 1, data.length - at);
                return out;
            }
        }
    }

    @Test
    void mutationsAreDeterministic() {
        Random a = new Random(SEED);
        Random b = new Random(SEED);
        for (int i = 0; i < 50; i++) {
            assertThat(mutate(SEEDS[i % SEEDS.length][0], a))
                    .isEqualTo(mutate(SEEDS[i % SEEDS.length][0], b));
        }
    }
}
