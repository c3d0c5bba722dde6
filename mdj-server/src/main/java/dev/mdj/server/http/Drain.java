package dev.mdj.server.http;

/**
 * Fired through a connection's pipeline when the server stops: finish what is under way, take
 * no new request, close.
 */
public enum Drain {
    INSTANCE
}
