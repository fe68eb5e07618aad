package io.clusteragent.detect;

/**
 * Where the incident state lives between runs: a file next to the spool for one replica, a ConfigMap
 * where replicas take turns leading. Methods block; the detection runtime calls them on a worker.
 */
public interface IncidentStore {

    /** The state the previous run or leader left; {@link IncidentState#EMPTY} when there is none. */
    IncidentState load() throws Exception;

    /**
     * Replaces the stored state, durably, before returning.
     *
     * @throws ConflictException when someone else saved since this store last loaded or saved
     */
    void save(IncidentState state) throws Exception;

    /**
     * Whether the state outlives the spool the notifications wait in: a state shared by replicas does,
     * while each replica's spool goes with its pod. Then a notification stays in the outbox until its
     * delivery is settled, not just until it is spooled, so the next leader offers it again.
     */
    default boolean outlivesTheSpool() {
        return false;
    }

    /** Where the state is kept, for logs. */
    String describe();

    /** Another writer got there first: reload before deciding anything else. */
    final class ConflictException extends Exception {

        public ConflictException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Keeps the state for as long as the process lives: enough when a restart may announce again (console output). */
    final class InMemory implements IncidentStore {

        private volatile IncidentState state = IncidentState.EMPTY;

        @Override
        public IncidentState load() {
            return state;
        }

        @Override
        public void save(IncidentState state) {
            this.state = state;
        }

        @Override
        public String describe() {
            return "memory";
        }
    }
}
