package io.clusteragent.health;

/**
 * Whether the agent is on its way out. Once begun, readiness answers 503 so that load balancers stop
 * sending, while the API keeps answering whoever still does; it never ends, because a draining agent
 * only stops.
 */
public final class Draining {

    private volatile boolean begun;

    public void begin() {
        begun = true;
    }

    public boolean begun() {
        return begun;
    }
}
