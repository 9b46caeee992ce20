package io.legwatch.app;

import java.time.Duration;

/** A fault the demo fault panel can inject into one simulated venue. */
public sealed interface Fault {
    /** The venue rejects the next {@code count} orders with an error. */
    record RejectNext(int count) implements Fault {
    }

    /** The connection drops and stays down until healed. */
    record Disconnect() implements Fault {
    }

    /** The connection stays open but the venue stops sending (half-open socket). */
    record Silent() implements Fault {
    }

    /** Orders fill only this fraction (0..1) of their quantity. */
    record PartialFills(double fraction) implements Fault {
    }

    /** Order acknowledgements arrive this much later. */
    record DelayAcks(Duration delay) implements Fault {
    }
}
