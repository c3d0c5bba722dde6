package dev.mdj.config;

/** Where in a configuration a directive stands. */
public enum Scope {
    /** The top level: httpd's main server. */
    SERVER("the main server"),
    /** Inside {@code <VirtualHost>}. */
    VIRTUAL_HOST("<VirtualHost>"),
    /** Inside {@code <MDomain>} / {@code <MDomainSet>}. */
    MANAGED_DOMAIN("<MDomain>"),
    /** Inside {@code <Location>}. */
    LOCATION("<Location>"),
    /** Inside {@code <Directory>}. */
    DIRECTORY("<Directory>");

    private final String description;

    Scope(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
