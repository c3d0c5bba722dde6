/**
 * OCSP stapling as mod_md does it: the responses for the served certificates are fetched in the
 * background from each certificate's OCSP responder, checked, persisted in the store's
 * {@code ocsp/} group in mod_md's format and refreshed when MDStaplingRenewWindow opens, so that
 * a handshake only ever looks a staple up in memory and a responder outage (or a restart during
 * one) does not take the staple away while the last response is valid.
 *
 * <p>{@link dev.mdj.ocsp.OcspTarget} is a certificate that can be stapled,
 * {@link dev.mdj.ocsp.OcspRequests} and {@link dev.mdj.ocsp.OcspResponseCheck} speak the protocol,
 * {@link dev.mdj.ocsp.OcspFetcher} carries it over HTTP, {@link dev.mdj.ocsp.OcspStore} keeps the
 * files, and {@link dev.mdj.ocsp.Stapler} runs the schedule and hands out
 * {@link dev.mdj.ocsp.Staple}s.
 */
package dev.mdj.ocsp;
