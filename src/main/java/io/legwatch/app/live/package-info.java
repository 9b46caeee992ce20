/**
 * Live mode: Legwatch on the venues of a config file.
 *
 * <ul>
 *   <li>{@link io.legwatch.app.live.StartupChoice#decide} picks demo or a config file from the command line
 *       and the per-user data directory ({@code --demo}, {@code --config PATH}, else {@code config.json} there,
 *       else demo); {@code choice.open(dirs)} builds the session.</li>
 *   <li>{@link io.legwatch.app.live.LiveMode} is the {@link io.legwatch.app.LegwatchSession} for a config:
 *       engine, connectors ({@link io.legwatch.app.live.ConnectorFactory}) and the safety wiring.</li>
 *   <li>{@link io.legwatch.app.live.FlattenWiring} is that safety wiring (journal, incident log, kill switch,
 *       auto-flatten policy, venue-down rule, dead-man switches) and the session's flatten commands; it does
 *       not care which connectors it gets, so demo mode can build one over its in-process connectors.</li>
 * </ul>
 */
package io.legwatch.app.live;
