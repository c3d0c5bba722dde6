package dev.mdj.config;

import java.util.Objects;

/** One problem found in a configuration, with the place it was found. */
public record ConfigError(Location location, String message) {

    public ConfigError {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
    }

    /** The one-line form users see: {@code FILE:LINE: message}. */
    @Override
    public String toString() {
        return location + ": " + message;
    }
}
