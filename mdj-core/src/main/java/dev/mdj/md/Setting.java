package dev.mdj.md;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed key for one setting, with its default and the way it is shown in JSON. Settings are
 * held by {@link Settings}; the keys themselves are declared in {@link MdSetting} (what each
 * managed domain may set for itself) and {@link GlobalSetting} (what applies to the whole
 * server).
 *
 * @param <T> the value type
 */
public final class Setting<T> {

    private final String key;
    private final String directive;
    private final T defaultValue;
    private final Function<? super T, ?> json;

    private Setting(String key, String directive, T defaultValue, Function<? super T, ?> json) {
        this.key = Objects.requireNonNull(key, "key");
        this.directive = Objects.requireNonNull(directive, "directive");
        this.defaultValue = defaultValue;
        this.json = Objects.requireNonNull(json, "json");
    }

    /**
     * A setting shown in JSON by {@code json}.
     *
     * @param key the JSON key (mod_md's md.json name where it has one)
     * @param directive the directive that sets it, for messages and docs
     * @param defaultValue the value when nothing sets it; null when there is none
     * @param json turns a value into what Jackson writes (a String, Number, Boolean or List)
     */
    static <T> Setting<T> of(String key, String directive, T defaultValue,
            Function<? super T, ?> json) {
        return new Setting<>(key, directive, defaultValue, json);
    }

    /** A setting whose value is written to JSON as it is (strings, numbers, booleans). */
    static <T> Setting<T> plain(String key, String directive, T defaultValue) {
        return new Setting<>(key, directive, defaultValue, Function.identity());
    }

    public String key() {
        return key;
    }

    public String directive() {
        return directive;
    }

    public Optional<T> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** The JSON form of {@code value}. */
    public Object toJson(T value) {
        return json.apply(value);
    }

    @Override
    public String toString() {
        return key;
    }
}
