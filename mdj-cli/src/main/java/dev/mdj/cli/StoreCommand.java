package dev.mdj.cli;

import dev.mdj.config.Configuration;
import dev.mdj.md.GlobalSetting;
import dev.mdj.store.EmptyStore;
import dev.mdj.store.FileStore;
import dev.mdj.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code mdj store}: looks into a mod_md store (the role mod_md's a2md plays), either the one
 * given with {@code --store} or the MDStoreDir of the configuration.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Inspect and check a mod_md store (MDStoreDir).",
        subcommands = {StoreListCommand.class, StoreShowCommand.class, StoreVerifyCommand.class,
                StoreActivateCommand.class})
final class StoreCommand {

    /**
     * The store in {@code dir} for commands that only read (plan, status) and must not create
     * one: without a store, every managed domain simply has no certificate yet.
     */
    static Store existingOrEmpty(Path dir) {
        return Files.isRegularFile(dir.resolve("md_store.json")) ? FileStore.openExisting(dir) : new EmptyStore();
    }

    /** Where the store is: {@code --store DIR}, else the configuration's MDStoreDir. */
    static final class Location {

        /** The store directory for {@code configuration}: {@code --store DIR}, else its MDStoreDir. */
        Path dir(Configuration configuration) {
            return store != null ? store : configuration.server().global().get(GlobalSetting.STORE_DIR);
        }

        @Option(names = "--store", paramLabel = "DIR",
                description = "The store directory (default: MDStoreDir of the configuration).")
        Path store;

        @Mixin
        ConfigOptions config;

        /**
         * Opens the store without creating anything.
         *
         * @throws UserError when there is no store or the configuration cannot be read
         */
        FileStore open() {
            Path dir = store != null ? store : dir(config.read("; or give --store DIR"));
            try {
                return FileStore.openExisting(dir);
            } catch (dev.mdj.store.StoreException e) {
                throw new UserError(e.getMessage(), ExitCodes.CONFIG);
            }
        }
    }
}
