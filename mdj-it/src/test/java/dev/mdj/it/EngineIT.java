package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.config.ConfigReader;
import dev.mdj.config.Configuration;
import dev.mdj.config.ParseOptions;
import dev.mdj.engine.Engine;
import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.store.json.MdJson;
import dev.mdj.store.json.MdState;
import dev.mdj.testing.FreePorts;
import dev.mdj.testing.Http01ResponderServer;
import dev.mdj.testing.PebbleExtension;
import dev.mdj.testing.PebbleServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole engine from a configuration file against a real Pebble: the watchdog finds the
 * managed domains without certificates, the ACME driver gets them (http-01 answered from the
 * store), and the new sets go live at once, with MDMessageCmd told as mod_md tells it.
 */
class EngineIT {

    @RegisterExtension
    static final PebbleExtension PEBBLE = new PebbleExtension();

    @TempDir
    Path dir;

    PebbleServer pebble;

    @BeforeEach
    void pebble() {
        pebble = PEBBLE.server();
    }

    private Configuration configuration(String domains) throws Exception {
        Path events = dir.resolve("events.log");
        Path script = Files.writeString(dir.resolve("message-cmd.sh"),
                "#!/bin/sh\necho \"$@\" >> '" + events + "'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = Files.writeString(dir.resolve("mdj.conf"),
                PebbleConfig.lines(pebble) + "MDMessageCmd " + script + "\n" + domains);
        return ConfigReader.read(conf, ParseOptions.defaults().withServerRoot(dir));
    }

    @Test
    void aManagedDomainIsCertifiedAndActivatedWithoutARestart() throws Exception {
        Configuration config = configuration("MDomain test1.example.org www.test1.example.org\n"
                + PebbleConfig.vhost("test1.example.org", "www.test1.example.org"));
        FileStore store = FileStore.open(dir.resolve("md"));
        CountDownLatch activated = new CountDownLatch(1);
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort());
                Engine engine = Engine.builder().configuration(config).listener(md -> activated.countDown())
                        .build().start()) {
            assertThat(activated.await(60, TimeUnit.SECONDS)).as("activated; pebble log:%n%s", pebble.logs()).isTrue();
        }

        List<X509Certificate> chain = store.load(StoreGroup.DOMAINS, "test1.example.org",
                Aspect.certificateChain(new KeySpec.Rsa(2048))).orElseThrow();
        chain.getLast().verify(pebble.issuingRoot().getPublicKey());
        MdJson md = MdJson.parse(store.load(StoreGroup.DOMAINS, "test1.example.org", Aspect.MD_JSON).orElseThrow());
        assertThat(md.state()).isEqualTo(MdState.COMPLETE);
        assertThat(md.caAccount()).contains("ACME-localhost-0000");
        assertThat(store.names(StoreGroup.STAGING)).isEmpty();
        assertThat(store.names(StoreGroup.ACCOUNTS)).containsExactly("ACME-localhost-0000");
        // the event sequence of the captured mod_md run (e-events), challenge-setup per name in CA order
        List<String> events = Files.readAllLines(dir.resolve("events.log"));
        assertThat(events.getFirst()).isEqualTo("renewing test1.example.org");
        assertThat(events.subList(1, 3)).containsExactlyInAnyOrder(
                "challenge-setup:http-01:test1.example.org test1.example.org",
                "challenge-setup:http-01:www.test1.example.org test1.example.org");
        assertThat(events.subList(3, events.size()))
                .containsExactly("renewed test1.example.org", "installed test1.example.org");
        List<String> log = JobJson.parse(store.load(StoreGroup.DOMAINS, "test1.example.org", Aspect.JOB_JSON)
                .orElseThrow()).log().stream().map(JobLogEntry::type).toList();
        assertThat(log).contains("message-installed", "message-renewed", "finished", "starting",
                "message-renewing");
    }

    @Test
    void fiftyManagedDomainsRenewInParallel() throws Exception {
        int count = 50;
        StringBuilder domains = new StringBuilder();
        IntStream.rangeClosed(1, count).forEach(i -> {
            String name = "d%02d.example.org".formatted(i);
            domains.append("MDomain ").append(name).append('\n').append(PebbleConfig.vhost(name));
        });
        Configuration config = configuration(domains.toString());
        FileStore store = FileStore.open(dir.resolve("md"));
        Set<String> done = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(count);
        long start = System.nanoTime();
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort());
                Engine engine = Engine.builder().configuration(config)
                        .listener(md -> {
                            if (done.add(md)) {
                                all.countDown();
                            }
                        }).build().start()) {
            assertThat(all.await(120, TimeUnit.SECONDS)).as("all %d activated, done: %s", count, done.size()).isTrue();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("EngineIT: %d managed domains from start to all certificates live: %.2f s%n",
                count, took.toMillis() / 1000.0);
        assertThat(store.names(StoreGroup.DOMAINS)).hasSize(count);
        assertThat(store.names(StoreGroup.ACCOUNTS)).as("one account for all, reused").hasSize(1);
    }

    @Test
    void whenTheFirstCaIsDownTheCertificateComesFromTheNextAfterMdRetryFailover() throws Exception {
        int deadPort = FreePorts.find();
        // Later lines win: the CA list puts a dead CA first.
        Path conf = Files.writeString(dir.resolve("failover.conf"), PebbleConfig.lines(pebble) + """
                MDCertificateAuthority https://127.0.0.1:%d/dir %s
                MDRetryDelay 1s
                MDRetryFailover 1
                MDomain failover.example.org
                """.formatted(deadPort, pebble.directoryUrl()) + PebbleConfig.vhost("failover.example.org"));
        Configuration config = ConfigReader.read(conf, ParseOptions.defaults().withServerRoot(dir));
        FileStore store = FileStore.open(dir.resolve("md"));
        CountDownLatch activated = new CountDownLatch(1);
        try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort());
                Engine engine = Engine.builder().configuration(config).listener(md -> activated.countDown())
                        .build().start()) {
            assertThat(activated.await(60, TimeUnit.SECONDS)).as("activated from the second CA").isTrue();
        }
        MdJson md = MdJson.parse(store.load(StoreGroup.DOMAINS, "failover.example.org", Aspect.MD_JSON).orElseThrow());
        assertThat(md.caUrl()).contains(pebble.directoryUrl());
        List<String> log = JobJson.parse(store.load(StoreGroup.DOMAINS, "failover.example.org", Aspect.JOB_JSON)
                .orElseThrow()).log().stream().map(JobLogEntry::type).toList();
        assertThat(log).contains("renewal-error", "message-errored", "finished");
    }
}
