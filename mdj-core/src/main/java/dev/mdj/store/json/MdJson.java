package dev.mdj.store.json;

import dev.mdj.md.ExternalAccountBinding;
import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.RenewMode;
import dev.mdj.md.RenewWindow;
import dev.mdj.md.RequireHttps;
import dev.mdj.md.Setting;
import dev.mdj.md.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A managed domain as mod_md stores it in {@code domains/<md>/md.json},
 * {@code staging/<md>/md.json} and {@code archive/<md>.N/md.json}.
 *
 * <p>Immutable. {@link #toJson()} writes the keys in mod_md's order ({@code md_to_json}); keys
 * mdj does not know, at the top level and inside {@code ca}, {@code proto} and {@code eab},
 * are kept from the document this was parsed from and follow the known ones.
 *
 * <p>The EAB HMAC key is written in clear, as mod_md does (the store is private), but
 * {@link #toString()} never shows it.
 */
public final class MdJson {

    private static final List<String> KEYS = List.of("name", "domains", "contacts", "transitive",
            "ca", "privkey", "state", "state-descr", "renew-mode", "renew-window", "warn-window",
            "require-https", "must-staple", "proto", "cert-files", "pkey-files", "stapling",
            "cmd-dns-01", "proxy-url", "ca-certs", "proxy-ca-certs", "eab", "profile",
            "profile-mandatory", "ari-renewals");
    private static final Set<String> KNOWN = Set.copyOf(KEYS);
    private static final Set<String> CA_KNOWN =
            Set.of("account", "proto", "url", "urls", "agreement", "challenges");
    private static final String ACME_TLS_1 = "acme-tls/1";

    private final ObjectNode source;
    private final String name;
    private final List<String> domains;
    private final List<String> contacts;
    private final int transitive;
    private final String caAccount;
    private final String caProto;
    private final String caUrl;
    private final List<String> caUrls;
    private final String caAgreement;
    private final List<String> caChallenges;
    private final JsonNode privkey;
    private final MdState state;
    private final String stateDescr;
    private final RenewMode renewMode;
    private final RenewWindow renewWindow;
    private final RenewWindow warnWindow;
    private final RequireHttps requireHttps;
    private final boolean mustStaple;
    private final List<String> acmeTls1;
    private final List<String> certFiles;
    private final List<String> pkeyFiles;
    private final boolean stapling;
    private final String cmdDns01;
    private final String proxyUrl;
    private final String caCerts;
    private final String proxyCaCerts;
    private final ExternalAccountBinding eab;
    private final String profile;
    private final boolean profileMandatory;
    private final boolean ariRenewals;

    private MdJson(Builder b) {
        this.source = b.source;
        this.name = Objects.requireNonNull(b.name, "name");
        this.domains = List.copyOf(b.domains);
        this.contacts = List.copyOf(b.contacts);
        this.transitive = b.transitive;
        this.caAccount = b.caAccount;
        this.caProto = b.caProto;
        this.caUrl = b.caUrl;
        this.caUrls = List.copyOf(b.caUrls);
        this.caAgreement = b.caAgreement;
        this.caChallenges = b.caChallenges == null ? null : List.copyOf(b.caChallenges);
        this.privkey = b.privkey == null ? null : b.privkey.deepCopy();
        this.state = Objects.requireNonNull(b.state, "state");
        this.stateDescr = b.stateDescr;
        this.renewMode = Objects.requireNonNull(b.renewMode, "renewMode");
        this.renewWindow = b.renewWindow;
        this.warnWindow = b.warnWindow;
        this.requireHttps = Objects.requireNonNull(b.requireHttps, "requireHttps");
        this.mustStaple = b.mustStaple;
        this.acmeTls1 = List.copyOf(b.acmeTls1);
        this.certFiles = b.certFiles == null ? null : List.copyOf(b.certFiles);
        this.pkeyFiles = b.pkeyFiles == null ? null : List.copyOf(b.pkeyFiles);
        this.stapling = b.stapling;
        this.cmdDns01 = b.cmdDns01;
        this.proxyUrl = b.proxyUrl;
        this.caCerts = b.caCerts;
        this.proxyCaCerts = b.proxyCaCerts;
        this.eab = b.eab;
        this.profile = b.profile;
        this.profileMandatory = b.profileMandatory;
        this.ariRenewals = b.ariRenewals;
    }

    /**
     * Reads an {@code md.json}. Like mod_md it accepts old formats: a {@code ca.url} without
     * {@code ca.urls} becomes the only CA, a numeric {@code renew-window} is ignored, a missing
     * {@code require-https} means off, the deprecated state 3 (expired) is read as complete.
     *
     * @throws IllegalArgumentException if the name is missing, the renew mode unknown, or the
     *     EAB incomplete
     */
    public static MdJson parse(ObjectNode json) {
        Objects.requireNonNull(json, "json");
        Builder b = new Builder();
        b.source = json.deepCopy();
        b.name = Nodes.requiredString(json, "name", "md.json");
        b.domains = Nodes.strings(json, "domains");
        b.contacts = Nodes.strings(json, "contacts");
        b.transitive = Nodes.integer(json, "transitive");
        ObjectNode ca = Nodes.objectOrNull(json, "ca");
        b.caAccount = Nodes.string(ca, "account");
        b.caProto = Nodes.string(ca, "proto");
        b.caUrl = Nodes.string(ca, "url");
        b.caUrls = Nodes.hasArray(ca, "urls") ? Nodes.strings(ca, "urls")
                : b.caUrl == null ? List.of() : List.of(b.caUrl);
        b.caAgreement = Nodes.string(ca, "agreement");
        b.caChallenges = Nodes.hasArray(ca, "challenges") ? Nodes.strings(ca, "challenges") : null;
        JsonNode pkey = json.get("privkey");
        b.privkey = pkey != null && (pkey.isObject() || pkey.isArray()) ? pkey : null;
        b.state = MdState.fromJson(Nodes.integer(json, "state"));
        b.stateDescr = Nodes.string(json, "state-descr");
        b.renewMode = renewModeOf(Nodes.integer(json, "renew-mode"));
        b.renewWindow = window(json, "renew-window");
        b.warnWindow = window(json, "warn-window");
        b.requireHttps = requireHttpsOf(Nodes.string(json, "require-https"));
        b.mustStaple = Nodes.bool(json, "must-staple");
        b.acmeTls1 = Nodes.strings(Nodes.objectOrNull(json, "proto"), ACME_TLS_1);
        b.certFiles = Nodes.hasArray(json, "cert-files") ? Nodes.strings(json, "cert-files") : null;
        b.pkeyFiles = Nodes.hasArray(json, "pkey-files") ? Nodes.strings(json, "pkey-files") : null;
        b.stapling = Nodes.bool(json, "stapling");
        b.cmdDns01 = Nodes.string(json, "cmd-dns-01");
        b.proxyUrl = Nodes.string(json, "proxy-url");
        b.caCerts = Nodes.string(json, "ca-certs");
        b.proxyCaCerts = Nodes.string(json, "proxy-ca-certs");
        b.eab = eabOf(Nodes.objectOrNull(json, "eab"));
        b.profile = Nodes.string(json, "profile");
        b.profileMandatory = Nodes.bool(json, "profile-mandatory");
        b.ariRenewals = Nodes.bool(json, "ari-renewals");
        return new MdJson(b);
    }

    /**
     * The {@code md.json} mod_md writes for a configured managed domain that has no server-wide
     * MD defaults; see {@link #of(ManagedDomain, Settings, List)}.
     */
    public static MdJson of(ManagedDomain md, List<String> acmeTlsNames) {
        return of(md, Settings.empty(), acmeTlsNames);
    }

    /**
     * The {@code md.json} mod_md writes for a configured managed domain, state
     * {@link MdState#UNKNOWN} and no account or effective CA yet. {@code privkey} is written only
     * when MDPrivateKeys was given (at either level); {@code cmd-dns-01}, {@code proxy-url},
     * {@code ca-certs} and {@code proxy-ca-certs} only when the MD sets them itself, which is
     * taken to be when its value is not the one inherited from {@code mdDefaults}; the
     * renew mode is 0 (manual) for static certificate files.
     *
     * @param md the MD with its effective settings
     * @param mdDefaults the server-wide MD settings the MD inherited from
     * @param acmeTlsNames the MD names whose https virtual host allows {@code acme-tls/1}
     */
    public static MdJson of(ManagedDomain md, Settings mdDefaults, List<String> acmeTlsNames) {
        Settings s = md.settings();
        Builder b = new Builder();
        b.name = md.name();
        b.domains = md.domains();
        b.contacts = s.find(MdSetting.CONTACT).map(List::of).orElse(List.of());
        b.transitive = s.get(MdSetting.MEMBERS).transitive();
        b.caProto = s.find(MdSetting.CA_PROTOCOL).orElse(null);
        b.caUrls = s.get(MdSetting.CA_URLS).stream().map(Object::toString).toList();
        b.caAgreement = s.find(MdSetting.CA_AGREEMENT).orElse(null);
        List<String> challenges = s.find(MdSetting.CA_CHALLENGES).map(MdJson::compact).orElse(List.of());
        b.caChallenges = challenges.isEmpty() ? null : challenges;
        b.privkey = s.isGiven(MdSetting.PRIVATE_KEYS) ? privkeyJson(s.get(MdSetting.PRIVATE_KEYS)) : null;
        b.state = MdState.UNKNOWN;
        b.renewMode = md.hasStaticCertificates() ? RenewMode.MANUAL : s.get(MdSetting.RENEW_MODE);
        b.renewWindow = s.get(MdSetting.RENEW_WINDOW);
        b.warnWindow = s.get(MdSetting.WARN_WINDOW);
        b.requireHttps = s.get(MdSetting.REQUIRE_HTTPS);
        b.mustStaple = s.get(MdSetting.MUST_STAPLE);
        b.acmeTls1 = acmeTlsNames;
        List<String> certs = s.get(MdSetting.CERTIFICATE_FILES).stream().map(Object::toString).toList();
        List<String> keys = s.get(MdSetting.KEY_FILES).stream().map(Object::toString).toList();
        b.certFiles = certs.isEmpty() ? null : certs;
        b.pkeyFiles = keys.isEmpty() ? null : keys;
        b.stapling = s.get(MdSetting.STAPLING);
        b.cmdDns01 = ownValue(s, mdDefaults, MdSetting.DNS01_COMMAND, Function.identity());
        b.proxyUrl = ownValue(s, mdDefaults, MdSetting.HTTP_PROXY, Object::toString);
        b.caCerts = ownValue(s, mdDefaults, MdSetting.CA_CERTIFICATE_FILE,
                path -> path.map(Object::toString).orElse(null));
        b.proxyCaCerts = ownValue(s, mdDefaults, MdSetting.HTTP_PROXY_CA_CERTIFICATE_FILE,
                path -> path.map(Object::toString).orElse(null));
        b.eab = s.get(MdSetting.EAB).orElse(null);
        b.profile = s.find(MdSetting.PROFILE).orElse(null);
        b.profileMandatory = s.get(MdSetting.PROFILE_MANDATORY);
        b.ariRenewals = s.get(MdSetting.RENEW_VIA_ARI);
        return new MdJson(b);
    }

    /** The document as mod_md writes it, with unknown keys of the parsed document kept. */
    public ObjectNode toJson() {
        ObjectNode out = Nodes.object();
        out.put("name", name);
        out.set("domains", Nodes.array(domains));
        out.set("contacts", Nodes.array(contacts));
        out.put("transitive", transitive);
        out.set("ca", caJson());
        if (privkey != null) {
            out.set("privkey", privkey.deepCopy());
        }
        out.put("state", state.jsonValue());
        Nodes.putIfNotNull(out, "state-descr", stateDescr);
        out.put("renew-mode", renewMode.jsonValue());
        if (renewWindow != null) {
            out.put("renew-window", renewWindow.format());
        }
        if (warnWindow != null) {
            out.put("warn-window", warnWindow.format());
        }
        if (requireHttps != RequireHttps.OFF) {
            out.put("require-https", requireHttps.jsonValue());
        }
        out.put("must-staple", mustStaple);
        ObjectNode proto = Nodes.object();
        proto.set(ACME_TLS_1, Nodes.array(acmeTls1));
        out.set("proto", Nodes.withUnknown(proto, Nodes.objectOrNull(source, "proto"), Set.of(ACME_TLS_1)));
        if (certFiles != null) {
            out.set("cert-files", Nodes.array(certFiles));
        }
        if (pkeyFiles != null) {
            out.set("pkey-files", Nodes.array(pkeyFiles));
        }
        out.put("stapling", stapling);
        Nodes.putIfNotNull(out, "cmd-dns-01", cmdDns01);
        Nodes.putIfNotNull(out, "proxy-url", proxyUrl);
        Nodes.putIfNotNull(out, "ca-certs", caCerts);
        Nodes.putIfNotNull(out, "proxy-ca-certs", proxyCaCerts);
        if (eab != null) {
            ObjectNode e = Nodes.object();
            e.put("kid", eab.keyId());
            e.put("hmac", eab.hmacKey());
            out.set("eab", Nodes.withUnknown(e, Nodes.objectOrNull(source, "eab"), Set.of("kid", "hmac")));
        }
        Nodes.putIfNotNull(out, "profile", profile);
        out.put("profile-mandatory", profileMandatory);
        out.put("ari-renewals", ariRenewals);
        return Nodes.withUnknown(out, source, KNOWN);
    }

    private ObjectNode caJson() {
        ObjectNode ca = Nodes.object();
        Nodes.putIfNotNull(ca, "account", caAccount);
        Nodes.putIfNotNull(ca, "proto", caProto);
        Nodes.putIfNotNull(ca, "url", caUrl);
        if (!caUrls.isEmpty()) {
            ca.set("urls", Nodes.array(caUrls));
        }
        Nodes.putIfNotNull(ca, "agreement", caAgreement);
        if (caChallenges != null && !caChallenges.isEmpty()) {
            ca.set("challenges", Nodes.array(caChallenges));
        }
        return Nodes.withUnknown(ca, Nodes.objectOrNull(source, "ca"), CA_KNOWN);
    }

    // --- withers -------------------------------------------------------------------------------

    /** With {@code state} (the deprecated EXPIRED becomes COMPLETE) and its description ({@code null}: no {@code state-descr}). */
    public MdJson withState(MdState state, String description) {
        Objects.requireNonNull(state, "state");
        return with(b -> {
            b.state = state == MdState.EXPIRED ? MdState.COMPLETE : state;
            b.stateDescr = description;
        });
    }

    /**
     * This document, keeping the keys mdj does not know from {@code previous}: for rewriting a
     * stored md.json from the configuration without losing what another program added.
     */
    public MdJson keepingUnknownKeysOf(MdJson previous) {
        return with(b -> b.source = previous.source);
    }

    /** With the account id in {@code ca.account} ({@code null} removes it). */
    public MdJson withCaAccount(String accountId) {
        return with(b -> b.caAccount = accountId);
    }

    /** With the effective CA in {@code ca.url} ({@code null} removes it). */
    public MdJson withCaUrl(String url) {
        return with(b -> b.caUrl = url);
    }

    /** With these domains; the first stays the MD name. */
    public MdJson withDomains(List<String> domains) {
        List<String> copy = List.copyOf(domains);
        return with(b -> b.domains = copy);
    }

    /** With these names in {@code proto["acme-tls/1"]}. */
    public MdJson withAcmeTls1(List<String> names) {
        List<String> copy = List.copyOf(names);
        return with(b -> b.acmeTls1 = copy);
    }

    private MdJson with(Consumer<Builder> change) {
        Builder b = new Builder(this);
        change.accept(b);
        return new MdJson(b);
    }

    // --- accessors -----------------------------------------------------------------------------

    public String name() {
        return name;
    }

    public List<String> domains() {
        return domains;
    }

    public List<String> contacts() {
        return contacts;
    }

    /** 1 when virtual host aliases join the MD automatically, 0 otherwise. */
    public int transitive() {
        return transitive;
    }

    public Optional<String> caAccount() {
        return Optional.ofNullable(caAccount);
    }

    public Optional<String> caProto() {
        return Optional.ofNullable(caProto);
    }

    /** The CA in use ({@code ca.url}). */
    public Optional<String> caUrl() {
        return Optional.ofNullable(caUrl);
    }

    /** The configured CAs ({@code ca.urls}), or the single {@code ca.url} of old files. */
    public List<String> caUrls() {
        return caUrls;
    }

    public Optional<String> caAgreement() {
        return Optional.ofNullable(caAgreement);
    }

    /** The configured challenge types; empty when none are configured. */
    public List<String> caChallenges() {
        return caChallenges == null ? List.of() : caChallenges;
    }

    /** The raw {@code privkey} member: absent, one object, or an array of objects. */
    public Optional<JsonNode> privkeyJson() {
        return Optional.ofNullable(privkey).map(JsonNode::deepCopy);
    }

    /**
     * The {@code privkey} member as key specs ({@code {"type":"Default"}} is
     * {@link KeySpecs#DEFAULT}).
     *
     * @throws IllegalArgumentException if a spec is not one mdj supports
     */
    public Optional<KeySpecs> keySpecs() {
        if (privkey == null) {
            return Optional.empty();
        }
        List<KeySpec> specs = new ArrayList<>();
        for (JsonNode spec : privkey.isArray() ? privkey : List.of(privkey)) {
            String type = Nodes.string(spec, "type");
            if (type == null || type.equalsIgnoreCase("Default")) {
                return Optional.of(KeySpecs.DEFAULT);
            }
            switch (type.toUpperCase(Locale.ROOT)) {
                case "RSA" -> {
                    int bits = Nodes.integer(spec, "bits");
                    specs.add(new KeySpec.Rsa(bits > 0 ? bits : KeySpec.Rsa.DEFAULT_BITS));
                }
                case "EC" -> specs.add(new KeySpec.Ec(Nodes.requiredString(spec, "curve", "md.json privkey")));
                default -> throw new IllegalArgumentException("md.json: unknown privkey type '" + type + "'");
            }
        }
        return Optional.of(new KeySpecs(specs));
    }

    public MdState state() {
        return state;
    }

    public Optional<String> stateDescr() {
        return Optional.ofNullable(stateDescr);
    }

    public RenewMode renewMode() {
        return renewMode;
    }

    public Optional<RenewWindow> renewWindow() {
        return Optional.ofNullable(renewWindow);
    }

    public Optional<RenewWindow> warnWindow() {
        return Optional.ofNullable(warnWindow);
    }

    public RequireHttps requireHttps() {
        return requireHttps;
    }

    public boolean mustStaple() {
        return mustStaple;
    }

    /** The names listed in {@code proto["acme-tls/1"]}. */
    public List<String> acmeTls1() {
        return acmeTls1;
    }

    public List<String> certFiles() {
        return certFiles == null ? List.of() : certFiles;
    }

    public List<String> pkeyFiles() {
        return pkeyFiles == null ? List.of() : pkeyFiles;
    }

    public boolean stapling() {
        return stapling;
    }

    public Optional<String> cmdDns01() {
        return Optional.ofNullable(cmdDns01);
    }

    public Optional<String> proxyUrl() {
        return Optional.ofNullable(proxyUrl);
    }

    public Optional<String> caCerts() {
        return Optional.ofNullable(caCerts);
    }

    public Optional<String> proxyCaCerts() {
        return Optional.ofNullable(proxyCaCerts);
    }

    public Optional<ExternalAccountBinding> eab() {
        return Optional.ofNullable(eab);
    }

    public Optional<String> profile() {
        return Optional.ofNullable(profile);
    }

    public boolean profileMandatory() {
        return profileMandatory;
    }

    public boolean ariRenewals() {
        return ariRenewals;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MdJson other && toJson().equals(other.toJson());
    }

    @Override
    public int hashCode() {
        return toJson().hashCode();
    }

    /** A summary for logs; never shows the EAB HMAC key. */
    @Override
    public String toString() {
        return "MdJson[name=" + name + ", domains=" + domains + ", state=" + state
                + (stateDescr == null ? "" : " (" + stateDescr + ")")
                + ", ca=" + (caUrl == null ? caUrls : caUrl)
                + (caAccount == null ? "" : ", account=" + caAccount)
                + (eab == null ? "" : ", eab=" + eab) + "]";
    }

    // --- helpers -------------------------------------------------------------------------------

    private static RenewMode renewModeOf(int value) {
        for (RenewMode mode : RenewMode.values()) {
            if (mode.jsonValue() == value) {
                return mode;
            }
        }
        throw new IllegalArgumentException("md.json: unknown renew-mode " + value);
    }

    /** A window given as a string; numbers (old format) and unreadable strings are ignored. */
    private static RenewWindow window(ObjectNode json, String key) {
        String text = Nodes.string(json, key);
        if (text == null) {
            return null;
        }
        try {
            return RenewWindow.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static RequireHttps requireHttpsOf(String text) {
        if ("temporary".equals(text)) {
            return RequireHttps.TEMPORARY;
        }
        if ("permanent".equals(text)) {
            return RequireHttps.PERMANENT;
        }
        return RequireHttps.OFF;
    }

    private static ExternalAccountBinding eabOf(ObjectNode eab) {
        if (eab == null) {
            return null;
        }
        String kid = Nodes.string(eab, "kid");
        if (kid == null || kid.equals("none")) {
            return null;
        }
        String hmac = Nodes.string(eab, "hmac");
        if (hmac == null) {
            throw new IllegalArgumentException("md.json: 'eab' has a 'kid' but no 'hmac'");
        }
        return new ExternalAccountBinding(kid, hmac);
    }

    /** One spec: an object; several: an array, as {@code md_pkeys_spec_to_json}. */
    private static JsonNode privkeyJson(KeySpecs specs) {
        if (specs == KeySpecs.DEFAULT) {
            ObjectNode node = Nodes.object();
            node.put("type", "Default");
            return node;
        }
        List<ObjectNode> nodes = specs.specs().stream().map(MdJson::specJson).toList();
        if (nodes.size() == 1) {
            return nodes.getFirst();
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        nodes.forEach(array::add);
        return array;
    }

    private static ObjectNode specJson(KeySpec spec) {
        ObjectNode node = Nodes.object();
        switch (spec) {
            case KeySpec.Rsa rsa -> {
                node.put("type", "RSA");
                node.put("bits", rsa.bits());
            }
            case KeySpec.Ec ec -> {
                node.put("type", "EC");
                node.put("curve", ec.curve());
            }
        }
        return node;
    }

    /** Without duplicates (ignoring case), as {@code md_array_str_compact}. */
    private static List<String> compact(List<String> values) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String value : values) {
            seen.putIfAbsent(value.toLowerCase(Locale.ROOT), value);
        }
        return List.copyOf(seen.values());
    }

    private static <T> String ownValue(Settings md, Settings defaults, Setting<T> setting,
            Function<? super T, String> format) {
        Optional<T> own = md.given(setting);
        if (own.isEmpty() || own.equals(defaults.given(setting))) {
            return null;
        }
        return format.apply(own.get());
    }

    private static final class Builder {
        ObjectNode source;
        String name;
        List<String> domains = List.of();
        List<String> contacts = List.of();
        int transitive;
        String caAccount;
        String caProto;
        String caUrl;
        List<String> caUrls = List.of();
        String caAgreement;
        List<String> caChallenges;
        JsonNode privkey;
        MdState state = MdState.UNKNOWN;
        String stateDescr;
        RenewMode renewMode = RenewMode.AUTO;
        RenewWindow renewWindow;
        RenewWindow warnWindow;
        RequireHttps requireHttps = RequireHttps.OFF;
        boolean mustStaple;
        List<String> acmeTls1 = List.of();
        List<String> certFiles;
        List<String> pkeyFiles;
        boolean stapling;
        String cmdDns01;
        String proxyUrl;
        String caCerts;
        String proxyCaCerts;
        ExternalAccountBinding eab;
        String profile;
        boolean profileMandatory;
        boolean ariRenewals;

        Builder() {
        }

        Builder(MdJson md) {
            source = md.source;
            name = md.name;
            domains = md.domains;
            contacts = md.contacts;
            transitive = md.transitive;
            caAccount = md.caAccount;
            caProto = md.caProto;
            caUrl = md.caUrl;
            caUrls = md.caUrls;
            caAgreement = md.caAgreement;
            caChallenges = md.caChallenges;
            privkey = md.privkey;
            state = md.state;
            stateDescr = md.stateDescr;
            renewMode = md.renewMode;
            renewWindow = md.renewWindow;
            warnWindow = md.warnWindow;
            requireHttps = md.requireHttps;
            mustStaple = md.mustStaple;
            acmeTls1 = md.acmeTls1;
            certFiles = md.certFiles;
            pkeyFiles = md.pkeyFiles;
            stapling = md.stapling;
            cmdDns01 = md.cmdDns01;
            proxyUrl = md.proxyUrl;
            caCerts = md.caCerts;
            proxyCaCerts = md.proxyCaCerts;
            eab = md.eab;
            profile = md.profile;
            profileMandatory = md.profileMandatory;
            ariRenewals = md.ariRenewals;
        }
    }
}
