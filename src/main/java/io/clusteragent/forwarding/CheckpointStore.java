package io.clusteragent.forwarding;

import io.clusteragent.cluster.IncidentConfigMap;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

/** Where the checkpoint outlives a leader. Every method blocks; the forwarder calls them on a worker. */
interface CheckpointStore {

    /** The last saved checkpoint; {@link Checkpoint#EMPTY} when none was saved. */
    Checkpoint load() throws IOException;

    /**
     * @throws IncidentConfigMap.ConflictException when another leader saved since this one loaded:
     *     it is the newer leader's checkpoint that counts
     */
    void save(Checkpoint checkpoint) throws IOException, IncidentConfigMap.ConflictException;

    String describe();

    /** In the agent's namespace, next to the Lease, with optimistic concurrency against an earlier leader. */
    static CheckpointStore in(IncidentConfigMap configMap) {
        return new CheckpointStore() {
            @Override
            public Checkpoint load() throws IOException {
                var stored = configMap.load();
                return stored.isEmpty() ? Checkpoint.EMPTY : Checkpoint.read(stored.get());
            }

            @Override
            public void save(Checkpoint checkpoint) throws IncidentConfigMap.ConflictException {
                configMap.save(checkpoint.write());
            }

            @Override
            public String describe() {
                return configMap.describe();
            }
        };
    }

    /** For one process: what it forwarded is remembered for as long as it runs. */
    static CheckpointStore inMemory() {
        AtomicReference<Checkpoint> saved = new AtomicReference<>(Checkpoint.EMPTY);
        return new CheckpointStore() {
            @Override
            public Checkpoint load() {
                return saved.get();
            }

            @Override
            public void save(Checkpoint checkpoint) {
                saved.set(checkpoint);
            }

            @Override
            public String describe() {
                return "memory";
            }
        };
    }
}
