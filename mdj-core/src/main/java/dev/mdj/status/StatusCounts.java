package dev.mdj.status;

import dev.mdj.store.json.MdState;
import java.util.List;

/**
 * How many managed domains are in which condition, counted as mod_md counts them for
 * server-status ({@code md_status_take_stock}).
 *
 * @param total every managed domain
 * @param ok those in state complete (also while renewing)
 * @param renew those complete or incomplete whose renewal is due or under way
 * @param errored renewing ones whose renewal is failing, and those in any other state
 * @param ready renewing ones whose renewal finished (certificates staged)
 */
public record StatusCounts(int total, int ok, int renew, int errored, int ready) {

    public static StatusCounts of(List<MdStatus> domains) {
        int ok = 0;
        int renew = 0;
        int errored = 0;
        int ready = 0;
        for (MdStatus status : domains) {
            ok += status.md().state() == MdState.COMPLETE ? 1 : 0;
            renew += status.renewing() ? 1 : 0;
            errored += status.errored() ? 1 : 0;
            ready += status.ready() ? 1 : 0;
        }
        return new StatusCounts(domains.size(), ok, renew, errored, ready);
    }
}
