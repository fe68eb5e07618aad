package io.clusteragent.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.vertx.core.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Which replica runs the detectors: the holder of a coordination.k8s.io Lease, elected with
 * fabric8's leader election, so scaling out never doubles incidents. The callbacks run on the given
 * Vert.x context, never on the elector's thread.
 */
public final class Leadership implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);
    public static final String LEASE_NAME = "cluster-agent-detectors";

    private final AtomicBoolean leader;
    private final CompletableFuture<?> election;

    private Leadership(AtomicBoolean leader, CompletableFuture<?> election) {
        this.leader = leader;
        this.election = election;
    }

    /**
     * @param namespace where the Lease lives (the agent's own namespace)
     * @param identity  this replica's name in the Lease (the pod name)
     */
    public static Leadership elect(
            KubernetesClient client,
            String namespace,
            String identity,
            Duration leaseDuration,
            Context context,
            Runnable onStartLeading,
            Runnable onStopLeading) {
        AtomicBoolean leader = new AtomicBoolean();
        LeaderCallbacks callbacks = new LeaderCallbacks(
                () -> context.runOnContext(v -> {
                    leader.set(true);
                    LOG.info("leading: this replica ({}) runs the detectors", identity);
                    onStartLeading.run();
                }),
                () -> context.runOnContext(v -> {
                    leader.set(false);
                    LOG.info("no longer leading: detectors stop on this replica ({})", identity);
                    onStopLeading.run();
                }),
                newLeader -> LOG.info("detector leader is {}", newLeader));
        var config = new LeaderElectionConfigBuilder()
                .withName(LEASE_NAME)
                .withLock(new LeaseLock(namespace, LEASE_NAME, identity))
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(leaseDuration.multipliedBy(2).dividedBy(3))
                .withRetryPeriod(leaseDuration.dividedBy(5))
                .withLeaderCallbacks(callbacks)
                .withReleaseOnCancel()
                .build();
        return new Leadership(
                leader, client.leaderElector().withConfig(config).build().start());
    }

    public boolean isLeader() {
        return leader.get();
    }

    /** Gives the Lease up, so another replica takes over without waiting for it to expire. */
    @Override
    public void close() {
        election.cancel(true);
    }
}
