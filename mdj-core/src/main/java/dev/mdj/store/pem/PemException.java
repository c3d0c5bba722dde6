package dev.mdj.store.pem;

/**
 * A PEM file, key or certificate could not be read or written. The message is one line meant for
 * the administrator; it never contains key material or a passphrase.
 */
public class PemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what went wrong, one line, no secrets
     */
    public PemException(String message) {
        super(message);
    }

    /**
     * @param message what went wrong, one line, no secrets
     * @param cause the underlying failure (kept for debugging; its message is not repeated here)
     */
    public PemException(String message, Throwable cause) {
        super(message, cause);
    }
}
