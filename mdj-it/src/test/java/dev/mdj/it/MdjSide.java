package dev.mdj.it;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** The mdj side of the interop tests: what mdj's store makes of a store mod_md wrote. */
final class MdjSide {

    private MdjSide() {
    }

    static void readsModMdStore(Path store, String md, List<String> names, X509Certificate served) {
        // filled in once FileStore is merged
    }
}
