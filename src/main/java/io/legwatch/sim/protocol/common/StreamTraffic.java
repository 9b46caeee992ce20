package io.legwatch.sim.protocol.common;

/**
 * What the open stream connections of one or more front ends have sent: a load run reads it to tell
 * whether the client keeps up (frames written grows at the offered rate, frames queued stays small).
 *
 * @param written frames the sockets finished writing (connections closed since are not counted)
 * @param queued  frames waiting to be written
 */
public record StreamTraffic(long written, long queued) {
    public static final StreamTraffic NONE = new StreamTraffic(0, 0);

    public StreamTraffic plus(StreamTraffic other) {
        return new StreamTraffic(written + other.written, queued + other.queued);
    }
}
