package dev.mdj.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The store could not do what was asked: a file that exists cannot be read or parsed, a write
 * failed, the lock could not be taken. The message names the file or entry and says what is
 * wrong, in one line.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The file the failure is about, when it is about one file's content; else null. */
    private final transient Path file;
    private final String reason;

    public StoreException(String message) {
        super(message);
        this.file = null;
        this.reason = message;
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
        this.reason = message;
    }

    /**
     * What is wrong with one file: the message is {@code <shownAs>: <reason>}.
     *
     * @param file the file
     * @param shownAs how the message names the file (relative to the store)
     */
    public StoreException(Path file, String shownAs, String reason, Throwable cause) {
        super(shownAs + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file whose content is wrong, if the failure is about one. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** What is wrong, without the file's name (the whole message when no file is known). */
    public String reason() {
        return reason;
    }
}
