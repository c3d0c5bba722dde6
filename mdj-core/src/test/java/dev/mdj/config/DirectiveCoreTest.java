package dev.mdj.config;

import static dev.mdj.config.TestConfigs.error;
import static dev.mdj.config.TestConfigs.read;
import static dev.mdj.config.TestConfigs.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.host.AccessRule;
import dev.mdj.config.host.HeaderRule;
import dev.mdj.config.host.PathSection;
import dev.mdj.config.host.VirtualHost;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The httpd core, mod_ssl and mod_proxy directives mdj serves. */
class DirectiveCoreTest {

    @TempDir
    Path dir;

    private VirtualHost vhost(Configuration c) {
        return c.server().virtualHosts().get(0);
    }

    @Test
    void serverRootAndRelativePaths() throws Exception {
        Files.createDirectories(dir.resolve("root"));
        Configuration c = read(dir, """
                ServerRoot root
                PidFile run/mdj.pid
                MDomain example.org
                """);
        assertThat(c.server().serverRoot()).isEqualTo(dir.resolve("root"));
        assertThat(c.server().pidFile()).contains(dir.resolve("root/run/mdj.pid"));
        assertThat(c.server().global().get(dev.mdj.md.GlobalSetting.STORE_DIR)).isEqualTo(dir.resolve("root/md"));
        assertThat(TestConfigs.fail(dir, "ServerRoot no-such-dir\n").getMessage())
                .contains("ServerRoot must be a valid directory: '" + dir.resolve("no-such-dir") + "' is not");
        assertThat(error(dir, "<VirtualHost *:80>\nServerRoot " + dir + "\n</VirtualHost>\n"))
                .startsWith("ServerRoot not allowed here (inside <VirtualHost>)");
    }

    @Test
    void listen() {
        Configuration c = read(dir, """
                Listen 80
                Listen 127.0.0.1:8443 https
                Listen [::1]:8080
                """);
        assertThat(c.server().listens()).hasSize(3);
        assertThat(c.server().listens().get(0).port()).isEqualTo(80);
        assertThat(c.server().listens().get(0).address()).isEmpty();
        assertThat(c.server().listens().get(1).address()).contains("127.0.0.1");
        assertThat(c.server().listens().get(1).protocol()).contains("https");
        assertThat(c.server().listens().get(2).port()).isEqualTo(8080);
        assertThat(error(dir, "Listen 99999\n")).isEqualTo("Listen: '99999' has an invalid port '99999'; ports are numbers from 1 to 65535");
        assertThat(error(dir, "Listen 80 ftp\n")).isEqualTo("Listen: unknown protocol 'ftp'; mdj serves 'http' and 'https'");
        assertThat(error(dir, "Listen\n")).startsWith("Listen takes 1-2 arguments, ");
        assertThat(error(dir, "<VirtualHost *:80>\nListen 81\n</VirtualHost>\n"))
                .startsWith("Listen not allowed here (inside <VirtualHost>)");
    }

    @Test
    void serverNameAliasAdmin() {
        Configuration c = read(dir, """
                ServerName Main.Example.org:80
                ServerAdmin webmaster@example.org
                <VirtualHost *:443>
                  ServerName https://WWW.example.org:443
                  ServerAlias Example.org *.example.net
                  ServerAdmin vhost@example.org
                </VirtualHost>
                """);
        assertThat(c.server().mainServer().serverName()).contains("main.example.org");
        assertThat(c.server().mainServer().serverAdmin()).contains("webmaster@example.org");
        VirtualHost v = vhost(c);
        assertThat(v.serverName()).contains("www.example.org");
        assertThat(v.aliases()).containsExactly("example.org", "*.example.net");
        assertThat(v.serverAdmin()).contains("vhost@example.org");
        assertThat(v.names()).containsExactly("www.example.org", "example.org", "*.example.net");
        assertThat(error(dir, "ServerName bad/name\n")).isEqualTo("ServerName: 'bad/name' is not a host name");
        assertThat(error(dir, "<VirtualHost *:80>\nServerAlias bad/alias\n</VirtualHost>\n"))
                .isEqualTo("ServerAlias: 'bad/alias' is not a host name or pattern");
        assertThat(error(dir, "ServerAlias www.example.org\n"))
                .startsWith("ServerAlias not allowed here (at the top level)");
        assertThat(error(dir, "ServerAdmin broken@\n")).isEqualTo("ServerAdmin: 'broken@' is not a valid e-mail address");
    }

    @Test
    void virtualHostAddressesAndNesting() {
        Configuration c = read(dir, """
                <VirtualHost *:80 127.0.0.1:8080>
                  ServerName example.org
                </VirtualHost>
                """);
        assertThat(vhost(c).addresses()).hasSize(2);
        assertThat(vhost(c).addresses().get(1).port()).isEqualTo(8080);
        assertThat(vhost(c).isMainServer()).isFalse();
        assertThat(c.server().mainServer().isMainServer()).isTrue();
        assertThat(error(dir, "<VirtualHost *:80>\n<VirtualHost *:81>\n</VirtualHost>\n</VirtualHost>\n"))
                .isEqualTo("<VirtualHost> cannot occur within <VirtualHost> section");
        assertThat(error(dir, "<MDomain example.org>\n<VirtualHost *:81>\n</VirtualHost>\n</MDomain>\n"))
                .isEqualTo("<VirtualHost> cannot occur within <MDomain> section");
        assertThat(error(dir, "<VirtualHost *:99999>\n</VirtualHost>\n")).startsWith("<VirtualHost>: ");
    }

    @Test
    void documentRootIndexProtocols() throws Exception {
        Files.createDirectories(dir.resolve("htdocs"));
        Configuration c = read(dir, """
                DocumentRoot htdocs
                DirectoryIndex index.html index.htm
                Protocols h2 http/1.1 acme-tls/1
                <VirtualHost *:80>
                  DocumentRoot missing
                  Protocols spdy/3
                </VirtualHost>
                """);
        VirtualHost main = c.server().mainServer();
        assertThat(main.documentRoot()).contains(dir.resolve("htdocs"));
        assertThat(main.directoryIndex()).containsExactly("index.html", "index.htm");
        assertThat(main.protocols()).containsExactly("h2", "http/1.1", "acme-tls/1");
        assertThat(warnings(c)).contains("DocumentRoot [" + dir.resolve("missing") + "] does not exist",
                "unknown protocol 'spdy/3'; mdj speaks h2, h2c, http/1.1 and acme-tls/1");
        assertThat(error(dir, "DirectoryIndex\n")).startsWith("DirectoryIndex requires at least one argument");
        assertThat(error(dir, "DocumentRoot\n")).startsWith("DocumentRoot takes one argument");
        assertThat(error(dir, "Protocols\n")).startsWith("Protocols requires at least one argument");
    }

    @Test
    void ssl() {
        TestConfigs.write(dir, "ssl/cert.pem", "CERT");
        TestConfigs.write(dir, "ssl/key.pem", "KEY");
        TestConfigs.write(dir, "ssl/chain.pem", "CHAIN");
        Configuration c = read(dir, """
                <VirtualHost *:443>
                  SSLEngine on
                  SSLCertificateFile ssl/cert.pem
                  SSLCertificateKeyFile ssl/key.pem
                  SSLCertificateChainFile ssl/chain.pem
                  SSLProtocol all -SSLv3 -TLSv1 -TLSv1.1
                  SSLCipherSuite HIGH:!aNULL
                  SSLUseStapling On
                </VirtualHost>
                """);
        var tls = vhost(c).tls();
        assertThat(tls.engine()).isTrue();
        assertThat(tls.certificateFiles()).containsExactly(dir.resolve("ssl/cert.pem"));
        assertThat(tls.keyFiles()).containsExactly(dir.resolve("ssl/key.pem"));
        assertThat(tls.chainFile()).contains(dir.resolve("ssl/chain.pem"));
        assertThat(tls.protocols()).containsExactly("all", "-SSLv3", "-TLSv1", "-TLSv1.1");
        assertThat(tls.cipherSuite()).contains("HIGH:!aNULL");
        assertThat(tls.useStapling()).contains(true);
        assertThat(c.server().mainServer().tls().engine()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            SSLEngine maybe                  | SSLEngine: Argument must be On, Off, or Optional
            SSLEngine optional               | SSLEngine: 'optional' (RFC 2817 upgrade) is not supported by mdj; use 'on' or 'off'
            SSLProtocol +TLSv9               | SSLProtocol: Illegal protocol 'TLSv9'
            SSLProtocol TLSv1.1              | SSLProtocol: this leaves no TLS version mdj speaks; mdj offers TLSv1.3 and TLSv1.2
            SSLUseStapling maybe             | SSLUseStapling must be On or Off
            SSLCipherSuite                   | SSLCipherSuite takes 1-2 arguments, Colon-delimited list of permitted SSL Ciphers, optional preceded by protocol identifier ('XXX:...:XXX' - see manual)
            ProxyPreserveHost yes            | ProxyPreserveHost must be On or Off
            KeepAlive 5                      | KeepAlive must be On or Off
            Timeout -1                       | Timeout: '-1' must not be negative
            KeepAliveTimeout -2              | KeepAliveTimeout: '-2' must not be negative
            MaxKeepAliveRequests lots        | MaxKeepAliveRequests: 'lots' is not a number >= 0
            LogLevel chatty                  | LogLevel: LogLevel requires level keyword: one of emerg/alert/crit/error/warn/notice/info/debug/trace1/.../trace8, not 'chatty'
            LogLevel :debug                  | LogLevel: ':debug' needs a module name before ':'
            Header frob X-Foo bar            | Header: 'frob' is not supported by mdj; use set, append, add, merge, setifempty or unset
            Header set X-Foo                 | Header: 'set' needs a value
            Header unset X-Foo bar           | Header: 'unset' takes only the header name
            Header set X-Foo bar env=HTTPS   | Header: conditions such as 'env=HTTPS' are not supported by mdj
            Redirect /old relative/path      | Redirect: Redirect to non-URL: 'relative/path' must be an absolute URL like https://www.example.org/
            Redirect old https://example.org/ | Redirect: the URL path 'old' must start with '/'
            Redirect gone /old https://example.org/ | Redirect: 'gone' takes no URL
            ProxyPass /app ftp://backend/    | ProxyPass: 'ftp://backend/': mdj proxies to http:// and https:// backends only
            ProxyPass app http://backend/    | ProxyPass: the path 'app' must start with '/'
            ProxyPass /app http://backend/ retry=0 | ProxyPass: worker parameters such as 'retry=0' are not supported by mdj
            ProxyPassReverse /app            | ProxyPassReverse: takes a path and a URL
            CustomLog logs/access.log        | CustomLog takes two or three arguments, a file name, a custom log format string or format name, and an optional "env=" or "expr=" clause
            ErrorLog                         | ErrorLog takes one argument, The filename of the error log
            PidFile                          | PidFile takes one argument, A file for logging the server process ID
            User                             | User takes one argument, Effective user id for this server
            Group a b                        | Group takes one argument, Name of the group to run as
            TypesConfig                      | TypesConfig takes one argument, the MIME types config file
            ServerName a b                   | ServerName takes one argument, The hostname and port of the server
            """)
    void rejected(String line, String message) {
        assertThat(error(dir, line + "\n")).isEqualTo(message);
    }

    @Test
    void sslCertificateFileMustExist() {
        assertThat(error(dir, "SSLCertificateFile nope.pem\n"))
                .isEqualTo("SSLCertificateFile: file '" + dir.resolve("nope.pem") + "' does not exist or is empty");
        TestConfigs.write(dir, "empty.pem", "");
        assertThat(error(dir, "SSLCertificateKeyFile empty.pem\n"))
                .isEqualTo("SSLCertificateKeyFile: file '" + dir.resolve("empty.pem") + "' does not exist or is empty");
        assertThat(error(dir, "SSLCertificateChainFile nope.pem\n"))
                .isEqualTo("SSLCertificateChainFile: file '" + dir.resolve("nope.pem") + "' does not exist or is empty");
    }

    @Test
    void pathSectionsHandlersAndAccess() {
        Configuration c = read(dir, """
                <Location /md-status>
                  SetHandler md-status
                  Require ip 127.0.0.1 10.0.0.0/8
                </Location>
                <VirtualHost *:80>
                  <Directory /srv/www>
                    Require all granted
                    Header always set X-Frame-Options DENY
                  </Directory>
                  <Location /server-status>
                    SetHandler server-status
                    Require local
                  </Location>
                </VirtualHost>
                """);
        PathSection status = c.server().mainServer().sections().get(0);
        assertThat(status.kind()).isEqualTo(PathSection.Kind.LOCATION);
        assertThat(status.path()).isEqualTo("/md-status");
        assertThat(status.handler()).contains("md-status");
        assertThat(status.access()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(AccessRule.Kind.IP);
            assertThat(r.networks()).hasSize(2);
        });
        PathSection directory = vhost(c).sections().get(0);
        assertThat(directory.kind()).isEqualTo(PathSection.Kind.DIRECTORY);
        assertThat(directory.path()).isEqualTo("/srv/www");
        assertThat(directory.access().get(0).kind()).isEqualTo(AccessRule.Kind.ALL_GRANTED);
        assertThat(directory.headers()).containsExactly(new HeaderRule(true, HeaderRule.Action.SET, "X-Frame-Options", Optional.of("DENY")));
        assertThat(vhost(c).sections().get(1).handler()).contains("server-status");
        assertThat(vhost(c).sections().get(1).access().get(0).kind()).isEqualTo(AccessRule.Kind.LOCAL);
    }

    @Test
    void pathSectionRules() {
        assertThat(error(dir, "SetHandler md-status\n")).startsWith("SetHandler not allowed here (at the top level)");
        assertThat(error(dir, "<VirtualHost *:80>\nRequire all granted\n</VirtualHost>\n"))
                .startsWith("Require not allowed here (inside <VirtualHost>)");
        assertThat(error(dir, "<Location /x>\nSetHandler cgi-script\n</Location>\n"))
                .isEqualTo("SetHandler: unknown handler 'cgi-script'; mdj provides md-status, server-status and metrics (or none)");
        assertThat(error(dir, "<Location /x>\nRequire all maybe\n</Location>\n")).startsWith("Require: ");
        assertThat(error(dir, "<Location /x>\nRequire\n</Location>\n")).startsWith("Require requires at least one argument");
        assertThat(error(dir, "<Location relative>\n</Location>\n")).isEqualTo("<Location>: the URL path 'relative' must start with '/'");
        assertThat(error(dir, "<Location /a>\n<Location /b>\n</Location>\n</Location>\n"))
                .isEqualTo("<Location> cannot occur within <Location> section");
        assertThat(error(dir, "<Location /a>\nServerName x.org\n</Location>\n"))
                .startsWith("ServerName not allowed here (inside <Location>)");
        assertThat(error(dir, "<Directory /a>\nProxyPass http://backend/\n</Directory>\n"))
                .startsWith("ProxyPass not allowed here (inside <Directory>)");
    }

    @Test
    void directoryIsServerRootRelative() {
        Configuration c = read(dir, "<Directory htdocs>\nRequire all denied\n</Directory>\n");
        assertThat(c.server().mainServer().sections().get(0).path()).isEqualTo(dir.resolve("htdocs").toString());
    }

    @Test
    void proxy() {
        Configuration c = read(dir, """
                <VirtualHost *:443>
                  ProxyPreserveHost On
                  ProxyPass /.well-known !
                  ProxyPass / http://127.0.0.1:8080/
                  ProxyPassReverse / http://127.0.0.1:8080/
                  <Location /api>
                    ProxyPass http://api.internal:9000/v1
                    ProxyPassReverse http://api.internal:9000/v1
                  </Location>
                </VirtualHost>
                """);
        VirtualHost v = vhost(c);
        assertThat(v.proxyPreserveHost()).contains(true);
        assertThat(v.proxyPasses()).hasSize(2);
        assertThat(v.proxyPasses().get(0).isExclusion()).isTrue();
        assertThat(v.proxyPasses().get(1).backend()).contains(URI.create("http://127.0.0.1:8080/"));
        assertThat(v.proxyPassReverses()).singleElement().satisfies(r -> assertThat(r.path()).isEqualTo("/"));
        PathSection api = v.sections().get(0);
        assertThat(api.proxy().orElseThrow().path()).isEqualTo("/api");
        assertThat(api.proxy().orElseThrow().backend()).contains(URI.create("http://api.internal:9000/v1"));
        assertThat(api.proxyReverse()).isPresent();
        assertThat(error(dir, "<Location /api>\nProxyPass /api http://x/\n</Location>\n"))
                .isEqualTo("ProxyPass: inside <Location> takes only the URL");
        assertThat(error(dir, "<Location /api>\nProxyPreserveHost on\n</Location>\n"))
                .startsWith("ProxyPreserveHost not allowed here (inside <Location>)");
    }

    @Test
    void headersAndRedirects() {
        Configuration c = read(dir, """
                Header set Strict-Transport-Security "max-age=15768000"
                Redirect permanent /old https://example.org/new
                <VirtualHost *:80>
                  Header unset Server
                  Redirect 303 /a https://example.org/b
                  <Location /gone>
                    Redirect gone
                  </Location>
                  <Location /moved>
                    Redirect https://example.org/moved
                  </Location>
                </VirtualHost>
                """);
        VirtualHost main = c.server().mainServer();
        assertThat(main.headers()).containsExactly(new HeaderRule(false, HeaderRule.Action.SET,
                "Strict-Transport-Security", Optional.of("max-age=15768000")));
        assertThat(main.redirects()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(301);
            assertThat(r.path()).isEqualTo("/old");
            assertThat(r.target()).contains(URI.create("https://example.org/new"));
        });
        VirtualHost v = vhost(c);
        assertThat(v.headers().get(0).action()).isEqualTo(HeaderRule.Action.UNSET);
        assertThat(v.redirects().get(0).status()).isEqualTo(303);
        assertThat(v.sections().get(0).redirects().get(0).status()).isEqualTo(410);
        assertThat(v.sections().get(0).redirects().get(0).path()).isEqualTo("/gone");
        assertThat(v.sections().get(1).redirects().get(0).target()).contains(URI.create("https://example.org/moved"));
    }

    @Test
    void logs() {
        Configuration c = read(dir, """
                ErrorLog logs/error_log
                LogLevel warn md:debug ssl:info
                CustomLog logs/access_log combined
                <VirtualHost *:80>
                  ErrorLog "|/usr/bin/rotatelogs x"
                  CustomLog syslog:local1 common
                  LogLevel info
                </VirtualHost>
                """);
        var logs = c.server().mainServer().logs();
        assertThat(logs.errorLog()).contains(dir.resolve("logs/error_log").toString());
        assertThat(logs.level()).contains("warn");
        assertThat(logs.moduleLevels()).containsEntry("md", "debug").containsEntry("ssl", "info");
        assertThat(logs.customLogs()).singleElement().satisfies(l -> {
            assertThat(l.target()).isEqualTo(dir.resolve("logs/access_log").toString());
            assertThat(l.format()).isEqualTo("combined");
        });
        var vlogs = vhost(c).logs();
        assertThat(vlogs.errorLog()).contains("|/usr/bin/rotatelogs x");
        assertThat(vlogs.customLogs().get(0).target()).isEqualTo("syslog:local1");
        assertThat(vlogs.level()).contains("info");
    }

    @Test
    void processDirectives() {
        Configuration c = read(dir, """
                PidFile /run/mdj.pid
                User www-data
                Group www-data
                TypesConfig conf/mime.types
                """);
        assertThat(c.server().pidFile()).contains(Path.of("/run/mdj.pid"));
        assertThat(c.server().typesConfig()).contains(dir.resolve("conf/mime.types"));
        assertThat(warnings(c)).contains(
                "User is accepted but not applied: mdj runs as the user that starts it",
                "Group is accepted but not applied: mdj runs as the user that starts it",
                "TypesConfig file '" + dir.resolve("conf/mime.types") + "' is not readable; mdj's built-in types are used");
        for (String d : new String[] {"PidFile x", "User x", "Group x", "TypesConfig x"}) {
            assertThat(error(dir, "<VirtualHost *:80>\n" + d + "\n</VirtualHost>\n"))
                    .startsWith(d.split(" ")[0] + " not allowed here (inside <VirtualHost>)");
        }
    }

    @Test
    void connections() {
        Configuration c = read(dir, """
                Timeout 60
                KeepAlive On
                MaxKeepAliveRequests 100
                KeepAliveTimeout 5
                <VirtualHost *:80>
                  Timeout 2mi
                  KeepAlive off
                  MaxKeepAliveRequests 0
                </VirtualHost>
                """);
        VirtualHost main = c.server().mainServer();
        assertThat(main.timeout()).contains(Duration.ofSeconds(60));
        assertThat(main.keepAlive()).contains(true);
        assertThat(main.maxKeepAliveRequests()).contains(100);
        assertThat(main.keepAliveTimeout()).contains(Duration.ofSeconds(5));
        assertThat(vhost(c).timeout()).contains(Duration.ofMinutes(2));
        assertThat(vhost(c).keepAlive()).contains(false);
        assertThat(vhost(c).maxKeepAliveRequests()).contains(0);
    }

    @Test
    void unknownDirective() {
        assertThat(error(dir, "FrobnicateAll on\n")).isEqualTo("Invalid command 'FrobnicateAll', perhaps misspelled"
                + " or defined by a module not included in the server configuration");
    }
}
