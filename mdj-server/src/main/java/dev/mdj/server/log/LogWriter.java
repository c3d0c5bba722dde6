package dev.mdj.server.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One access log target, written by its own thread so that an event loop never waits for a disk
 * or a pipe: lines are queued and written in batches of whole lines, each batch with one write
 * (an appending file stays line-clean even while an older generation still writes to it, as
 * httpd's processes share their logs). A target that cannot keep up loses lines, with a warning,
 * rather than slowing requests down.
 */
final class LogWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LogWriter.class);
    private static final int MAX_QUEUED_LINES = 65_536;
    private static final int MAX_BATCH_BYTES = 256 * 1024;
    /** Marks the end of the queue; compared by identity. */
    private static final String END = new String("end");

    private final String target;
    private final WritableByteChannel out;
    private final Process process;
    private final BlockingQueue<String> queue = new LinkedBlockingQueue<>(MAX_QUEUED_LINES);
    private final Thread thread;
    private volatile boolean closed;
    private boolean dropping;
    private boolean failing;

    private LogWriter(String target, WritableByteChannel out, Process process) {
        this.target = target;
        this.out = out;
        this.process = process;
        this.thread = Thread.ofVirtual().name("mdj-access-log").start(this::run);
    }

    /**
     * Opens {@code target}: a file (appended to, created when missing), or after {@code |} a
     * command run by the shell ({@code ||} without the shell), whose standard input gets the lines.
     */
    static LogWriter open(String target) throws IOException {
        if (!target.startsWith("|")) {
            return new LogWriter(target, FileChannel.open(Path.of(target), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), null);
        }
        ProcessBuilder builder = target.startsWith("||")
                ? new ProcessBuilder(target.substring(2).trim().split("\\s+"))
                : new ProcessBuilder("/bin/sh", "-c", target.substring(target.startsWith("|$") ? 2 : 1).trim());
        Process process = builder.redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new LogWriter(target, Channels.newChannel(process.getOutputStream()), process);
    }

    /** Queues {@code line} (without line end); never blocks. */
    void write(String line) {
        if (closed) {
            return;
        }
        if (!queue.offer(line + "\n") && !dropping) {
            dropping = true; // a benign race between event loops: at worst a second warning
            LOG.warn("access log {} cannot keep up; lines are lost", target);
        }
    }

    private void run() {
        List<String> lines = new ArrayList<>();
        boolean end = false;
        while (!end) {
            try {
                lines.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(lines, MAX_QUEUED_LINES);
            StringBuilder batch = new StringBuilder();
            for (String line : lines) {
                if (line == END) {
                    end = true;
                } else {
                    batch.append(line);
                    if (batch.length() >= MAX_BATCH_BYTES) {
                        put(batch);
                    }
                }
            }
            lines.clear();
            put(batch);
        }
    }

    private void put(StringBuilder batch) {
        if (batch.isEmpty()) {
            return;
        }
        ByteBuffer bytes = ByteBuffer.wrap(batch.toString().getBytes(StandardCharsets.UTF_8));
        batch.setLength(0);
        try {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            failing = false;
            dropping = false;
        } catch (IOException e) {
            if (!failing) {
                failing = true;
                LOG.warn("cannot write access log {}: {}", target, e.toString());
            }
        }
    }

    /** Writes what is queued, then closes the file or the command's input (the command ends on its own). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(END);
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing access log {}: {}", target, e.toString());
        }
        if (process != null) {
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return target;
    }
}
