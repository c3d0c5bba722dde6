/**
 * The status documents of mod_md, built from the configuration, the store and the engine's
 * decisions: {@code md-status} (all managed domains, or one with its renewal log) and
 * {@code /.httpd/certificate-status}, with mod_md's keys, order and value formats.
 *
 * <p>{@link dev.mdj.status.StatusReader} reads one {@link dev.mdj.status.MdStatus} per managed
 * domain; {@link dev.mdj.status.StatusJson} writes the documents. What mdj knows beyond mod_md
 * goes into an {@code "mdj"} object at the end of each managed domain, so that mod_md's keys
 * keep their meaning and order.
 */
package dev.mdj.status;
