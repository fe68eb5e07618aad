package io.clusteragent.analysis.pods;

/**
 * One container's reported state, init and app containers alike.
 *
 * @param init           declared under spec.initContainers (sidecars included)
 * @param sidecar        an init container with restartPolicy Always, which keeps running beside the app
 * @param waitingReason  state.waiting.reason, or null when not waiting
 * @param current        state.terminated, or null
 * @param last           lastState.terminated: why the previous run ended, or null
 * @param memoryLimit    the container's memory limit as kubectl prints it, only filled in when it was OOMKilled; null otherwise
 */
public record ContainerSnapshot(
        String name,
        boolean init,
        boolean sidecar,
        int restartCount,
        boolean ready,
        String waitingReason,
        String waitingMessage,
        Termination current,
        Termination last,
        String memoryLimit) {

    /** The most telling termination: the current one if the container is down now, else the previous run's. */
    public Termination latestTermination() {
        return current != null ? current : last;
    }

    public boolean wasOomKilled() {
        return (current != null && current.oomKilled()) || (last != null && last.oomKilled());
    }

    /** A termination worth reporting as a cause, described; null when the container never failed. */
    public String terminationSummary() {
        Termination termination = latestTermination();
        if (termination == null || !termination.failed()) {
            return null;
        }
        return termination.describe(name, memoryLimit);
    }

    public String restartSummary() {
        return "Container " + name + " has restarted " + restartCount + (restartCount == 1 ? " time" : " times");
    }
}
