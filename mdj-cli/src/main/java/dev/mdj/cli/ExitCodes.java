package dev.mdj.cli;

/** Exit codes of the mdj command, after sysexits.h where one fits. */
final class ExitCodes {

    static final int OK = 0;
    /** The configuration has errors (httpd -t exits 1 too). */
    static final int CONFIG = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** mdj itself failed: a bug, reported in one line. */
    static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
