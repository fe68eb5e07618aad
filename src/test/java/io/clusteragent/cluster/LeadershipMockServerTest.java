package io.clusteragent.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static io.clusteragent.testing.Eventually.assertWithin;
import static org.assertj.core.api.Assertions.assertThat;

@EnableKubernetesMockClient(crud = true)
@ExtendWith(VertxExtension.class)
class LeadershipMockServerTest {

    KubernetesClient client;

    @Test
    void oneReplicaLeadsAndAnotherTakesOverWhenItStepsDown(Vertx vertx) {
        AtomicInteger started = new AtomicInteger();
        AtomicInteger stopped = new AtomicInteger();
        Leadership first = Leadership.elect(
                client,
                "agents",
                "replica-a",
                Duration.ofSeconds(2),
                vertx.getOrCreateContext(),
                started::incrementAndGet,
                stopped::incrementAndGet);
        assertWithin(Duration.ofSeconds(10), () -> assertThat(first.isLeader()).isTrue());

        Leadership second = Leadership.elect(
                client,
                "agents",
                "replica-b",
                Duration.ofSeconds(2),
                vertx.getOrCreateContext(),
                started::incrementAndGet,
                stopped::incrementAndGet);
        assertThat(second.isLeader())
                .as("a second replica waits while the Lease is held")
                .isFalse();
        assertThat(client.leases()
                        .inNamespace("agents")
                        .withName(Leadership.LEASE_NAME)
                        .get()
                        .getSpec()
                        .getHolderIdentity())
                .isEqualTo("replica-a");

        first.close();
        assertWithin(Duration.ofSeconds(15), () -> assertThat(second.isLeader()).isTrue());
        assertWithin(Duration.ofSeconds(5), () -> assertThat(stopped.get()).isEqualTo(1));
        assertThat(first.isLeader()).isFalse();
        assertThat(started.get()).isEqualTo(2);
        second.close();
    }
}
