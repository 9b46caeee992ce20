package io.legwatch.app;

/**
 * Something a human must act on now (flatten failed, venue unreachable during a flatten, auto
 * policy wants a human, a flatten resumed after a restart).
 */
public record AppAlarm(long atMs, String kind, String message) {
}
