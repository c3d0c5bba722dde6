/**
 * The model of managed domains and the value types of their settings: durations, renew windows,
 * key specifications, CA URLs, domain names, contacts, port maps and the small keyword enums the
 * configuration layer parses directive arguments into. Everything here is pure: no I/O except
 * reading an External Account Binding JSON file, and no clock, since time computations take their
 * instants as arguments.
 */
package dev.mdj.md;
