/**
 * Typed views of the JSON files in mod_md's store ({@code md.json}, {@code job.json},
 * {@code account.json}, {@code order.json}) that read and write them exactly as mod_md does:
 * same key names, key order, value formats and layout, keeping keys mdj does not know.
 */
package dev.mdj.store.json;
