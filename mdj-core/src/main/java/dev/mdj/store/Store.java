package dev.mdj.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The persistent state of mdj, laid out as mod_md's store: every value is addressed by a
 * {@link StoreGroup}, a name (a managed domain, an account id, a DNS name for challenges) and an
 * {@link Aspect} (one file). {@code domains/example.org/pubcert.pem} is
 * {@code (DOMAINS, "example.org", certificateChain(rsa))}.
 *
 * <p>The contract every implementation keeps:
 * <ul>
 *   <li>Safe for concurrent use. A single {@link #save} is atomic: readers see the old or the
 *       new value, never a mix, and a crash at any moment leaves one of the two.
 *   <li>"Not there" is {@link Optional#empty()} from {@link #load}; a value that is there but
 *       cannot be read (damaged JSON, a key that does not decrypt) is a {@link StoreException}
 *       naming the file. Nothing is ever deleted because it could not be read.
 *   <li>Names are single path components. A name that could reach outside its group
 *       ({@code ..}, a separator, a NUL, an empty string) is refused with
 *       {@link IllegalArgumentException} before anything is touched.
 *   <li>Private keys are encrypted with the store key in the groups that
 *       {@link StoreGroup#encryptsKeys() say so}, and only there, exactly as mod_md does.
 *   <li>Several mdj processes (or mdj and Apache) may share a store. {@link #lock} takes the
 *       store-wide lock mod_md takes for MDStoreLocks; after taking it, check again whether
 *       the work is still needed, since another process may have done it meanwhile.
 * </ul>
 */
public interface Store {

    /** The value, or empty when the file does not exist. */
    <T> Optional<T> load(StoreGroup group, String name, Aspect<T> aspect);

    /** Writes the value atomically, replacing what was there. */
    <T> void save(StoreGroup group, String name, Aspect<T> aspect, T value);

    /**
     * Writes the value only if the file does not exist yet (exclusive create).
     *
     * @return false if it existed; nothing was written then
     */
    <T> boolean create(StoreGroup group, String name, Aspect<T> aspect, T value);

    boolean exists(StoreGroup group, String name, Aspect<?> aspect);

    /**
     * A value that changes whenever the file of {@code aspect} is written, for caches of what
     * {@link #load} parsed; empty when the file does not exist or the store cannot tell (then
     * nothing may be cached).
     */
    default Optional<Object> version(StoreGroup group, String name, Aspect<?> aspect) {
        return Optional.empty();
    }

    /**
     * When the file of {@code aspect} was last written; empty when it does not exist or the store
     * cannot tell (then nothing may be cleaned up by age).
     */
    default Optional<Instant> lastModified(StoreGroup group, String name, Aspect<?> aspect) {
        return Optional.empty();
    }

    /** Removes one file; absent is fine. */
    void remove(StoreGroup group, String name, Aspect<?> aspect);

    /** Removes the whole entry ({@code group/name/}) with everything in it; absent is fine. */
    void purge(StoreGroup group, String name);

    /** The names in a group, sorted. */
    List<String> names(StoreGroup group);

    /** The file names in one entry, sorted (for verification and listings). */
    List<String> fileNames(StoreGroup group, String name);

    /**
     * Moves the entry {@code name} from one group to another. With {@code archive}, an existing
     * entry at the destination is first moved to {@code archive/<name>.<n>} (the first free n
     * from 1 to 999) instead of being replaced, and moved back if the move fails: the way mod_md
     * makes a new certificate set live while keeping the previous one.
     */
    void move(StoreGroup from, StoreGroup to, String name, boolean archive);

    /** Renames an entry within a group (an MD renamed in the configuration). */
    void rename(StoreGroup group, String from, String to);

    /**
     * Checks that {@code name} is a valid entry name: one path component, not {@code .} or
     * {@code ..}, no separator or NUL, at most 255 characters.
     *
     * @return the name
     * @throws IllegalArgumentException otherwise
     */
    static String checkName(String name) {
        if (name == null || name.isEmpty() || name.length() > 255 || name.equals(".")
                || name.equals("..") || name.indexOf('/') >= 0 || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("not a valid store entry name: '" + name + "'");
        }
        return name;
    }

    /**
     * Takes the store-wide lock, waiting at most {@code maxWait}.
     *
     * @throws StoreException if it could not be taken in time
     */
    StoreLock lock(Duration maxWait);
}
