package dev.mdj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Apache httpd with mod_md (Debian's {@code apache2}), run as in the reference runs:
 * a server root of its own under {@code /tmp} (mode 0755 so that the {@code www-data} children
 * can enter it), modules from {@code /usr/lib/apache2/modules}, {@code User/Group www-data},
 * http and https on two loopback ports, Pebble as the ACME CA, {@code LogLevel info md:debug}.
 * The caller adds the scenario part (MDomain, virtual hosts), where {@code @HTTP_PORT@},
 * {@code @HTTPS_PORT@} and {@code @SROOT@} are replaced.
 *
 * <p>The store is {@code <serverRoot>/md} unless the scenario sets {@code MDStoreDir}.
 * {@link #create} skips the calling test (JUnit assumption) when not root or when
 * {@code /usr/sbin/apache2} is missing. {@link #close} stops httpd and, if it does not end,
 * kills the PID from its PidFile.
 */
public final class ApacheHttpd implements AutoCloseable {

    public static final Path APACHE2 = Path.of("/usr/sbin/apache2");
    public static final Path MODULES = Path.of("/usr/lib/apache2/modules");

    private final Path serverRoot;
    private final int httpPort;
    private final int httpsPort;
    private final Path config;
    private long lastPid = -1;

    private ApacheHttpd(Path serverRoot, int httpPort, int httpsPort) {
        this.serverRoot = serverRoot;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
        this.config = serverRoot.resolve("conf/httpd.conf");
    }

    /** Whether the real httpd can be run here: root, and {@code /usr/sbin/apache2} with mod_md. */
    public static boolean available() {
        return Processes.isRoot() && Files.isExecutable(APACHE2) && Files.exists(MODULES.resolve("mod_md.so"));
    }

    /**
     * Makes a fresh server root below /tmp and writes its configuration.
     *
     * @param acme the CA: its directory URL and listener CA go into MDCertificateAuthority and
     *     MDCACertificateFile
     * @param httpPort the http port (Pebble's VA connects here for http-01)
     * @param httpsPort the https port
     * @param scenario the scenario part of the configuration
     */
    public static ApacheHttpd create(PebbleServer acme, int httpPort, int httpsPort, String scenario) {
        return create(acme.directoryUrl(), acme.listenerCaFile(), httpPort, httpsPort, scenario);
    }

    public static ApacheHttpd create(String caUrl, Path caFile, int httpPort, int httpsPort, String scenario) {
        Assumptions.assumeTrue(Processes.isRoot(), "the real httpd needs root (it switches to www-data)");
        Assumptions.assumeTrue(available(), APACHE2 + " with mod_md is not installed (apt-get install apache2)");
        try {
            Path root = Files.createTempDirectory(Path.of("/tmp"), "mdj-httpd-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String d : List.of("conf", "logs", "run", "htdocs")) {
                Files.createDirectories(root.resolve(d));
            }
            Files.writeString(root.resolve("htdocs/index.html"), "<html><body>mdj test</body></html>\n");
            ApacheHttpd httpd = new ApacheHttpd(root, httpPort, httpsPort);
            httpd.writeConfig(caUrl, caFile, scenario);
            return httpd;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up a server root", e);
        }
    }

    /**
     * Rewrites the configuration (base + this scenario part); takes effect at {@link #graceful}.
     * The CA file is copied into the server root, since the www-data children read it and the
     * original may sit in a directory only root can enter (JUnit's {@code @TempDir} is 0700).
     */
    public void writeConfig(String caUrl, Path caFile, String scenario) {
        Path caCopy = serverRoot.resolve("conf/acme-ca.pem");
        try {
            Files.copy(caFile, caCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(caCopy, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + caFile, e);
        }
        String base = """
                # written by dev.mdj.testing.ApacheHttpd (like reference/templates/httpd-base.conf.in)
                ServerRoot "@SROOT@"
                DefaultRuntimeDir run
                PidFile run/httpd.pid
                Mutex file:run default

                LoadModule mpm_event_module @MODULES@/mod_mpm_event.so
                LoadModule authz_core_module @MODULES@/mod_authz_core.so
                LoadModule authz_host_module @MODULES@/mod_authz_host.so
                LoadModule alias_module @MODULES@/mod_alias.so
                LoadModule mime_module @MODULES@/mod_mime.so
                LoadModule dir_module @MODULES@/mod_dir.so
                LoadModule headers_module @MODULES@/mod_headers.so
                LoadModule status_module @MODULES@/mod_status.so
                LoadModule socache_shmcb_module @MODULES@/mod_socache_shmcb.so
                LoadModule ssl_module @MODULES@/mod_ssl.so
                LoadModule md_module @MODULES@/mod_md.so

                User www-data
                Group www-data
                ServerName localhost
                ServerAdmin admin@example.org

                ErrorLog logs/error_log
                LogLevel info md:debug
                LogFormat "%h %l %u %t \\"%r\\" %>s %b host=%{Host}i proto=%H ssl=%{HTTPS}e" reflog
                CustomLog logs/access_log reflog

                TypesConfig /etc/mime.types
                DocumentRoot "@SROOT@/htdocs"
                DirectoryIndex index.html
                <Directory />
                    Require all granted
                </Directory>

                Listen 127.0.0.1:@HTTP_PORT@
                Listen 127.0.0.1:@HTTPS_PORT@ https
                SSLSessionCache shmcb:run/ssl_scache(512000)

                <Location /md-status>
                    SetHandler md-status
                </Location>

                MDCertificateAuthority @CA_URL@
                MDCACertificateFile "@CA_FILE@"
                MDCertificateAgreement accepted
                MDContactEmail admin@example.org
                MDPortMap http:@HTTP_PORT@ https:@HTTPS_PORT@

                # ---- scenario ----
                """;
        String text = (base + scenario + "\n")
                .replace("@MODULES@", MODULES.toString())
                .replace("@CA_URL@", caUrl)
                .replace("@CA_FILE@", caCopy.toString())
                .replace("@SROOT@", serverRoot.toString())
                .replace("@HTTP_PORT@", Integer.toString(httpPort))
                .replace("@HTTPS_PORT@", Integer.toString(httpsPort));
        try {
            Files.writeString(config, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code apache2 -k start}, then waits for the PidFile. */
    public void start() {
        apache2("start");
        if (!Processes.waitFor(Duration.ofSeconds(10), () -> pid() > 0 && ProcessHandle.of(pid()).isPresent())) {
            throw new IllegalStateException("httpd did not write " + pidFile() + "\n" + errorLogTail());
        }
        lastPid = pid();
    }

    /** {@code apache2 -k graceful}: the parent re-reads the configuration (mod_md activates staged sets). */
    public void graceful() {
        apache2("graceful");
    }

    /** {@code apache2 -k stop}, then waits for the parent to end (kills it by PID after 20 s). */
    public void stop() {
        long pid = pid() > 0 ? pid() : lastPid;
        if (pid <= 0 || ProcessHandle.of(pid).isEmpty()) {
            return;
        }
        try {
            apache2("stop");
        } catch (RuntimeException e) {
            // fall through to the kill
        }
        if (!Processes.waitFor(Duration.ofSeconds(20), () -> ProcessHandle.of(pid).isEmpty())) {
            Processes.kill(pid, Duration.ofSeconds(2));
        }
    }

    /**
     * Stops httpd and removes the server root, unless the system property {@code mdj.keep} is
     * true (then it stays for inspection).
     */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            if (!Boolean.getBoolean("mdj.keep")) {
                TestFiles.deleteTree(serverRoot);
            }
        }
    }

    private void apache2(String signal) {
        Processes.Result r = Processes.run(List.of(APACHE2.toString(), "-f", config.toString(), "-k", signal),
                Map.of(), null, Duration.ofSeconds(60));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("apache2 -k " + signal + " exited with " + r.exitCode() + ": "
                    + r.output() + "\n" + errorLogTail());
        }
    }

    /** The PID in the PidFile, or -1. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(pidFile()).trim());
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    public Path pidFile() {
        return serverRoot.resolve("run/httpd.pid");
    }

    /** Waits until the file exists and is not empty. */
    public boolean waitForFile(Path file, Duration timeout) {
        return Processes.waitFor(timeout, () -> Files.isRegularFile(file) && file.toFile().length() > 0);
    }

    public Path serverRoot() {
        return serverRoot;
    }

    /** The default store, {@code <serverRoot>/md}. */
    public Path storeDir() {
        return serverRoot.resolve("md");
    }

    public Path configFile() {
        return config;
    }

    public Path errorLog() {
        return serverRoot.resolve("logs/error_log");
    }

    /** The error log's last 60 lines, for failure messages. */
    public String errorLogTail() {
        return Processes.tail(errorLog(), 60);
    }

    public String errorLogText() {
        try {
            return Files.exists(errorLog()) ? Files.readString(errorLog(), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public int httpsPort() {
        return httpsPort;
    }

    /**
     * The certificate chain served on the https port for this SNI name, as
     * {@code openssl s_client -showcerts} prints it.
     */
    public List<java.security.cert.X509Certificate> servedChain(String serverName) {
        return OpenSsl.servedChain("127.0.0.1", httpsPort, serverName);
    }
}
