package dev.mdj.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.testing.FreePorts;
import dev.mdj.testing.Http01ResponderServer;
import dev.mdj.testing.PebbleServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mdj renew} from the built jar, against a real Pebble. */
class RenewCommandIT {

    @TempDir
    Path dir;

    @Test
    void renewGetsAndActivatesCertificatesAndPlanThenSeesThemComplete() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), FreePorts.find(), FreePorts.find())) {
            Path conf = Files.writeString(dir.resolve("mdj.conf"), PebbleConfig.lines(pebble)
                    + "MDomain a.example.org www.a.example.org\nMDomain b.example.org\n"
                    + PebbleConfig.vhost("a.example.org") + PebbleConfig.vhost("b.example.org"));
            FileStore store = FileStore.open(dir.resolve("md"));
            try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort())) {
                String renew = MdjJar.run("renew", "-f", conf.toString());
                assertThat(renew).startsWith("0\n").contains("a.example.org: renewed and activated")
                        .contains("b.example.org: Submitting rsa CSR to CA")
                        .contains("b.example.org: renewed and activated").contains("2 renewed, 0 failed");
            }
            assertThat(store.load(StoreGroup.DOMAINS, "a.example.org", Aspect.certificateChain(new KeySpec.Rsa(2048))))
                    .isPresent();
            String plan = MdjJar.run("plan", "-f", conf.toString());
            assertThat(plan).startsWith("0\n").contains("state:     complete").doesNotContain("incomplete");
            assertThat(MdjJar.run("store", "verify", "-f", conf.toString())).startsWith("0\nstore OK: 2 managed domains");
        }
    }

    /**
     * SIGKILL in the middle of an order: the next run resumes the same order with the same
     * account. The kill comes while MDMessageCmd is busy with challenge-setup (the answer is
     * published, the CA not yet told), so the order and the new account are in staging.
     */
    @Test
    void aRunKilledInTheMiddleOfAnOrderIsResumedWithoutANewAccountOrOrder() throws Exception {
        try (PebbleServer pebble = PebbleServer.start(dir.resolve("pebble"), FreePorts.find(), FreePorts.find())) {
            Path hold = dir.resolve("hold");
            Files.createFile(hold);
            Path script = Files.writeString(dir.resolve("message-cmd.sh"),
                    "#!/bin/sh\ncase \"$1\" in challenge-setup:*) while [ -e '" + hold + "' ]; do sleep 0.1; done;; esac\n");
            Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            Path conf = Files.writeString(dir.resolve("mdj.conf"), PebbleConfig.lines(pebble)
                    + "MDMessageCmd " + script + "\nMDomain killed.example.org\n"
                    + PebbleConfig.vhost("killed.example.org"));
            FileStore store = FileStore.open(dir.resolve("md"));
            try (Http01ResponderServer http = Http01ResponderServer.start(store, pebble.httpPort())) {
                Process first = new ProcessBuilder(MdjJar.command("renew", "-f", conf.toString()))
                        .redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
                Path order = store.pathOf(StoreGroup.STAGING, "killed.example.org", Aspect.ORDER_JSON);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!Files.exists(order) || !Files.readString(order).contains("challenge-setups")) {
                    assertThat(System.nanoTime()).as("order.json with a challenge set up").isLessThan(deadline);
                    Thread.sleep(50);
                }
                String orderUrl = dev.mdj.store.json.OrderJson.parse(dev.mdj.store.json.JsonFiles.readObject(
                        Files.readString(order))).url();
                first.descendants().forEach(ProcessHandle::destroyForcibly);
                first.destroyForcibly();
                assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
                String accountUrl = dev.mdj.store.json.AccountJson.parse(store.load(StoreGroup.STAGING,
                        "killed.example.org", Aspect.ACCOUNT_JSON).orElseThrow()).url();
                Files.delete(hold);

                String second = MdjJar.run("renew", "-f", conf.toString());

                assertThat(second).startsWith("0\n").contains("killed.example.org: renewed and activated");
                assertThat(dev.mdj.store.json.AccountJson.parse(store.load(StoreGroup.ACCOUNTS,
                        "ACME-localhost-0000", Aspect.ACCOUNT_JSON).orElseThrow()).url()).isEqualTo(accountUrl);
                String pebbleLog = Files.readString(pebble.pebbleLog());
                assertThat(pebbleLog.lines().filter(l -> l.contains("POST /order-plz")).count())
                        .as("one order only (%s); pebble log:%n%s", orderUrl, pebbleLog).isEqualTo(1);
                assertThat(pebbleLog.lines().filter(l -> l.contains("POST /sign-me-up")).count())
                        .as("one account only").isEqualTo(1);
            }
        }
    }
}
