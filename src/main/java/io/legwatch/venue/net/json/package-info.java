/**
 * JSON plumbing the venue adapters share: one streaming {@code JsonFactory}, the "one JSON object
 * per message" entry point, the strings-as-numbers value reader and the request-body writer.
 * Venue rules (which fields mean what) stay in the venue packages; only code whose logic is the
 * same for every venue lives here.
 */
package io.legwatch.venue.net.json;
