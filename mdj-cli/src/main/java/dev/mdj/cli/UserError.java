package dev.mdj.cli;

/** A failure the user can act on: printed as one line, {@code mdj: <message>}, with an exit code. */
final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
