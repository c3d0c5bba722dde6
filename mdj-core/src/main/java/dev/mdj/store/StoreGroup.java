package dev.mdj.store;

import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The lifecycle areas of the store, as mod_md names its directories: where accounts, challenge
 * answers, live certificates, renewals in progress, archived sets, scratch space and OCSP
 * responses live. Each group has mod_md's permissions and decides whether private keys in it
 * are encrypted with the store key.
 */
public enum StoreGroup {
    /** The store directory itself: md_store.json, httpd.json, store.lock. */
    NONE("", "rwx------", "rw-------", true),
    ACCOUNTS("accounts", "rwxr-xr-x", "rw-r--r--", true),
    CHALLENGES("challenges", "rwxr-xr-x", "rw-r--r--", false),
    DOMAINS("domains", "rwx------", "rw-------", false),
    STAGING("staging", "rwxr-xr-x", "rw-r--r--", true),
    ARCHIVE("archive", "rwx------", "rw-------", true),
    TMP("tmp", "rwx------", "rw-------", false),
    OCSP("ocsp", "rwxr-xr-x", "rw-r--r--", true);

    private final String directory;
    private final Set<PosixFilePermission> directoryPermissions;
    private final Set<PosixFilePermission> filePermissions;
    private final boolean encryptsKeys;

    StoreGroup(String directory, String directoryPermissions, String filePermissions,
            boolean encryptsKeys) {
        this.directory = directory;
        this.directoryPermissions = PosixFilePermissions.fromString(directoryPermissions);
        this.filePermissions = PosixFilePermissions.fromString(filePermissions);
        this.encryptsKeys = encryptsKeys;
    }

    /** The directory name below the store ({@code ""} for {@link #NONE}). */
    public String directory() {
        return directory;
    }

    /** Permissions of this group's directories (mod_md: 0700 or 0755). */
    public Set<PosixFilePermission> directoryPermissions() {
        return directoryPermissions;
    }

    /**
     * Permissions of this group's files (mod_md: 0600 or 0644). Unencrypted private keys are
     * always 0600, whatever the group.
     */
    public Set<PosixFilePermission> filePermissions() {
        return filePermissions;
    }

    /**
     * Whether private keys here are encrypted with the store key. mod_md keeps them plain where
     * the server reads them directly (domains, challenges, tmp) and encrypted elsewhere; archive
     * directories are renamed domains directories, so their keys stay plain in practice.
     */
    public boolean encryptsKeys() {
        return encryptsKeys;
    }
}
