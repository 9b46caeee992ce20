/**
 * Connector parts whose logic is the same for several venues (position netting across hedge-mode
 * sides, one-shot control answers, merging paged REST calls, learned instrument attributes, and the
 * Bybit/OKX connector base: frame dispatch, snapshot assembly, a lost stream failing the waiting control
 * requests). Venue rules stay in the venue packages.
 */
package io.legwatch.venue.common;
