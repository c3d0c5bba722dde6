package dev.mdj.renew;

import dev.mdj.md.ManagedDomain;
import dev.mdj.md.Settings;
import java.util.List;

/** Managed domains for renewal tests. */
final class Mds {

    private Mds() {
    }

    static ManagedDomain md(Settings settings, String... domains) {
        return new ManagedDomain(domains[0], List.of(domains), settings, "test.conf:1");
    }

    static ManagedDomain md(String... domains) {
        return md(Settings.empty(), domains);
    }
}
