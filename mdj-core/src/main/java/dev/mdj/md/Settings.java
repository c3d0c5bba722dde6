package dev.mdj.md;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable set of explicitly given setting values. A value not given here comes from a
 * parent (see {@link #inheritFrom}) and, failing that, from the setting's default: this is how a
 * managed domain's own {@code <MDomain>} settings fall back to the server-wide ones, as mod_md
 * merges them.
 */
public final class Settings {

    private static final Settings EMPTY = new Settings(Map.of());

    private final Map<Setting<?>, Object> values;

    private Settings(Map<Setting<?>, Object> values) {
        this.values = values;
    }

    public static Settings empty() {
        return EMPTY;
    }

    /**
     * The value given here, or else the default.
     *
     * @throws IllegalStateException for a setting that has no default and is not given; use
     *     {@link #find} for those
     */
    public <T> T get(Setting<T> setting) {
        return find(setting).orElseThrow(() -> new IllegalStateException(
                "setting " + setting + " has no value and no default"));
    }

    /** The value given here, or else the default, if there is one. */
    public <T> Optional<T> find(Setting<T> setting) {
        Optional<T> given = given(setting);
        return given.isPresent() ? given : setting.defaultValue();
    }

    /** The value given here, ignoring the default. */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> given(Setting<T> setting) {
        return Optional.ofNullable((T) values.get(setting));
    }

    public boolean isGiven(Setting<?> setting) {
        return values.containsKey(setting);
    }

    /** These settings with {@code setting} given as {@code value}. */
    public <T> Settings with(Setting<T> setting, T value) {
        Objects.requireNonNull(setting, "setting");
        Objects.requireNonNull(value, "value");
        Map<Setting<?>, Object> copy = new LinkedHashMap<>(values);
        copy.put(setting, value);
        return new Settings(Collections.unmodifiableMap(copy));
    }

    /** These settings, with everything they do not give taken from {@code parent}. */
    public Settings inheritFrom(Settings parent) {
        if (parent.values.isEmpty()) {
            return this;
        }
        Map<Setting<?>, Object> merged = new LinkedHashMap<>(parent.values);
        merged.putAll(values);
        return new Settings(Collections.unmodifiableMap(merged));
    }

    /** The explicitly given values, in the order they were first given. */
    public Map<Setting<?>, Object> givenValues() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Settings other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
