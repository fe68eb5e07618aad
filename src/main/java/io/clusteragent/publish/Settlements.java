package io.clusteragent.publish;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Who wants to hear, by idempotency key, that an incident's delivery is settled. */
final class Settlements {

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** @return runs to stop calling {@code listener} */
    Runnable add(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void settled(String idempotencyKey) {
        listeners.forEach(listener -> listener.accept(idempotencyKey));
    }
}
