package io.clusteragent.detect.run;

import java.util.function.Consumer;

/**
 * Where the detectors hear, by idempotency key, that a notification's delivery is settled: the
 * receiver took it or refused it for good. The sink tells; the detection runtime must not depend on it.
 */
@FunctionalInterface
public interface DeliverySettlements {

    /** For a notification that is as good as delivered once queued. */
    DeliverySettlements NONE = listener -> () -> {};

    /** @return runs to stop calling {@code listener} */
    Runnable onSettled(Consumer<String> listener);
}
