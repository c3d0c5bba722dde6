package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.mdj.acme.AcmeDriver;
import dev.mdj.md.ExternalAccountBinding;
import dev.mdj.md.KeySpec;
import dev.mdj.md.KeySpecs;
import dev.mdj.md.ManagedDomain;
import dev.mdj.md.MdSetting;
import dev.mdj.md.Settings;
import dev.mdj.renew.DriveException;
import dev.mdj.renew.DriveRun;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StagingActivation;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoredAccounts;
import dev.mdj.store.json.AccountJson;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.OrderJson;
import dev.mdj.testing.FreePorts;
import dev.mdj.testing.Http01ResponderServer;
import dev.mdj.testing.TlsAlpn01ResponderServer;
import dev.mdj.testing.PebbleExtension;
import dev.mdj.testing.PebbleServer;
import dev.mdj.testing.Pem;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import org.shredzone.acme4j.Session;
import org.shredzone.acme4j.connector.NetworkSettings;
import org.shredzone.acme4j.provider.GenericAcmeProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The ACME driver against a real Pebble: http-01 answered by {@link Http01ResponderServer} from
 * the store (as mod_md answers from its challenges directory), dns-01 through a script that
 * talks to pebble-challtestsrv, EAB and injected badNonce with Pebbles of their own.
 */
class AcmeDriverIT {

    private static final String EAB_KID = "kid-1";
    private static final String EAB_HMAC = "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W";

    @RegisterExtension
    static final PebbleExtension PEBBLE = new PebbleExtension();

    PebbleServer pebble;

    @TempDir
    Path dir;

    final List<String> progress = new CopyOnWriteArrayList<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void pebble() {
        pebble = PEBBLE.server();
    }

    // --- helpers -------------------------------------------------------------------------------

    static Settings settings(PebbleServer ca) {
        return Settings.empty()
                .with(MdSetting.CA_URLS, List.of(URI.create(ca.directoryUrl())))
                .with(MdSetting.CONTACT, "mailto:admin@example.org")
                .with(MdSetting.CA_AGREEMENT, "accepted")
                .with(MdSetting.CA_CERTIFICATE_FILE, Optional.of(ca.listenerCaFile()));
    }

    static ManagedDomain md(Settings settings, String... names) {
        return new ManagedDomain(names[0], List.of(names), settings, "test.conf:1");
    }

    DriveRun run(ManagedDomain md, FileStore store, List<String> types, Function<String, Boolean> veto) {
        return new DriveRun(md, store, Clock.systemUTC(), new DriveRun.Reachability(true, false, List.of()),
                types, 0, 0, progress::add, (event, name) -> {
                    events.add(event);
                    return veto.apply(event);
                });
    }

    DriveRun run(ManagedDomain md, FileStore store) {
        return run(md, store, List.of("http-01"), e -> true);
    }

    static void assertIssuedByPebble(PebbleServer ca, List<X509Certificate> chain, String... names) throws Exception {
        assertThat(chain).hasSizeGreaterThanOrEqualTo(2);
        X509Certificate leaf = chain.getFirst();
        List<String> sans = leaf.getSubjectAlternativeNames().stream().map(l -> (String) l.get(1)).toList();
        assertThat(sans).containsExactlyInAnyOrder(names);
        leaf.verify(chain.get(1).getPublicKey());
        chain.getLast().verify(ca.issuingRoot().getPublicKey());
    }

    static String text(FileStore store, StoreGroup group, String name, Aspect<?> aspect) throws Exception {
        return Files.readString(store.pathOf(group, name, aspect));
    }

    // --- scenarios -----------------------------------------------------------------------------

    @Test
    void http01NewAccountThenSecondMdReusesIt() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort())) {
            ManagedDomain md = md(settings(pebble), "test1.example.org", "www.test1.example.org");
            Instant before = Instant.now().minusSeconds(1);
            Instant ready = new AcmeDriver(1).drive(run(md, store));

            assertThat(ready).isAfterOrEqualTo(before);
            assertThat(store.fileNames(StoreGroup.STAGING, md.name())).containsExactlyInAnyOrder(
                    "account.json", "account.pem", "md.json", "privkey.pem", "pubcert.pem");
            assertThat(text(store, StoreGroup.STAGING, md.name(), Aspect.privateKey(new KeySpec.Rsa(2048))))
                    .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
            assertThat(text(store, StoreGroup.STAGING, md.name(), Aspect.ACCOUNT_KEY))
                    .startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----");
            assertIssuedByPebble(pebble, store.load(StoreGroup.STAGING, md.name(),
                    Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow(),
                    "test1.example.org", "www.test1.example.org");
            MdJson staged = MdJson.parse(store.load(StoreGroup.STAGING, md.name(), Aspect.MD_JSON).orElseThrow());
            assertThat(staged.caUrl()).contains(pebble.directoryUrl());
            assertThat(staged.caAccount()).isEmpty();
            AccountJson account = AccountJson.parse(store.load(StoreGroup.STAGING, md.name(), Aspect.ACCOUNT_JSON).orElseThrow());
            assertThat(account.caUrl()).isEqualTo(pebble.directoryUrl());
            assertThat(account.status()).contains("valid");
            assertThat(account.contacts()).containsExactly("mailto:admin@example.org");
            assertThat(account.registration().orElseThrow().get("key").get("kty").asString()).isEqualTo("RSA");
            assertThat(store.names(StoreGroup.CHALLENGES)).isEmpty();
            assertThat(events).containsExactlyInAnyOrder("challenge-setup:http-01:test1.example.org",
                    "challenge-setup:http-01:www.test1.example.org");
            assertThat(progress).contains("Creating new ACME account for test1.example.org", "Creating rsa CSR",
                    "Submitting rsa CSR to CA", "Waiting for finalized order to become valid",
                    "Retrieving rsa certificate chain for test1.example.org");
            assertThat(http.served()).isGreaterThanOrEqualTo(2);

            // a second run finds everything staged and does not contact the CA
            progress.clear();
            new AcmeDriver(1).drive(run(md, store));
            assertThat(progress).noneMatch(p -> p.startsWith("Contacting ACME server"));

            // the account moves to accounts/ on activation; another MD uses it
            String id = new StoredAccounts(store).add(account.withoutRegistration(),
                    store.load(StoreGroup.STAGING, md.name(), Aspect.ACCOUNT_KEY).orElseThrow());
            store.purge(StoreGroup.STAGING, md.name());
            progress.clear();
            ManagedDomain md2 = md(settings(pebble), "test2.example.org");
            new AcmeDriver(1).drive(run(md2, store));
            assertThat(progress).doesNotContain("Creating new ACME account for test2.example.org");
            assertThat(store.fileNames(StoreGroup.STAGING, md2.name())).containsExactlyInAnyOrder(
                    "md.json", "privkey.pem", "pubcert.pem");
            assertThat(MdJson.parse(store.load(StoreGroup.STAGING, md2.name(), Aspect.MD_JSON).orElseThrow()).caAccount())
                    .contains(id);
            assertThat(store.names(StoreGroup.ACCOUNTS)).containsExactly(id);

            // Pebble 2.4 has no renewalInfo: ARI falls back quietly, and renewing md2's live
            // certificate orders without `replaces`
            new StagingActivation(store).activate(md2.name());
            X509Certificate live = store.load(StoreGroup.DOMAINS, md2.name(),
                    Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow().getFirst();
            assertThat(new AcmeDriver(1).renewalInfo(md2, live)).isEmpty();
            progress.clear();
            new AcmeDriver(1).drive(run(md2, store));
            assertThat(progress).contains("Creating new order, key-spec=default, profile=none, replacing-cert=none");
            X509Certificate renewed = store.load(StoreGroup.STAGING, md2.name(),
                    Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow().getFirst();
            assertThat(renewed.getSerialNumber()).isNotEqualTo(live.getSerialNumber());
        }
    }

    @Test
    void anAccountTheCaDeactivatedIsMarkedAndANewOneRegistered() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort())) {
            ManagedDomain md = md(settings(pebble), "deact.example.org");
            new AcmeDriver(1).drive(run(md, store));
            AccountJson old = AccountJson.parse(store.load(StoreGroup.STAGING, md.name(), Aspect.ACCOUNT_JSON).orElseThrow());
            PrivateKey oldKey = store.load(StoreGroup.STAGING, md.name(), Aspect.ACCOUNT_KEY).orElseThrow();
            String id = new StoredAccounts(store).add(old.withoutRegistration(), oldKey);
            store.purge(StoreGroup.STAGING, md.name());
            deactivate(pebble, old.url(), oldKey);

            progress.clear();
            new AcmeDriver(1).drive(run(md, store));

            assertThat(progress).contains("Creating new ACME account for deact.example.org");
            assertThat(AccountJson.parse(store.load(StoreGroup.ACCOUNTS, id, Aspect.ACCOUNT_JSON).orElseThrow()).status())
                    .as("marked non-valid, as mod_md does").isEmpty();
            AccountJson fresh = AccountJson.parse(store.load(StoreGroup.STAGING, md.name(), Aspect.ACCOUNT_JSON).orElseThrow());
            assertThat(fresh.url()).isNotEqualTo(old.url());
            assertIssuedByPebble(pebble, store.load(StoreGroup.STAGING, md.name(),
                    Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow(), "deact.example.org");
        }
    }

    /** Deactivates an account at {@code ca} with acme4j itself, as the CA's admin or a user could. */
    static void deactivate(PebbleServer ca, String accountUrl, PrivateKey key) throws Exception {
        SSLContext trust = dev.mdj.testing.TestTls.trusting(Pem.readCertificates(ca.listenerCaFile()).getFirst());
        Session session = new Session(URI.create(ca.directoryUrl()), new GenericAcmeProvider() {
            @Override
            public HttpClient createHttpClient(NetworkSettings settings) {
                return HttpClient.newBuilder().sslContext(trust).build();
            }
        });
        RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key;
        PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        session.login(URI.create(accountUrl).toURL(), new KeyPair(pub, key)).getAccount().deactivate();
    }

    @Test
    void accountStagedForAnotherMdIsReused() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort())) {
            new AcmeDriver(1).drive(run(md(settings(pebble), "one.example.org"), store));
            String url = AccountJson.parse(store.load(StoreGroup.STAGING, "one.example.org", Aspect.ACCOUNT_JSON)
                    .orElseThrow()).url();
            progress.clear();
            new AcmeDriver(1).drive(run(md(settings(pebble), "two.example.org"), store));
            assertThat(progress).doesNotContain("Creating new ACME account for two.example.org");
            assertThat(AccountJson.parse(store.load(StoreGroup.STAGING, "two.example.org", Aspect.ACCOUNT_JSON)
                    .orElseThrow()).url()).isEqualTo(url);
        }
    }

    @Test
    void twoKeyTypesGiveTwoOrdersAndTwoCertificates() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        KeySpec ec = new KeySpec.Ec("secp256r1");
        KeySpec rsa = new KeySpec.Rsa(2048);
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort())) {
            ManagedDomain md = md(settings(pebble).with(MdSetting.PRIVATE_KEYS, new KeySpecs(List.of(ec, rsa))),
                    "keys.example.org", "www.keys.example.org");
            new AcmeDriver(1).drive(run(md, store));
            assertThat(store.fileNames(StoreGroup.STAGING, md.name())).contains("privkey.secp256r1.pem",
                    "pubcert.secp256r1.pem", "privkey.pem", "pubcert.pem").doesNotContain("order.json");
            List<X509Certificate> ecChain = store.load(StoreGroup.STAGING, md.name(), Aspect.certificateChain(ec)).orElseThrow();
            List<X509Certificate> rsaChain = store.load(StoreGroup.STAGING, md.name(), Aspect.certificateChain(rsa)).orElseThrow();
            assertIssuedByPebble(pebble, ecChain, "keys.example.org", "www.keys.example.org");
            assertIssuedByPebble(pebble, rsaChain, "keys.example.org", "www.keys.example.org");
            assertThat(ecChain.getFirst().getPublicKey().getAlgorithm()).isEqualTo("EC");
            assertThat(rsaChain.getFirst().getPublicKey().getAlgorithm()).isEqualTo("RSA");
            assertThat(progress.stream().filter(p -> p.startsWith("Creating new order"))).hasSize(2);
            assertThat(progress).contains("Creating secp256r1 CSR", "Creating rsa CSR");
        }
    }

    @Test
    void dns01WithWildcardThroughAScript() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        Path log = dir.resolve("dns.log");
        Path script = dir.resolve("dns01.sh");
        Files.writeString(script, """
                #!/bin/sh
                echo "$@" >> '%s'
                case "$1" in
                  setup) exec curl -sf -X POST -d "{\\"host\\":\\"_acme-challenge.$2.\\",\\"value\\":\\"$3\\"}" '%s/set-txt' ;;
                  teardown) exec curl -sf -X POST -d "{\\"host\\":\\"_acme-challenge.$2.\\"}" '%s/clear-txt' ;;
                esac
                exit 2
                """.formatted(log, pebble.challengeServerManagementUrl(), pebble.challengeServerManagementUrl()));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        ManagedDomain md = md(settings(pebble).with(MdSetting.DNS01_COMMAND, script.toString()),
                "wild.example", "*.wild.example");
        new AcmeDriver(2).drive(run(md, store, List.of("dns-01"), e -> true));

        assertIssuedByPebble(pebble, store.load(StoreGroup.STAGING, md.name(),
                Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow(), "wild.example", "*.wild.example");
        List<String> calls = Files.readAllLines(log);
        assertThat(calls).hasSize(4);
        assertThat(calls.stream().filter(c -> c.startsWith("setup wild.example "))).hasSize(2);
        // version 2: teardown gets the token as well
        assertThat(calls.stream().filter(c -> c.matches("teardown wild\\.example [A-Za-z0-9_-]{43}"))).hasSize(2);
        assertThat(events).containsExactly("challenge-setup:dns-01:wild.example", "challenge-setup:dns-01:wild.example");
    }

    @Test
    void resumesTheOrderOfAnInterruptedRun() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort())) {
            ManagedDomain md = md(settings(pebble), "resume.example.org", "www.resume.example.org");
            // the first run stops after the order was created: every challenge setup is vetoed
            assertThatThrownBy(() -> new AcmeDriver(1).drive(run(md, store, List.of("http-01"), e -> false)))
                    .isInstanceOfSatisfying(DriveException.class, e -> {
                        assertThat(e.problem()).contains("challenge-setup-failure");
                        assertThat(e.detail()).contains("None of the offered challenge types for domain");
                    });
            OrderJson order = OrderJson.parse(store.load(StoreGroup.STAGING, md.name(), Aspect.ORDER_JSON).orElseThrow());
            assertThat(order.url()).startsWith("https://localhost:");
            assertThat(order.status()).isEqualTo("pending");
            assertThat(order.authorizations()).hasSize(2);
            assertThat(order.challengeSetups()).isEmpty();
            assertThat(order.finalizeUrl()).isNotNull();
            String accountUrl = AccountJson.parse(store.load(StoreGroup.STAGING, md.name(), Aspect.ACCOUNT_JSON)
                    .orElseThrow()).url();
            assertThat(store.names(StoreGroup.CHALLENGES)).isEmpty();

            progress.clear();
            new AcmeDriver(1).drive(run(md, store));
            assertThat(progress).contains("Resuming order for resume.example.org")
                    .noneMatch(p -> p.startsWith("Creating new order") || p.startsWith("Creating new ACME account"));
            assertThat(AccountJson.parse(store.load(StoreGroup.STAGING, md.name(), Aspect.ACCOUNT_JSON)
                    .orElseThrow()).url()).isEqualTo(accountUrl);
            assertThat(store.exists(StoreGroup.STAGING, md.name(), Aspect.ORDER_JSON)).isFalse();
            assertIssuedByPebble(pebble, store.load(StoreGroup.STAGING, md.name(),
                    Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow(),
                    "resume.example.org", "www.resume.example.org");
        }
    }

    @Test
    void challengeMismatch() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        ManagedDomain md = md(settings(pebble), "mismatch.example.org");
        assertThatThrownBy(() -> new AcmeDriver(1).drive(run(md, store, List.of("foo-01"), e -> true)))
                .isInstanceOfSatisfying(DriveException.class, e -> {
                    assertThat(e.problem()).contains("challenge-mismatch");
                    assertThat(e.detail()).startsWith("None of offered challenge types for domain mismatch.example.org "
                            + "are supported. The server offered '").endsWith("' and available are: 'foo-01'.");
                });
    }

    @Test
    void tlsAlpn01AnsweredWithTheChallengeCertificate() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        ManagedDomain md = md(settings(pebble), "alpn.example.org", "www.alpn.example.org");
        DriveRun run = new DriveRun(md, store, Clock.systemUTC(),
                new DriveRun.Reachability(false, true, md.domains()), List.of("tls-alpn-01"), 0, 0,
                progress::add, (event, name) -> {
                    events.add(event);
                    return true;
                });
        try (TlsAlpn01ResponderServer tls = TlsAlpn01ResponderServer.start(store, pebble.tlsPort(),
                List.of(new KeySpec.Rsa(2048)))) {
            new AcmeDriver(1).drive(run);
            assertThat(tls.served()).as("validation handshakes").isGreaterThanOrEqualTo(2);
        }
        assertIssuedByPebble(pebble, store.load(StoreGroup.STAGING, md.name(),
                Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow(), "alpn.example.org", "www.alpn.example.org");
        assertThat(events).containsExactlyInAnyOrder("challenge-setup:tls-alpn-01:alpn.example.org",
                "challenge-setup:tls-alpn-01:www.alpn.example.org");
        assertThat(store.names(StoreGroup.CHALLENGES)).as("challenge certificates removed").isEmpty();
    }

    /** Debian's Pebble 2.4 offers no profiles: a mandatory one fails clearly, an optional one is left out. */
    @Test
    void aProfileTheCaDoesNotOfferFailsOnlyWhenMandatory() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        ManagedDomain mandatory = md(settings(pebble).with(MdSetting.PROFILE, "shortlived")
                .with(MdSetting.PROFILE_MANDATORY, true), "profile.example.org");
        assertThatThrownBy(() -> new AcmeDriver(1).drive(run(mandatory, store)))
                .isInstanceOfSatisfying(DriveException.class, e -> assertThat(e.detail())
                        .contains("the CA does not offer the profile 'shortlived' and MDProfileMandatory is on"));
        assertThat(store.exists(StoreGroup.STAGING, "profile.example.org", Aspect.certificateChain(new KeySpec.Rsa(2048))))
                .isFalse();

        ManagedDomain optional = md(settings(pebble).with(MdSetting.PROFILE, "shortlived"), "profile2.example.org");
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort())) {
            new AcmeDriver(1).drive(run(optional, store));
        }
        assertThat(store.exists(StoreGroup.STAGING, "profile2.example.org", Aspect.certificateChain(new KeySpec.Rsa(2048))))
                .isTrue();
        assertThat(progress).anyMatch(p -> p.startsWith("Creating new order, key-spec=default, profile=shortlived"));
    }

    @Test
    void missingContactAndAgreementAreReportedBeforeRegistering() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        ManagedDomain noContact = md(Settings.empty()
                .with(MdSetting.CA_URLS, List.of(URI.create(pebble.directoryUrl())))
                .with(MdSetting.CA_AGREEMENT, "accepted")
                .with(MdSetting.CA_CERTIFICATE_FILE, Optional.of(pebble.listenerCaFile())), "nc.example.org");
        assertThatThrownBy(() -> new AcmeDriver(1).drive(run(noContact, store)))
                .isInstanceOfSatisfying(DriveException.class, e -> assertThat(e.detail()).isEqualTo(
                        "No contact information is available for MD nc.example.org. Configure one using the "
                                + "MDContactEmail or ServerAdmin directive."));
        ManagedDomain noAgreement = md(Settings.empty()
                .with(MdSetting.CA_URLS, List.of(URI.create(pebble.directoryUrl())))
                .with(MdSetting.CONTACT, "mailto:a@example.org")
                .with(MdSetting.CA_CERTIFICATE_FILE, Optional.of(pebble.listenerCaFile())), "na.example.org");
        assertThatThrownBy(() -> new AcmeDriver(1).preflight(run(noAgreement, store)))
                .isInstanceOfSatisfying(DriveException.class, e -> assertThat(e.detail())
                        .contains("\"MDCertificateAgreement accepted\""));
    }

    @Test
    void untrustedCaIsAConnectionError() throws Exception {
        FileStore store = FileStore.open(dir.resolve("md"));
        ManagedDomain md = md(settings(pebble).with(MdSetting.CA_CERTIFICATE_FILE, Optional.of(pebble.issuingRootFile())),
                "trust.example.org");
        assertThatThrownBy(() -> new AcmeDriver(1).drive(run(md, store)))
                .isInstanceOfSatisfying(DriveException.class, e -> assertThat(e.status()).isEqualTo(103));
    }

    @Test
    void externalAccountBinding() throws Exception {
        try (PebbleServer eabCa = PebbleServer.start(dir.resolve("pebble-eab"), FreePorts.find(), FreePorts.find(),
                PebbleServer.Options.DEFAULT.withEab(Map.of(EAB_KID, EAB_HMAC)))) {
            FileStore store = FileStore.open(dir.resolve("md"));
            try (Http01ResponderServer http = Http01ResponderServer.start(store, eabCa.httpPort())) {
                // none configured
                assertThatThrownBy(() -> new AcmeDriver(1).drive(run(md(settings(eabCa), "none.example.org"), store)))
                        .isInstanceOfSatisfying(DriveException.class, e -> {
                            assertThat(e.problem()).contains("urn:ietf:params:acme:error:externalAccountRequired");
                            assertThat(e.status()).isEqualTo(22);
                        });
                // wrong hmac
                ManagedDomain wrong = md(settings(eabCa).with(MdSetting.EAB,
                        Optional.of(new ExternalAccountBinding(EAB_KID, "AAAA" + EAB_HMAC.substring(4)))), "wrong.example.org");
                assertThatThrownBy(() -> new AcmeDriver(1).drive(run(wrong, store)))
                        .isInstanceOfSatisfying(DriveException.class, e -> {
                            assertThat(e.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("urn:ietf:params:acme:error:"));
                            assertThat(e.detail()).isNotBlank();
                        });
                // right
                ManagedDomain right = md(settings(eabCa).with(MdSetting.EAB,
                        Optional.of(new ExternalAccountBinding(EAB_KID, EAB_HMAC))), "eab.example.org");
                new AcmeDriver(1).drive(run(right, store));
                AccountJson account = AccountJson.parse(store.load(StoreGroup.STAGING, right.name(), Aspect.ACCOUNT_JSON)
                        .orElseThrow());
                assertThat(account.eab()).contains(new ExternalAccountBinding(EAB_KID, EAB_HMAC));
                assertIssuedByPebble(eabCa, store.load(StoreGroup.STAGING, right.name(),
                        Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow(), "eab.example.org");
            }
        }
    }

    @Test
    void badNoncesAreRetried() throws Exception {
        try (PebbleServer noisy = PebbleServer.start(dir.resolve("pebble-nonce"), FreePorts.find(), FreePorts.find(),
                PebbleServer.Options.DEFAULT.withEnv("PEBBLE_WFE_NONCEREJECT", "50"))) {
            FileStore store = FileStore.open(dir.resolve("md"));
            try (Http01ResponderServer http = Http01ResponderServer.start(store, noisy.httpPort())) {
                ManagedDomain md = md(settings(noisy), "nonce.example.org", "www.nonce.example.org");
                Logger connection = (Logger) LoggerFactory.getLogger("org.shredzone.acme4j.connector.DefaultConnection");
                ListAppender<ILoggingEvent> log = new ListAppender<>();
                log.start();
                Level level = connection.getLevel();
                connection.setLevel(Level.INFO);
                connection.addAppender(log);
                try {
                    new AcmeDriver(1).drive(run(md, store));
                } finally {
                    connection.detachAppender(log);
                    connection.setLevel(level);
                }
                assertThat(log.list).as("acme4j's retries of rejected nonces")
                        .filteredOn(e -> e.getFormattedMessage().startsWith("Bad Replay Nonce, trying again"))
                        .hasSizeGreaterThanOrEqualTo(3);
                assertIssuedByPebble(noisy, store.load(StoreGroup.STAGING, md.name(),
                        Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow(),
                        "nonce.example.org", "www.nonce.example.org");
            }
        }
    }
}
