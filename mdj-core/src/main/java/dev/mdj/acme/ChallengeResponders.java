package dev.mdj.acme;

import dev.mdj.md.MdSetting;
import dev.mdj.renew.DriveRun;
import dev.mdj.events.CommandRunner;
import java.util.LinkedHashMap;
import java.util.Map;

/** The one place that knows which responder answers which challenge type. */
final class ChallengeResponders {

    private ChallengeResponders() {
    }

    static Map<String, ChallengeResponder> forRun(DriveRun run, int dns01Version, CommandRunner commands) {
        Map<String, ChallengeResponder> map = new LinkedHashMap<>();
        put(map, new Http01Responder(run.store()));
        put(map, new TlsAlpn01Responder(run.store(), run.md().get(MdSetting.PRIVATE_KEYS).specs(),
                run.reachability().acmeTlsNames(), run.clock()));
        put(map, new Dns01Responder(run.md().settings().find(MdSetting.DNS01_COMMAND).orElse(null),
                dns01Version, commands));
        return Map.copyOf(map);
    }

    private static void put(Map<String, ChallengeResponder> map, ChallengeResponder r) {
        map.put(r.type(), r);
    }
}
