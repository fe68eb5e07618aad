package io.clusteragent.publish;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter: a random delay up to {@code min(cap, base * 2^(retry-1))}, so
 * agents that lost the same service do not come back in step.
 */
public final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private final DoubleSupplier random;

    public Backoff(Duration base, Duration cap, DoubleSupplier random) {
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
        this.random = random;
    }

    /** @param retry 1 for the first retry */
    public Duration delay(int retry) {
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        long ceiling = Math.min(capMillis, baseMillis << doublings);
        return Duration.ofMillis((long) (ceiling * random.getAsDouble()));
    }
}
