/**
 * The standalone simulator program ({@link io.legwatch.sim.main.SimulatorMain}): venue protocol front ends on
 * 127.0.0.1 over one seeded simulated exchange, and a Legwatch config file pointing at them.
 *
 * <pre>
 * ./mvnw -q exec:java -Dexec.mainClass=io.legwatch.sim.main.SimulatorMain \
 *     -Dexec.args="--demo-trader --write-config target/sim-config.json"
 * </pre>
 * Then, in the shell that starts Legwatch, paste the printed {@code export} lines and start Legwatch
 * with {@code --config target/sim-config.json}.
 * The only package of {@code sim} allowed to print to stdout (ArchitectureTest).
 */
package io.legwatch.sim.main;
