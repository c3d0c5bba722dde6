package dev.mdj.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the mdj command line in this JVM, as a user would, and keeps what it printed. */
final class CommandRun {

    /** Everything printed to stdout so far. */
    final StringWriter out = new StringWriter();
    /** Everything printed to stderr so far. */
    final StringWriter err = new StringWriter();

    /** {@code mdj args...}; returns the exit code. */
    int mdj(String... args) {
        CommandLine cl = MdjCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }
}
