/**
 * The audit journal: append-only JSON lines ({@link io.legwatch.journal.Journal}, fsync before an
 * action is reported done, credential-looking fields scrubbed), recovery of unfinished flattens at
 * start ({@link io.legwatch.journal.JournalRecovery}), and incident records per leg failure
 * ({@link io.legwatch.journal.IncidentLog}). The directory is passed in: the app uses the per-user
 * data directory, tests a temporary one.
 */
package io.legwatch.journal;
