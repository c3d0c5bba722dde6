package dev.mdj.renew;

import java.util.Map;

/**
 * The status codes mod_md records in job.json ({@code last.status}) with the descriptions it
 * shows beside them ({@code last.status-description}): APR and errno codes as Linux prints
 * them. mdj uses the same numbers so that scripts reading md-status keep working.
 */
public final class StatusCodes {

    public static final int OK = 0;
    public static final int ENOENT = 2;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EINVAL = 22;
    public static final int ECONNABORTED = 103;
    public static final int ECONNREFUSED = 111;
    public static final int EGENERAL = 20014;
    public static final int TIMEUP = 70007;
    public static final int INCOMPLETE = 70008;
    public static final int BADARG = 70013;

    private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(ENOENT, "No such file or directory"),
            Map.entry(EAGAIN, "Resource temporarily unavailable"),
            Map.entry(EACCES, "Permission denied"),
            Map.entry(EINVAL, "Invalid argument"),
            Map.entry(ECONNABORTED, "Software caused connection abort"),
            Map.entry(ECONNREFUSED, "Connection refused"),
            Map.entry(EGENERAL, "Internal error (specific information not available)"),
            Map.entry(TIMEUP, "The timeout specified has expired"),
            Map.entry(INCOMPLETE, "Partial results are valid but processing is incomplete"),
            Map.entry(BADARG, "Missing parameter for the specified command line option"));

    private StatusCodes() {
    }

    /** mod_md's description of {@code status}, or a generic one for codes it has none for. */
    public static String describe(int status) {
        return DESCRIPTIONS.getOrDefault(status, "Error " + status);
    }
}
