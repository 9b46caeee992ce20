/**
 * Connector parts whose logic is the same for several venues (position netting across hedge-mode
 * sides, one-shot control answers, merging paged REST calls, learned instrument attributes). Venue
 * rules stay in the venue packages.
 */
package io.legwatch.venue.common;
