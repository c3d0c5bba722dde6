package dev.mdj.store;

import java.nio.file.Path;

/**
 * Builds every path of a file store and is the only place that does: it checks each name is a
 * single, harmless path component, so that no name taken from a configuration, a CA answer or a
 * request can reach outside its group directory.
 */
final class StorePaths {

    private final Path root;

    StorePaths(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    Path group(StoreGroup group) {
        return group == StoreGroup.NONE ? root : root.resolve(group.directory());
    }

    Path entry(StoreGroup group, String name) {
        return group == StoreGroup.NONE ? root : group(group).resolve(Store.checkName(name));
    }

    Path file(StoreGroup group, String name, Aspect<?> aspect) {
        return entry(group, name).resolve(aspect.fileName());
    }

    /** The relative form for messages: {@code domains/example.org/md.json}. */
    String describe(Path path) {
        return root.relativize(path).toString();
    }
}
