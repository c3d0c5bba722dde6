package dev.mdj.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what the server logs while a test runs, to check that nothing went wrong unseen: no
 * ERROR, and no exception logged at all (Netty warns with the exception when one reaches the end
 * of a pipeline uncaught).
 */
public final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture() {
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** The ERROR events and the events that carry an exception, as one line each. */
    public List<String> problems() {
        synchronized (appender) { // AppenderBase appends under this lock
            return appender.list.stream()
                    .filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                    .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage()
                            + (e.getThrowableProxy() == null ? ""
                                    : " (" + e.getThrowableProxy().getClassName() + ": "
                                            + e.getThrowableProxy().getMessage() + ")"))
                    .toList();
        }
    }

    /** Forgets what was collected so far. */
    public void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
    }
}
