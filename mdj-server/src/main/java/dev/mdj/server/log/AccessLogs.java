package dev.mdj.server.log;

import dev.mdj.config.Configuration;
import dev.mdj.config.host.LogSettings;
import dev.mdj.server.http.Transaction;
import dev.mdj.server.site.Site;
import dev.mdj.server.site.SiteTable;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The access logs of one generation (mod_log_config): every request is logged to each CustomLog
 * of the site that answered it, the virtual host's own or, when it has none, the main server's.
 * Each target is opened once per generation and shared by the sites that name it. A replaced
 * generation keeps its logs until its last connection has closed, so a reload reopens the files
 * (log rotation works as with httpd's graceful restart) without losing a line.
 */
public final class AccessLogs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLogs.class);

    private record Output(LogFormat format, LogWriter writer) {
    }

    private final Map<Site, List<Output>> bySite;
    private final List<LogWriter> writers;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private AccessLogs(Map<Site, List<Output>> bySite, List<LogWriter> writers) {
        this.bySite = bySite;
        this.writers = List.copyOf(writers);
    }

    /**
     * Opens the access logs {@code config} names for {@code sites}; unsupported format directives
     * and targets are warned about.
     *
     * @throws IOException if a log cannot be opened (httpd does not start then either); nothing stays open
     */
    public static AccessLogs open(Configuration config, SiteTable sites) throws IOException {
        Map<String, String> nicknames = config.server().logFormats();
        Map<String, LogWriter> writers = new LinkedHashMap<>();
        Map<String, LogFormat> formats = new HashMap<>();
        Map<Site, List<Output>> bySite = new IdentityHashMap<>();
        List<LogSettings.CustomLog> mainLogs = config.server().mainServer().logs().customLogs();
        try {
            for (Site site : sites.all()) {
                List<LogSettings.CustomLog> own = site.host().logs().customLogs();
                List<Output> outputs = new ArrayList<>();
                for (LogSettings.CustomLog log : own.isEmpty() ? mainLogs : own) {
                    if (log.target().toLowerCase(Locale.ROOT).startsWith("syslog")) {
                        LOG.warn("CustomLog {}: mdj writes access logs to files and pipes only; not logged", log.target());
                        continue;
                    }
                    LogWriter writer = writers.get(log.target());
                    if (writer == null) {
                        writer = LogWriter.open(log.target());
                        writers.put(log.target(), writer);
                    }
                    LogFormat format = formats.computeIfAbsent(LogFormat.resolve(log.format(), nicknames),
                            text -> LogFormat.parse(text, warning -> LOG.warn("CustomLog {}: {}", log.target(), warning)));
                    outputs.add(new Output(format, writer));
                }
                bySite.put(site, List.copyOf(outputs));
            }
        } catch (IOException e) {
            writers.values().forEach(LogWriter::close);
            throw new IOException("cannot open access log: " + e.getMessage(), e);
        }
        return new AccessLogs(bySite, new ArrayList<>(writers.values()));
    }

    /** Logs {@code transaction}, whose response is complete, to its site's logs (formatting here, writing elsewhere). */
    public void log(Transaction transaction) {
        Site site = transaction.site().orElseGet(() -> transaction.connection().defaultSite());
        for (Output output : bySite.getOrDefault(site, List.of())) {
            output.writer().write(output.format().format(transaction));
        }
    }

    /** Counts {@code channel} as one of this generation's connections until it closes. */
    public void track(Channel channel) {
        connections.incrementAndGet();
        channel.closeFuture().addListener(f -> {
            if (connections.decrementAndGet() == 0 && retired.get()) {
                closeInBackground();
            }
        });
    }

    /** The generation was replaced: close once its last connection is gone. */
    public void retire() {
        retired.set(true);
        if (connections.get() == 0) {
            closeInBackground();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Writes what is queued and closes every log. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            writers.forEach(LogWriter::close);
        }
    }

    /** Closing waits for the writers: never on an event loop. */
    private void closeInBackground() {
        Thread.ofVirtual().name("mdj-access-log-close").start(this::close);
    }
}
