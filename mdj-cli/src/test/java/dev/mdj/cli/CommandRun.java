package dev.mdj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the mdj command line in this JVM, as a user would, and keeps what it printed. */
final class CommandRun {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** {@code mdj args...}; returns the exit code. */
    int mdj(String... args) {
        CommandLine cl = MdjCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Everything printed to stdout so far. */
    String out() {
        return out.toString();
    }

    /** Everything printed to stderr so far. */
    String err() {
        return err.toString();
    }

    /** Forgets what was printed to stdout. */
    void clearOut() {
        out.getBuffer().setLength(0);
    }
}
