package dev.mdj.cli;

import picocli.CommandLine;

/** Entry point of the {@code mdj} command (the runnable jar's main class). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code, without exiting (for tests). */
    static int run(String... args) {
        return MdjCommand.commandLine().execute(args);
    }
}
