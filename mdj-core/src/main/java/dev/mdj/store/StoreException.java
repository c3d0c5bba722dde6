package dev.mdj.store;

/**
 * The store could not do what was asked: a file that exists cannot be read or parsed, a write
 * failed, the lock could not be taken. The message names the file or entry and says what is
 * wrong, in one line.
 */
public final class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
