package dev.mdj.store.json;

/** The {@code state} of a managed domain in {@code md.json}, with mod_md's numbers. */
public enum MdState {
    /** Not yet assessed. */
    UNKNOWN(0),
    /** Something is missing, usually the certificate. */
    INCOMPLETE(1),
    /** All certificates are there and cover the domain. */
    COMPLETE(2),
    /** Deprecated; read as {@link #COMPLETE}, never written. */
    EXPIRED(3),
    /** The domain could not be set up. */
    ERROR(4),
    /** Information is missing to drive the renewal (never set by mod_md). */
    MISSING_INFORMATION(5);

    private final int jsonValue;

    MdState(int jsonValue) {
        this.jsonValue = jsonValue;
    }

    /** The number mod_md writes. */
    public int jsonValue() {
        return jsonValue;
    }

    /**
     * The state for a number read from {@code md.json}: the deprecated 3 (expired) is read as
     * {@link #COMPLETE} as mod_md does, unknown numbers as {@link #UNKNOWN}.
     */
    public static MdState fromJson(int value) {
        if (value == EXPIRED.jsonValue) {
            return COMPLETE;
        }
        for (MdState state : values()) {
            if (state.jsonValue == value) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
