package dev.mdj.config;

import static dev.mdj.config.Arity.ANY;
import static dev.mdj.config.Arity.ITERATE;
import static dev.mdj.config.Arity.TAKE1;
import static dev.mdj.config.Arity.TAKE12;
import static dev.mdj.config.Arity.TAKE2;

import dev.mdj.md.CertificateAuthorities;
import dev.mdj.md.CertificateCheck;
import dev.mdj.md.Contacts;
import dev.mdj.md.DomainNames;
import dev.mdj.md.Durations;
import dev.mdj.md.ExternalAccountBinding;
import dev.mdj.md.GlobalSetting;
import dev.mdj.md.HttpProxies;
import dev.mdj.md.KeySpecs;
import dev.mdj.md.MatchNames;
import dev.mdj.md.MdSetting;
import dev.mdj.md.MemberMode;
import dev.mdj.md.PortMap;
import dev.mdj.md.RenewMode;
import dev.mdj.md.RenewWindow;
import dev.mdj.md.RequireHttps;
import dev.mdj.md.Setting;
import dev.mdj.md.StoreLocks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * mod_md's directives (all 47 names it registers, plus {@code MDCertificateMonitor}, the name
 * its manual uses for MDCertificateCheck), with mod_md's placement rules, defaults and error
 * texts (see docs/directives.md).
 */
final class MdDirectives {

    /** Allowed at the top level, in virtual hosts and in {@code <MDomain>}. */
    private static final Set<Scope> ALL = Set.of(Scope.SERVER, Scope.VIRTUAL_HOST, Scope.MANAGED_DOMAIN);
    /** Server-wide: anywhere but inside {@code <MDomain>}. */
    private static final Set<Scope> NOT_MD = Set.of(Scope.SERVER, Scope.VIRTUAL_HOST);
    private static final Set<Scope> MD_ONLY = Set.of(Scope.MANAGED_DOMAIN);
    private static final Set<String> KNOWN_CHALLENGES = Set.of("http-01", "tls-alpn-01", "dns-01");

    private MdDirectives() {
    }

    static List<DirectiveSpec> specs() {
        List<DirectiveSpec> specs = new ArrayList<>();
        // --- managed domains and their names
        specs.add(spec("MDomain", ITERATE, NOT_MD,
                "A group of server names with one certificate", MdDirectives::mdomain));
        specs.add(section("MDomainSet", "Container for directives applied to the same managed domains",
                MdDirectives::mdomainSection));
        specs.add(section("MDomain", "Container for directives applied to the same managed domains",
                MdDirectives::mdomainSection));
        specs.add(spec("MDMember", ITERATE, ALL,
                "A domain name to be included in the managed domain", MdDirectives::members));
        specs.add(spec("MDMembers", ITERATE, ALL,
                "Control if the alias domain names are automatically added", MdDirectives::members));
        // --- the CA and the account
        specs.add(spec("MDCertificateAuthority", ANY, ALL,
                "URL(s) or known name(s) of CA issuing the certificates", MdDirectives::authorities));
        specs.add(spec("MDCertificateAgreement", TAKE1, ALL,
                "either 'accepted' or the URL of CA Terms-of-Service agreement you accept",
                c -> c.setForMd(MdSetting.CA_AGREEMENT, c.arg(0))));
        specs.add(spec("MDCertificateProtocol", TAKE1, ALL,
                "Protocol used to obtain/renew certificates", MdDirectives::protocol));
        specs.add(spec("MDCAChallenges", ITERATE, ALL,
                "A list of challenge types to be used.", MdDirectives::challenges));
        specs.add(spec("MDContactEmail", TAKE1, ALL,
                "Email address used for account registration",
                c -> c.setContact(Contacts.toContactUri(c.arg(0)))));
        specs.add(spec("MDExternalAccountBinding", TAKE12, ALL,
                "'none', a JSON file or the values key-id and hmac-64 for External Account Binding",
                c -> c.setForMd(MdSetting.EAB, ExternalAccountBinding.parse(c.args(), c::resolve))));
        specs.add(spec("MDProfile", TAKE1, ALL, "The name of an ACME profile to order",
                c -> c.setForMd(MdSetting.PROFILE, c.arg(0))));
        specs.add(spec("MDProfileMandatory", TAKE1, ALL,
                "Fail when the CA does not offer the MDProfile", c -> perMdFlag(c, MdSetting.PROFILE_MANDATORY)));
        // --- certificates and renewal
        specs.add(spec("MDPrivateKeys", ANY, ALL,
                "set the type and parameters for private key generation",
                c -> c.setForMd(MdSetting.PRIVATE_KEYS, KeySpecs.parse(c.args()))));
        specs.add(spec("MDRenewMode", TAKE1, ALL, "Controls how renewal of Managed Domain certificates shall be handled.",
                c -> c.setForMd(MdSetting.RENEW_MODE, RenewMode.parse(c.arg(0)))));
        specs.add(spec("MDDriveMode", TAKE1, ALL, "deprecated, older name for MDRenewMode",
                c -> c.setForMd(MdSetting.RENEW_MODE, RenewMode.parse(c.arg(0)))));
        specs.add(spec("MDRenewWindow", TAKE1, ALL,
                "Time length for renewal before certificate expires (defaults to days)",
                c -> c.setForMd(MdSetting.RENEW_WINDOW, RenewWindow.parse(c.arg(0)))));
        specs.add(spec("MDWarnWindow", TAKE1, ALL,
                "When less time remains for a certificate, send our/log a warning (defaults to days)",
                c -> c.setForMd(MdSetting.WARN_WINDOW, RenewWindow.parse(c.arg(0)))));
        specs.add(spec("MDRenewViaARI", TAKE1, ALL,
                "Use the CA's renewal information (ARI, RFC 9773) to time renewals",
                c -> perMdFlag(c, MdSetting.RENEW_VIA_ARI)));
        specs.add(spec("MDMustStaple", TAKE1, ALL,
                "Enable/Disable the Must-Staple flag for new certificates.",
                c -> perMdFlag(c, MdSetting.MUST_STAPLE)));
        specs.add(spec("MDCertificateFile", TAKE1, MD_ONLY,
                "set the static certificate (chain) file to use for this domain.",
                c -> addStaticFile(c, MdSetting.CERTIFICATE_FILES)));
        specs.add(spec("MDCertificateKeyFile", TAKE1, MD_ONLY,
                "set the static private key file to use for this domain.",
                c -> addStaticFile(c, MdSetting.KEY_FILES)));
        specs.add(spec("MDRequireHttps", TAKE1, ALL,
                "Redirect non-secure requests to the https: equivalent.",
                c -> c.setForMd(MdSetting.REQUIRE_HTTPS, RequireHttps.parse(c.arg(0)))));
        // --- challenges and how the CA reaches this server
        specs.add(spec("MDPortMap", TAKE12, NOT_MD,
                "Declare the mapped ports 80 and 443 on the local server. E.g. 80:8000 to indicate that the server port 8000 is reachable as port 80 from the internet. Use 80:- to indicate that port 80 is not reachable from the outside.",
                c -> c.setGlobal(GlobalSetting.PORT_MAP, PortMap.parse(c.args()))));
        specs.add(spec("MDChallengeDns01", ANY, ALL,
                "Set the command for setup/teardown of dns-01 challenges",
                c -> c.setForMdOrServer(MdSetting.DNS01_COMMAND, command(c))));
        specs.add(spec("MDChallengeDns01Version", TAKE1, NOT_MD,
                "Set the type of arguments to call `MDChallengeDns01` with", MdDirectives::dns01Version));
        specs.add(spec("MDBaseServer", TAKE1, NOT_MD,
                "Allow managing of base server outside virtual hosts.",
                c -> globalFlag(c, GlobalSetting.BASE_SERVER)));
        specs.add(spec("MDMatchNames", TAKE1, NOT_MD,
                "Determines how DNS names are matched to vhosts.",
                c -> c.setGlobal(GlobalSetting.MATCH_NAMES, MatchNames.parse(c.arg(0)))));
        // --- network access to the CA
        specs.add(spec("MDHttpProxy", TAKE1, ALL, "URL of a HTTP(S) proxy to use for outgoing connections",
                c -> c.setForMdOrServer(MdSetting.HTTP_PROXY, HttpProxies.parse(c.arg(0)))));
        specs.add(spec("MDHttpProxyCACertificateFile", TAKE1, ALL,
                "path to the PEM file of trust anchors for the HTTP proxy's TLS, or 'none'",
                c -> c.setForMdOrServer(MdSetting.HTTP_PROXY_CA_CERTIFICATE_FILE, trustFile(c))));
        specs.add(spec("MDCACertificateFile", TAKE1, ALL,
                "path to pem file with the root certificate(s) of the ACME server, or 'none'",
                c -> c.setForMdOrServer(MdSetting.CA_CERTIFICATE_FILE, trustFile(c))));
        // --- the store and the schedule
        specs.add(spec("MDStoreDir", TAKE1, NOT_MD, "the directory for file system storage of managed domain data.",
                c -> c.setGlobal(GlobalSetting.STORE_DIR, c.resolve(c.arg(0)))));
        specs.add(spec("MDStoreLocks", TAKE1, NOT_MD,
                "Configure locking of store for updates ('on', 'off' or a wait duration).",
                c -> c.setGlobal(GlobalSetting.STORE_LOCKS, StoreLocks.parse(c.arg(0)))));
        specs.add(spec("MDRetryDelay", TAKE1, NOT_MD,
                "Time length for first retry, doubled on every consecutive error.", MdDirectives::retryDelay));
        specs.add(spec("MDRetryFailover", TAKE1, NOT_MD,
                "The number of errors before a failover to another CA is triggered.", MdDirectives::retryFailover));
        specs.add(spec("MDInitialDelay", TAKE1, NOT_MD,
                "How long to delay the first certificate check after startup.", MdDirectives::initialDelay));
        specs.add(spec("MDCheckInterval", TAKE1, NOT_MD,
                "Time between certificate checks.", MdDirectives::checkInterval));
        specs.add(spec("MDActivationDelay", TAKE1, NOT_MD,
                "How long to delay activation of new certificates (defaults to days)",
                c -> c.setGlobal(GlobalSetting.ACTIVATION_DELAY, Durations.parse(c.arg(0), ChronoUnit.DAYS))));
        // --- events
        specs.add(spec("MDNotifyCmd", ANY, NOT_MD,
                "Set the command to run when signup for a managed domain is complete.",
                c -> c.setGlobal(GlobalSetting.NOTIFY_COMMAND, command(c))));
        specs.add(spec("MDMessageCmd", ANY, NOT_MD,
                "Set the command run when a message about a managed domain is issued.",
                c -> c.setGlobal(GlobalSetting.MESSAGE_COMMAND, command(c))));
        // --- status and stapling
        specs.add(spec("MDServerStatus", TAKE1, ALL,
                "On to show Managed Domain information in server-status.",
                c -> globalFlag(c, GlobalSetting.SERVER_STATUS)));
        specs.add(spec("MDCertificateStatus", TAKE1, ALL,
                "On to show certificate status on https: hosts at /.httpd/certificate-status.",
                c -> globalFlag(c, GlobalSetting.CERTIFICATE_STATUS)));
        specs.add(spec("MDCertificateCheck", TAKE2, ALL,
                "Set name and URL pattern for a certificate monitoring site.", MdDirectives::certificateCheck));
        specs.add(spec("MDCertificateMonitor", TAKE2, ALL,
                "Alias of MDCertificateCheck (the name mod_md's manual uses).", MdDirectives::certificateCheck));
        specs.add(spec("MDStapling", TAKE1, ALL, "Enable/Disable OCSP Stapling for this/all Managed Domain(s).",
                c -> perMdFlag(c, MdSetting.STAPLING)));
        specs.add(spec("MDStapleOthers", TAKE1, ALL,
                "Enable/Disable OCSP Stapling for certificates not in Managed Domains.", MdDirectives::stapleOthers));
        specs.add(spec("MDStaplingKeepResponse", TAKE1, ALL,
                "The amount of time to keep an OCSP response in the store.",
                c -> c.setGlobal(GlobalSetting.STAPLING_KEEP_RESPONSE, RenewWindow.parse(c.arg(0)))));
        specs.add(spec("MDStaplingRenewWindow", TAKE1, ALL,
                "Time length for renewal before OCSP responses expire (defaults to days).",
                c -> c.setGlobal(GlobalSetting.STAPLING_RENEW_WINDOW, RenewWindow.parse(c.arg(0)))));
        return specs;
    }

    private static DirectiveSpec spec(String name, Arity arity, Set<Scope> scopes, String help,
            DirectiveSpec.Handler handler) {
        return new DirectiveSpec(name, "md", false, arity, scopes, help, handler);
    }

    private static DirectiveSpec section(String name, String help, DirectiveSpec.Handler handler) {
        return new DirectiveSpec(name, "md", true, ITERATE, NOT_MD, help, handler);
    }

    // ---------------------------------------------------------------- managed domains

    private static void mdomain(DirectiveContext c) {
        c.config().managedDomains.add(defineMd(c));
    }

    private static void mdomainSection(DirectiveContext c) {
        MdDefinitionBuilder md = defineMd(c);
        c.config().managedDomains.add(md);
        c.applyChildren(Scope.MANAGED_DOMAIN, c.server(), md, null);
    }

    /** The names of MDomain / <MDomain>, where 'auto' or 'manual' may stand anywhere. */
    private static MdDefinitionBuilder defineMd(DirectiveContext c) {
        MdDefinitionBuilder md = new MdDefinitionBuilder(c.location());
        for (String arg : c.args()) {
            if (arg.equalsIgnoreCase("auto") || arg.equalsIgnoreCase("manual")) {
                md.set(MdSetting.MEMBERS, MemberMode.parse(arg));
            } else {
                md.domains.add(DomainNames.normalize(arg));
            }
        }
        if (md.domains.isEmpty()) {
            throw new IllegalArgumentException("needs at least one domain name");
        }
        return md;
    }

    /** MDMember(s): names inside a section; outside only the member mode 'auto' or 'manual'. */
    private static void members(DirectiveContext c) {
        List<String> args = c.args();
        boolean mode = args.size() == 1
                && (args.get(0).equalsIgnoreCase("auto") || args.get(0).equalsIgnoreCase("manual"));
        if (c.scope() == Scope.MANAGED_DOMAIN) {
            if (mode) {
                c.md().set(MdSetting.MEMBERS, MemberMode.parse(args.get(0)));
            } else {
                for (String name : args) {
                    c.md().domains.add(DomainNames.normalize(name));
                }
            }
        } else if (mode) {
            c.setForMd(MdSetting.MEMBERS, MemberMode.parse(args.get(0)));
        } else {
            throw new IllegalArgumentException("domain names are only valid inside a "
                    + ScopeRules.MD_SECTION + " context, not here; outside use 'auto' or 'manual'");
        }
    }

    // ---------------------------------------------------------------- CA and account

    private static void authorities(DirectiveContext c) {
        if (c.args().isEmpty()) {
            return; // mod_md accepts an empty list and keeps the default
        }
        List<URI> urls = new ArrayList<>();
        for (String arg : c.args()) {
            URI url = CertificateAuthorities.resolve(arg);
            if (CertificateAuthorities.isDiscontinued(url)) {
                c.warn("'" + arg + "': Buypass closed its ACME service in 2026; certificates"
                        + " cannot be obtained from " + url);
            }
            urls.add(url);
        }
        c.setForMd(MdSetting.CA_URLS, List.copyOf(urls));
    }

    private static void protocol(DirectiveContext c) {
        String protocol = c.arg(0);
        if (!protocol.equalsIgnoreCase("ACME")) {
            c.warn("MDCertificateProtocol '" + protocol + "' is not supported; only ACME is, and"
                    + " managed domains using it will not be renewed");
        }
        c.setForMd(MdSetting.CA_PROTOCOL, protocol);
    }

    private static void challenges(DirectiveContext c) {
        for (String type : c.args()) {
            if (!KNOWN_CHALLENGES.contains(type)) {
                c.warn("unknown challenge type '" + type + "'; mdj answers http-01, tls-alpn-01 and"
                        + " dns-01");
            }
        }
        c.setForMd(MdSetting.CA_CHALLENGES, List.copyOf(c.args()));
    }

    // ---------------------------------------------------------------- files

    private static void addStaticFile(DirectiveContext c, Setting<List<Path>> setting) {
        Path file = c.resolve(c.arg(0));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("file '" + file + "' does not exist or is not a file");
        }
        List<Path> files = new ArrayList<>(c.md().settings.find(setting).orElse(List.of()));
        files.add(file);
        c.md().set(setting, List.copyOf(files));
    }

    private static Optional<Path> trustFile(DirectiveContext c) {
        if (c.arg(0).equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        Path file = c.resolve(c.arg(0));
        if (!Files.isReadable(file)) {
            c.warn("file '" + file + "' is not readable; connections that need it will fail");
        }
        return Optional.of(file);
    }

    private static String command(DirectiveContext c) {
        String raw = c.directive().rawArgs();
        if (raw.isEmpty()) {
            throw new IllegalArgumentException("needs the command to run");
        }
        return raw;
    }

    // ---------------------------------------------------------------- durations and numbers

    private static void retryDelay(DirectiveContext c) {
        Duration delay = Durations.parse(c.arg(0), ChronoUnit.SECONDS);
        if (delay.isNegative() || delay.isZero()) {
            throw new IllegalArgumentException("invalid argument, must be a duration > 0");
        }
        c.setGlobal(GlobalSetting.RETRY_DELAY, delay);
    }

    private static void retryFailover(DirectiveContext c) {
        int count;
        try {
            count = Integer.parseInt(c.arg(0));
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count <= 0) {
            throw new IllegalArgumentException("invalid argument, must be a number > 0");
        }
        c.setGlobal(GlobalSetting.RETRY_FAILOVER, count);
    }

    private static void initialDelay(DirectiveContext c) {
        Duration delay = Durations.parse(c.arg(0), ChronoUnit.SECONDS);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("'" + c.arg(0) + "' must not be negative");
        }
        c.setGlobal(GlobalSetting.INITIAL_DELAY, delay);
    }

    private static void checkInterval(DirectiveContext c) {
        Duration interval = Durations.parse(c.arg(0), ChronoUnit.SECONDS);
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("check interval '" + c.arg(0)
                    + "' must be at least 1 second");
        }
        c.setGlobal(GlobalSetting.CHECK_INTERVAL, interval);
    }

    private static void dns01Version(DirectiveContext c) {
        switch (c.arg(0)) {
            case "1" -> c.setGlobal(GlobalSetting.DNS01_VERSION, 1);
            case "2" -> c.setGlobal(GlobalSetting.DNS01_VERSION, 2);
            default -> throw new IllegalArgumentException("Only versions `1` and `2` are supported");
        }
    }

    // ---------------------------------------------------------------- status and stapling

    private static void certificateCheck(DirectiveContext c) {
        URI url;
        try {
            url = new URI(c.arg(1));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + c.arg(1) + "' is not a valid URL");
        }
        if (!url.isAbsolute()) {
            throw new IllegalArgumentException("'" + c.arg(1) + "' is not an absolute URL");
        }
        c.setGlobal(GlobalSetting.CERTIFICATE_CHECK, new CertificateCheck(c.arg(0), c.arg(1)));
    }

    private static void stapleOthers(DirectiveContext c) {
        boolean on = onOff(c.arg(0));
        if (c.scope() == Scope.MANAGED_DOMAIN) {
            c.warn("MDStapleOthers has no effect inside <MDomain> (as in mod_md); it is about"
                    + " certificates outside managed domains");
            return;
        }
        c.setGlobal(GlobalSetting.STAPLE_OTHERS, on);
    }

    private static void perMdFlag(DirectiveContext c, Setting<Boolean> setting) {
        c.setForMd(setting, onOff(c.arg(0)));
    }

    private static void globalFlag(DirectiveContext c, Setting<Boolean> setting) {
        c.setGlobal(setting, onOff(c.arg(0)));
    }

    /** mod_md's on/off arguments, with its message. */
    static boolean onOff(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on" -> true;
            case "off" -> false;
            default -> throw new IllegalArgumentException("unknown '" + value
                    + "', supported parameter values are 'on' and 'off'");
        };
    }
}
