package dev.mdj.it;

import dev.mdj.md.KeySpec;
import dev.mdj.store.Aspect;
import dev.mdj.store.FileStore;
import dev.mdj.store.StoreGroup;
import dev.mdj.store.json.JsonFiles;
import dev.mdj.store.pem.KeyPairs;
import java.nio.file.Path;
import java.security.PrivateKey;
import tools.jackson.databind.node.ObjectNode;

/**
 * A process that writes to a store as fast as it can until it is killed: {@link StoreCrashIT}
 * kills it at random moments and then checks that nothing it left behind is damaged.
 */
public final class StoreWriterProcess {

    private StoreWriterProcess() {
    }

    public static void main(String[] args) {
        FileStore store = FileStore.open(Path.of(args[0]));
        PrivateKey key = KeyPairs.generate(new KeySpec.Ec("secp256r1")).getPrivate();
        String padding = "x".repeat(32 * 1024);
        for (long generation = 0; ; generation++) {
            ObjectNode md = JsonFiles.readObject("{\"name\": \"example.org\"}");
            md.put("generation", generation);
            md.put("padding", padding);
            store.save(StoreGroup.STAGING, "example.org", Aspect.MD_JSON, md);
            store.save(StoreGroup.STAGING, "example.org", Aspect.privateKey(new KeySpec.Ec("secp256r1")), key);
            store.save(StoreGroup.TMP, "example.org", Aspect.MD_JSON, md);
            store.move(StoreGroup.TMP, StoreGroup.DOMAINS, "example.org", false);
            if (generation == 0) {
                // From here on every file exists; the test kills the process after this line.
                System.out.println("writing");
                System.out.flush();
            }
        }
    }
}
