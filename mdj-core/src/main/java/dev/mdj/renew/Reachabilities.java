package dev.mdj.renew;

import dev.mdj.config.Configuration;
import dev.mdj.config.host.Listen;
import dev.mdj.config.host.VirtualHost;
import dev.mdj.md.DomainNames;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.PortMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the CA can reach this server, derived from the configuration as mod_md does at start-up:
 * a listener on the local port that public port 80 (443) is mapped to (MDPortMap) makes http-01
 * (tls-alpn-01) possible, and tls-alpn-01 is answered only for names whose TLS virtual host
 * allows the {@code acme-tls/1} protocol.
 */
public final class Reachabilities {

    private static final String ACME_TLS = "acme-tls/1";

    private Reachabilities() {
    }

    public static DriveRun.Reachability of(Configuration config, ManagedDomain md) {
        PortMap ports = config.server().global().get(GlobalSetting.PORT_MAP);
        List<Listen> listens = config.server().listens();
        boolean http = ports.httpReachable() && listens.stream().anyMatch(l -> servesHttp(l, ports.http()));
        boolean https = ports.httpsReachable() && listens.stream().anyMatch(l -> servesHttp(l, ports.https()));
        return new DriveRun.Reachability(http, https, acmeTlsNames(config, md, ports));
    }

    /** mod_md: a listener on the port whose protocol is unset or starts with "http". */
    private static boolean servesHttp(Listen listen, int port) {
        return listen.port() == port && listen.protocol().map(p -> p.startsWith("http")).orElse(true);
    }

    /**
     * The MD's names served by a TLS virtual host of this MD that allows acme-tls/1 and listens
     * on the mapped https port (the port is not checked when tls-alpn-01 is configured
     * explicitly, as in mod_md).
     */
    private static List<String> acmeTlsNames(Configuration config, ManagedDomain md, PortMap ports) {
        boolean explicit = md.settings().find(MdSetting.CA_CHALLENGES)
                .map(types -> types.contains("tls-alpn-01")).orElse(false);
        List<String> names = new ArrayList<>();
        for (String domain : md.domains()) {
            for (VirtualHost host : config.serversOf(md)) {
                if (host.tls().engine() && allowsAcmeTls(config, host)
                        && (explicit || onPort(host, ports.https())) && answersTo(host, domain)) {
                    names.add(domain);
                    break;
                }
            }
        }
        return names;
    }

    private static boolean allowsAcmeTls(Configuration config, VirtualHost host) {
        List<String> protocols = host.protocols().isEmpty()
                ? config.server().mainServer().protocols() : host.protocols();
        return protocols.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).equals(ACME_TLS));
    }

    private static boolean onPort(VirtualHost host, int port) {
        return host.addresses().stream().anyMatch(a -> a.anyPort() || a.port() == port);
    }

    private static boolean answersTo(VirtualHost host, String domain) {
        return host.names().stream().map(name -> name.toLowerCase(Locale.ROOT))
                .anyMatch(name -> DomainNames.matches(domain, name));
    }
}
