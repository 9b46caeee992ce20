/**
 * Plumbing shared by the venue connectors (no venue knowledge here).
 *
 * <ul>
 *   <li>{@link io.legwatch.venue.net.StreamingConnector} — base class: snapshot-then-stream after every
 *       (re)connect, status events, REST polling as DEGRADED while the stream is down, malformed-message
 *       reporting. A venue implements {@code resync}, {@code onText}, optionally {@code pollSnapshot}.</li>
 *   <li>{@link io.legwatch.venue.net.WsSession} + {@link io.legwatch.venue.net.WsSessionConfig} — a
 *       reconnecting OkHttp WebSocket: backoff with jitter, connect hook, staleness watchdog
 *       (STALE, then reconnect when dead), application-level pings.</li>
 *   <li>{@link io.legwatch.venue.net.RestClient} — async REST with a venue
 *       {@link io.legwatch.venue.net.RestClient.ErrorDecoder}, HTTP status mapping
 *       ({@link io.legwatch.venue.net.HttpErrors}) and a {@link io.legwatch.venue.net.RateLimitGate}.</li>
 *   <li>{@link io.legwatch.venue.net.Backoff}, {@link io.legwatch.venue.net.StalenessWatchdog} — pure,
 *       clock-injected state, unit-testable without sleeping.</li>
 *   <li>{@link io.legwatch.venue.net.Credentials} (never prints its secret), {@link io.legwatch.venue.net.Hmac},
 *       {@link io.legwatch.venue.net.Redactor}, {@link io.legwatch.venue.net.MessageCounters}.</li>
 * </ul>
 */
package io.legwatch.venue.net;
