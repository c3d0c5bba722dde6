package dev.mdj.server.tls;

import dev.mdj.config.Configuration;
import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.ocsp.OcspTarget;
import dev.mdj.ocsp.Staple;
import dev.mdj.ocsp.Stapler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which served certificates get OCSP staples, by mod_md's rule, and their staples from the
 * {@link Stapler}. A managed domain with MDStapling on is stapled; any other certificate (a
 * managed domain with it off, a virtual host's SSLCertificateFile) is stapled when the server's
 * MDStapling and MDStapleOthers are both on, or when its virtual host says
 * {@code SSLUseStapling on} (where mod_ssl would staple it, mdj staples it the same way).
 * Fallback certificates are never stapled.
 */
public final class Stapling {

    /** No stapling at all (off in the configuration, or a TLS stack that cannot staple). */
    public static final Stapling OFF = new Stapling(false, Optional.empty());

    /** Whether certificates outside managed domains (and of MDs with MDStapling off) are stapled. */
    private final boolean others;
    private final Optional<Stapler> stapler;

    private Stapling(boolean others, Optional<Stapler> stapler) {
        this.others = others;
        this.stapler = stapler;
    }

    /** The stapling {@code config} asks for, with the stapler that keeps the staples. */
    public Stapling(Configuration config, Stapler stapler) {
        this(others(config), Optional.of(stapler));
    }

    /** Whether anything in {@code config} is to be stapled. */
    public static boolean wanted(Configuration config) {
        return others(config) || config.managedDomains().stream().anyMatch(md -> md.get(MdSetting.STAPLING))
                || config.server().virtualHosts().stream().anyMatch(h -> h.tls().useStapling().orElse(false));
    }

    public Optional<Stapler> stapler() {
        return stapler;
    }

    /** Whether the certificates of {@code md} are stapled (never without a stapler). */
    public boolean stapled(ManagedDomain md) {
        return stapler.isPresent() && (md.get(MdSetting.STAPLING) || others);
    }

    /** Whether the SSLCertificateFile certificates of {@code host} (no managed domain) are stapled. */
    public boolean stapled(VirtualHost host) {
        return stapler.isPresent() && (others || host.tls().useStapling().orElse(false));
    }

    /**
     * The staples of a managed domain's live certificates, in key order; the certificates it
     * served before are no longer watched.
     */
    List<Staple> staples(ManagedDomain md, List<CertifiedKey> keys) {
        if (!stapled(md)) {
            return none(keys);
        }
        List<Staple> staples = watch(md.name(), keys);
        stapler.get().retain(md.name(), keys.stream().map(k -> OcspTarget.of(md.name(), k.chain()))
                .flatMap(Optional::stream).map(OcspTarget::id).toList());
        return staples;
    }

    /** The staples of a virtual host's SSLCertificateFile certificates, in key order. */
    List<Staple> staples(VirtualHost host, List<CertifiedKey> keys) {
        return stapled(host) ? watch(OcspTarget.OTHERS, keys) : none(keys);
    }

    static List<Staple> none(List<CertifiedKey> keys) {
        return keys.stream().map(k -> Staple.NONE).toList();
    }

    private List<Staple> watch(String md, List<CertifiedKey> keys) {
        List<Staple> staples = new ArrayList<>();
        for (CertifiedKey key : keys) {
            staples.add(OcspTarget.of(md, key.chain()).map(stapler.get()::watch).orElse(Staple.NONE));
        }
        return staples;
    }

    /** MDStapling outside any {@code <MDomain>} and MDStapleOthers. */
    private static boolean others(Configuration config) {
        return config.server().mdDefaults().get(MdSetting.STAPLING)
                && config.server().global().get(GlobalSetting.STAPLE_OTHERS);
    }
}
