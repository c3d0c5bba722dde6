package dev.mdj.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.pem.KeyPairs;
import dev.mdj.store.pem.SelfSignedCertificates;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeafCacheTest {

    private static final KeySpec EC = new KeySpec.Ec("secp256r1");
    private static final KeyPair KEY = KeyPairs.generate(EC);

    @TempDir
    Path dir;

    @Test
    void aCertificateIsParsedOncePerVersionOfItsFile() {
        FileStore store = FileStore.open(dir.resolve("md"));
        LeafCache cache = new LeafCache(store);
        X509Certificate first = certificate("first.example.org");
        X509Certificate second = certificate("second.example.org");

        assertThat(cache.leaf(StoreGroup.DOMAINS, "example.org", EC)).isEmpty();
        store.save(StoreGroup.DOMAINS, "example.org", Aspect.certificateChain(EC), List.of(first, second));
        LeafCache.Leaf read = cache.leaf(StoreGroup.DOMAINS, "example.org", EC).orElseThrow();
        assertThat(read.certificate()).isEqualTo(first);
        assertThat(read.info()).isEqualTo(CertificateInfo.of(first));
        assertThat(cache.leaf(StoreGroup.DOMAINS, "example.org", EC)).as("not parsed again").containsSame(read);

        store.save(StoreGroup.DOMAINS, "example.org", Aspect.certificateChain(EC), List.of(second));
        assertThat(cache.leaf(StoreGroup.DOMAINS, "example.org", EC)).as("a new file: read again").get()
                .extracting(LeafCache.Leaf::certificate).isEqualTo(second);
        store.remove(StoreGroup.DOMAINS, "example.org", Aspect.certificateChain(EC));
        assertThat(cache.leaf(StoreGroup.DOMAINS, "example.org", EC)).isEmpty();
        assertThat(cache.leaf(StoreGroup.STAGING, "example.org", EC)).isEmpty();
    }

    @Test
    void theFileVersionChangesWithEveryWrite() {
        FileStore store = FileStore.open(dir.resolve("md"));
        Aspect<List<X509Certificate>> chain = Aspect.certificateChain(EC);
        X509Certificate cert = certificate("example.org");

        assertThat(store.version(StoreGroup.DOMAINS, "example.org", chain)).isEmpty();
        store.save(StoreGroup.DOMAINS, "example.org", chain, List.of(cert));
        Object before = store.version(StoreGroup.DOMAINS, "example.org", chain).orElseThrow();
        assertThat(store.version(StoreGroup.DOMAINS, "example.org", chain)).contains(before);
        store.save(StoreGroup.DOMAINS, "example.org", chain, List.of(cert));
        assertThat(store.version(StoreGroup.DOMAINS, "example.org", chain)).isPresent().get().isNotEqualTo(before);
    }

    private static X509Certificate certificate(String name) {
        return SelfSignedCertificates.of(KEY, name, List.of(name), Instant.now(), Duration.ofDays(90)).create();
    }
}
