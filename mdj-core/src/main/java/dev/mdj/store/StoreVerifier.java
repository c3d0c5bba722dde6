package dev.mdj.store;

import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.store.json.AccountJson;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.pem.KeyPairs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a store the way an admin would want before trusting it (mod_md's a2md has no such
 * command): every file parses, every encrypted key decrypts with the store key, every key
 * matches its certificate, and no file or directory is more open than mod_md makes it. Stricter
 * permissions than mod_md's are fine (mod_md itself creates some directories 0750 first).
 */
public final class StoreVerifier {

    /** One problem: the file it is about (relative to the store) and what is wrong. */
    public record Finding(Severity severity, String path, String message) {

        public Finding {
            Objects.requireNonNull(severity, "severity");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + path + ": " + message;
        }
    }

    /** How bad a finding is: an error means something cannot be used or is exposed. */
    public enum Severity { ERROR, WARNING }

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = Set.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final FileStore store;
    private final List<Finding> findings = new ArrayList<>();

    private StoreVerifier(FileStore store) {
        this.store = store;
    }

    /** Every problem found, in store order; empty when the store is sound. */
    public static List<Finding> verify(FileStore store) {
        StoreVerifier verifier = new StoreVerifier(store);
        verifier.run();
        return List.copyOf(verifier.findings);
    }

    private void run() {
        checkMode(store.directory().resolve(Aspect.STORE_JSON.fileName()),
                PosixFilePermissions.fromString("rw-------"));
        for (String md : store.names(StoreGroup.DOMAINS)) {
            checkCertificateSet(StoreGroup.DOMAINS, md);
            check(StoreGroup.DOMAINS, md, Aspect.JOB_JSON, JobJson::parse);
        }
        for (String md : store.names(StoreGroup.STAGING)) {
            checkCertificateSet(StoreGroup.STAGING, md);
            check(StoreGroup.STAGING, md, Aspect.JOB_JSON, JobJson::parse);
            checkAccount(StoreGroup.STAGING, md, true);
        }
        for (String id : store.names(StoreGroup.ACCOUNTS)) {
            checkAccount(StoreGroup.ACCOUNTS, id, false);
        }
        for (String name : store.names(StoreGroup.ARCHIVE)) {
            check(StoreGroup.ARCHIVE, name, Aspect.MD_JSON, MdJson::parse);
        }
        checkPermissionsAndLeftovers();
    }

    /** md.json and, for every key spec, a key that decrypts and matches its certificate. */
    private void checkCertificateSet(StoreGroup group, String md) {
        Optional<MdJson> json = check(group, md, Aspect.MD_JSON, MdJson::parse);
        if (json.isEmpty()) {
            if (!store.exists(group, md, Aspect.MD_JSON)) {
                error(group, md, Aspect.MD_JSON, "is missing");
            }
            return;
        }
        KeySpecs specs = json.get().keySpecs().orElse(KeySpecs.DEFAULT);
        for (KeySpec spec : specs.specs()) {
            checkPair(group, md, Aspect.privateKey(spec), Aspect.certificateChain(spec));
            checkPair(group, md, Aspect.fallbackPrivateKey(spec), Aspect.fallbackCertificateChain(spec));
        }
    }

    private void checkPair(StoreGroup group, String md, Aspect<PrivateKey> keyAspect,
            Aspect<List<X509Certificate>> chainAspect) {
        Optional<PrivateKey> key = check(group, md, keyAspect, k -> k);
        Optional<List<X509Certificate>> chain = check(group, md, chainAspect, c -> c);
        boolean keyThere = store.exists(group, md, keyAspect);
        boolean chainThere = store.exists(group, md, chainAspect);
        if (keyThere != chainThere) {
            error(group, md, keyThere ? chainAspect : keyAspect, "is missing, but "
                    + (keyThere ? keyAspect : chainAspect) + " is there");
        } else if (key.isPresent() && chain.isPresent()) {
            if (chain.get().isEmpty()) {
                error(group, md, chainAspect, "holds no certificate");
            } else if (!KeyPairs.matches(key.get(), chain.get().get(0))) {
                error(group, md, keyAspect, "does not match the certificate in " + chainAspect);
            }
        }
    }

    private void checkAccount(StoreGroup group, String name, boolean optional) {
        boolean json = store.exists(group, name, Aspect.ACCOUNT_JSON);
        boolean key = store.exists(group, name, Aspect.ACCOUNT_KEY);
        if (optional && !json && !key) {
            return;
        }
        if (!json || !key) {
            error(group, name, json ? Aspect.ACCOUNT_KEY : Aspect.ACCOUNT_JSON, "is missing");
        }
        check(group, name, Aspect.ACCOUNT_JSON, AccountJson::parse);
        check(group, name, Aspect.ACCOUNT_KEY, k -> k);
    }

    /** Loads and converts one file; a failure becomes a finding. */
    private <T, R> Optional<R> check(StoreGroup group, String name, Aspect<T> aspect,
            java.util.function.Function<T, R> convert) {
        try {
            return store.load(group, name, aspect).map(convert);
        } catch (StoreException e) {
            Path file = store.pathOf(group, name, aspect);
            // The finding shows the file already: say only what is wrong with it.
            error(group, name, aspect, e.file().filter(file::equals).isPresent() ? e.reason() : e.getMessage());
        } catch (RuntimeException e) {
            error(group, name, aspect, e.getMessage());
        }
        return Optional.empty();
    }

    private void checkPermissionsAndLeftovers() {
        for (StoreGroup group : StoreGroup.values()) {
            if (group == StoreGroup.NONE) {
                continue;
            }
            Path dir = store.directory().resolve(group.directory());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.toList()) {
                    if (Files.isDirectory(path)) {
                        checkMode(path, group.directoryPermissions());
                    } else if (path.getFileName().toString().endsWith(".tmp")) {
                        findings.add(new Finding(Severity.WARNING, relative(path),
                                "is a temporary file left by an interrupted write; it can be removed"));
                    } else {
                        checkMode(path, expectedFileMode(group, path));
                    }
                }
            } catch (IOException e) {
                findings.add(new Finding(Severity.ERROR, relative(dir), "cannot be read: " + e.getMessage()));
            }
        }
    }

    private static Set<PosixFilePermission> expectedFileMode(StoreGroup group, Path file) {
        boolean plainKey = file.getFileName().toString().endsWith(".pem") && !group.encryptsKeys()
                && file.getFileName().toString().contains("privkey");
        return plainKey ? PosixFilePermissions.fromString("rw-------") : group.filePermissions();
    }

    /** Reports permissions that give group or others more than mod_md would. */
    private void checkMode(Path path, Set<PosixFilePermission> expected) {
        try {
            Set<PosixFilePermission> actual = Files.getPosixFilePermissions(path);
            Set<PosixFilePermission> extra = java.util.EnumSet.noneOf(PosixFilePermission.class);
            for (PosixFilePermission p : actual) {
                if (GROUP_OR_OTHER.contains(p) && !expected.contains(p)) {
                    extra.add(p);
                }
            }
            if (!extra.isEmpty()) {
                findings.add(new Finding(Severity.ERROR, relative(path), "permissions are "
                        + PosixFilePermissions.toString(actual) + ", at most "
                        + PosixFilePermissions.toString(expected) + " expected"));
            }
        } catch (IOException e) {
            findings.add(new Finding(Severity.ERROR, relative(path), "cannot be read: " + e.getMessage()));
        }
    }

    private void error(StoreGroup group, String name, Aspect<?> aspect, String message) {
        findings.add(new Finding(Severity.ERROR, relative(store.pathOf(group, name, aspect)), message));
    }

    private String relative(Path path) {
        return store.directory().relativize(path).toString();
    }
}
