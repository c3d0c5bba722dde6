package dev.mdj.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JobJson;
import dev.mdj.store.json.JobLogEntry;
import dev.mdj.store.json.JobResult;
import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.SelfSignedCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/** mdj status: md-status from the configuration and the store, without a server. */
class StatusCommandTest {

    private static final KeySpec RSA = new KeySpec.Rsa(2048);

    @TempDir
    Path dir;

    private final CommandRun run = new CommandRun();

    private Path config(Path store) throws IOException {
        return Files.writeString(dir.resolve("mdj.conf"), """
                Listen 80
                MDStoreDir %s
                MDCertificateAuthority https://localhost:14000/dir
                MDomain example.org www.example.org
                MDomain failing.example.org
                <VirtualHost *:443>
                    ServerName example.org
                    ServerAlias www.example.org
                    SSLEngine on
                </VirtualHost>
                <VirtualHost *:443>
                    ServerName failing.example.org
                    SSLEngine on
                </VirtualHost>
                """.formatted(store));
    }

    /** example.org with a certificate valid for 20 more days (inside its renew window); failing.example.org with a staged job that failed twice. */
    private Instant writeStore(Path storeDir) {
        FileStore store = FileStore.open(storeDir);
        Instant from = Instant.now().minus(Duration.ofDays(70)).truncatedTo(ChronoUnit.SECONDS);
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.certificateChain(RSA), List.of(SelfSignedCertificates.of(
                KeyPairs.generate(RSA), "example.org", List.of("example.org", "www.example.org"), from, Duration.ofDays(90))
                .create()));
        store.save(StoreGroup.STAGING, "failing.example.org", Aspect.JOB_JSON, JobJson.of("failing.example.org")
                .withErrors(2)
                .withLast(JobResult.of(1, null, "urn:ietf:params:acme:error:rejectedIdentifier",
                        "the CA will not issue for this name", null, null, null))
                .withLogEntry(JobLogEntry.of(Instant.now(), "renewal-error", null, "rejected")).toJson());
        return from.plus(Duration.ofDays(90));
    }

    @Test
    void aTableWithStateKeysExpiryRenewalAndLastError() throws IOException {
        Path storeDir = dir.resolve("md");
        writeStore(storeDir);

        assertThat(run.mdj("status", "-f", config(storeDir).toString())).isZero();

        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).startsWith("MD ").contains("STATE", "KEYS", "VALID UNTIL", "RENEW AT", "LAST ERROR");
        assertThat(lines.get(1)).startsWith("example.org ").contains(" complete ", " rsa ", "(in 19 days)", " due ")
                .endsWith(" -");
        assertThat(lines.get(2)).startsWith("failing.example.org ").contains(" incomplete ")
                .endsWith("2 errors: urn:ietf:params:acme:error:rejectedIdentifier: the CA will not issue for this name");
        assertThat(lines).hasSize(3);
    }

    @Test
    void jsonIsTheMdStatusDocumentAndWithAnMdItsOwnWithTheLog() throws IOException {
        Path storeDir = dir.resolve("md");
        Instant until = writeStore(storeDir);
        Path conf = config(storeDir);

        assertThat(run.mdj("status", "--json", "-f", conf.toString())).isZero();
        ObjectNode all = JsonFiles.readObject(run.out());
        assertThat(all.get("version").asString()).isEqualTo("2.6.10");
        assertThat(all.get("managed-domains")).hasSize(2);
        assertThat(all.get("managed-domains").get(0).get("cert").get("valid").get("until").asString())
                .isEqualTo(dev.mdj.store.json.StoreTime.format(until));
        assertThat(all.get("managed-domains").get(1).get("renewal").has("log")).as("no log in the list").isFalse();

        run.clearOut();
        assertThat(run.mdj("status", "--json", "-f", conf.toString(), "failing.example.org")).isZero();
        ObjectNode one = JsonFiles.readObject(run.out());
        assertThat(one.get("name").asString()).isEqualTo("failing.example.org");
        assertThat(one.get("renewal").get("errors").asInt()).isEqualTo(2);
        assertThat(one.get("renewal").get("log").get("entries")).hasSize(1);
    }

    @Test
    void aNameOfTheMdFindsItAndAnUnknownOneIsAnError() throws IOException {
        Path storeDir = dir.resolve("md");
        writeStore(storeDir);
        Path conf = config(storeDir);

        assertThat(run.mdj("status", "-f", conf.toString(), "www.example.org")).isZero();
        assertThat(run.out().lines()).hasSize(2).element(1).asString().startsWith("example.org ");
        assertThat(run.mdj("status", "-f", conf.toString(), "other.example.org")).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("other.example.org");
    }

    @Test
    void storeOptionAndNoStoreAtAll() throws IOException {
        Path elsewhere = dir.resolve("elsewhere");
        writeStore(elsewhere);
        Path conf = config(dir.resolve("md"));

        assertThat(run.mdj("status", "-f", conf.toString())).isZero();
        assertThat(run.out()).contains("example.org ").doesNotContain(" complete ");
        assertThat(dir.resolve("md")).as("status creates no store").doesNotExist();

        run.clearOut();
        assertThat(run.mdj("status", "-f", conf.toString(), "--store", elsewhere.toString())).isZero();
        assertThat(run.out()).contains(" complete ");
    }
}
