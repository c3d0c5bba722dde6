package dev.mdj.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mdj.store.Aspect;
import dev.mdj.store.Store;
import dev.mdj.store.StoreException;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.StoreLock;
import dev.mdj.store.json.JsonFiles;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@link Store} contract, run against every implementation, so that unit tests using the
 * {@link MemoryStore} see the same behaviour as the file store in production.
 */
abstract class StoreContractTest {

    /** A new, empty store. */
    abstract Store newStore();

    private static ObjectNode json(int generation) {
        return JsonFiles.readObject("{\"gen\": " + generation + "}");
    }

    private static int generation(Store store, StoreGroup group, String name) {
        return store.load(group, name, Aspect.MD_JSON).orElseThrow().get("gen").asInt();
    }

    @Test
    void whatIsSavedLoadsAndWhatIsNotIsEmpty() {
        Store store = newStore();
        store.save(StoreGroup.DOMAINS, "a.example", Aspect.MD_JSON, json(1));

        assertThat(generation(store, StoreGroup.DOMAINS, "a.example")).isEqualTo(1);
        assertThat(store.exists(StoreGroup.DOMAINS, "a.example", Aspect.MD_JSON)).isTrue();
        assertThat(store.load(StoreGroup.DOMAINS, "a.example", Aspect.JOB_JSON)).isEmpty();
        assertThat(store.load(StoreGroup.STAGING, "a.example", Aspect.MD_JSON)).isEmpty();
    }

    @Test
    void createDoesNotOverwrite() {
        Store store = newStore();
        assertThat(store.create(StoreGroup.ACCOUNTS, "x", Aspect.MD_JSON, json(1))).isTrue();
        assertThat(store.create(StoreGroup.ACCOUNTS, "x", Aspect.MD_JSON, json(2))).isFalse();
        assertThat(generation(store, StoreGroup.ACCOUNTS, "x")).isEqualTo(1);
    }

    @Test
    void removeAndPurgeAreIdempotent() {
        Store store = newStore();
        store.save(StoreGroup.STAGING, "a.example", Aspect.MD_JSON, json(1));
        store.save(StoreGroup.STAGING, "a.example", Aspect.JOB_JSON, json(1));
        store.remove(StoreGroup.STAGING, "a.example", Aspect.JOB_JSON);
        store.remove(StoreGroup.STAGING, "a.example", Aspect.JOB_JSON);

        assertThat(store.fileNames(StoreGroup.STAGING, "a.example")).containsExactly("md.json");
        store.purge(StoreGroup.STAGING, "a.example");
        store.purge(StoreGroup.STAGING, "a.example");
        assertThat(store.names(StoreGroup.STAGING)).isEmpty();
    }

    @Test
    void namesAreSortedAndChecked() {
        Store store = newStore();
        store.save(StoreGroup.DOMAINS, "b.example", Aspect.MD_JSON, json(1));
        store.save(StoreGroup.DOMAINS, "a.example", Aspect.MD_JSON, json(1));

        assertThat(store.names(StoreGroup.DOMAINS)).containsExactly("a.example", "b.example");
        assertThatThrownBy(() -> store.save(StoreGroup.DOMAINS, "../x", Aspect.MD_JSON, json(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.load(StoreGroup.DOMAINS, "..", Aspect.MD_JSON))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moveArchivesWhatItReplaces() {
        Store store = newStore();
        store.save(StoreGroup.DOMAINS, "a.example", Aspect.MD_JSON, json(1));
        store.save(StoreGroup.TMP, "a.example", Aspect.MD_JSON, json(2));
        store.move(StoreGroup.TMP, StoreGroup.DOMAINS, "a.example", true);

        assertThat(generation(store, StoreGroup.DOMAINS, "a.example")).isEqualTo(2);
        assertThat(generation(store, StoreGroup.ARCHIVE, "a.example.1")).isEqualTo(1);
        assertThat(store.names(StoreGroup.TMP)).isEmpty();
        assertThatThrownBy(() -> store.move(StoreGroup.TMP, StoreGroup.DOMAINS, "a.example", true))
                .isInstanceOf(StoreException.class);
    }

    @Test
    void renameMovesWithinAGroupButNeverOverAnEntry() {
        Store store = newStore();
        store.save(StoreGroup.DOMAINS, "old.example", Aspect.MD_JSON, json(1));
        store.save(StoreGroup.DOMAINS, "taken.example", Aspect.MD_JSON, json(2));

        assertThatThrownBy(() -> store.rename(StoreGroup.DOMAINS, "old.example", "taken.example"))
                .isInstanceOf(StoreException.class);
        store.rename(StoreGroup.DOMAINS, "old.example", "new.example");
        assertThat(store.names(StoreGroup.DOMAINS)).containsExactly("new.example", "taken.example");
    }

    @Test
    void theLockIsExclusive() throws Exception {
        Store store = newStore();
        try (StoreLock held = store.lock(Duration.ofSeconds(1))) {
            Throwable other = CompletableFuture.supplyAsync(() -> {
                try (StoreLock ignored = store.lock(Duration.ofMillis(200))) {
                    return (Throwable) null;
                } catch (StoreException e) {
                    return e;
                }
            }).get(10, TimeUnit.SECONDS);
            assertThat(other).isInstanceOf(StoreException.class);
        }
        try (StoreLock again = store.lock(Duration.ZERO)) {
            assertThat(again).isNotNull();
        }
    }
}
