/**
 * The test kit, shipped as a module for mdj's own tests and for code embedding mdj: clocks to
 * step through schedules, in-memory stores, and JUnit extensions that start real servers (Pebble
 * with challtestsrv, an OCSP responder) on free loopback ports. It grows with the engine.
 *
 * <p>mdj-core's own unit tests cannot use it (Maven forbids the cycle core → testing → core);
 * tests that need the kit live in the modules that depend on both.
 */
package dev.mdj.testing;
