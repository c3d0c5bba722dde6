/**
 * Prometheus metrics ({@code SetHandler metrics}): the certificates and renewals of the managed
 * domains, written from their status on every scrape, and the JVM and process meters of
 * Micrometer.
 */
package dev.mdj.server.metrics;
