package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Automatic sharding as kube-state-metrics does it: the pod's ordinal of the StatefulSet's replicas. */
@EnableKubernetesMockClient(crud = true)
class StatefulSetShardMockServerTest {

    KubernetesClient client;

    @Test
    void aStatefulSetPodIsTheShardOfItsOrdinalOfTheReplicas() {
        statefulSet("kube-state", 3);
        pod("kube-state-2", "StatefulSet", "kube-state");

        assertThat(StatefulSetShard.read(client, "monitoring", "kube-state-2")).isEqualTo(new ShardAssignment(2, 3));
    }

    @Test
    void aStatefulSetWithoutReplicasHasOneShard() {
        statefulSet("kube-state", null);
        pod("kube-state-0", "StatefulSet", "kube-state");

        assertThat(StatefulSetShard.read(client, "monitoring", "kube-state-0")).isEqualTo(new ShardAssignment(0, 1));
    }

    @Test
    void aPodNotOwnedByAStatefulSetCannotBeSharded() {
        pod("kube-state-7d9f-x2", "ReplicaSet", "kube-state-7d9f");

        assertThatThrownBy(() -> StatefulSetShard.read(client, "monitoring", "kube-state-7d9f-x2"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pod monitoring/kube-state-7d9f-x2 is not owned by one");
    }

    @Test
    void aMissingPodOrStatefulSetIsNamed() {
        assertThatThrownBy(() -> StatefulSetShard.read(client, "monitoring", "kube-state-0"))
                .hasMessageContaining("pod monitoring/kube-state-0 does not exist");

        pod("kube-state-0", "StatefulSet", "kube-state");
        assertThatThrownBy(() -> StatefulSetShard.read(client, "monitoring", "kube-state-0"))
                .hasMessageContaining(
                        "StatefulSet monitoring/kube-state, the owner of pod kube-state-0, does not exist");
    }

    @Test
    void aPodNameWithoutAnOrdinalIsRefused() {
        statefulSet("kube-state", 3);
        pod("renamed", "StatefulSet", "kube-state");

        assertThatThrownBy(() -> StatefulSetShard.read(client, "monitoring", "renamed"))
                .hasMessageContaining("pod renamed is not named kube-state-<ordinal>");
    }

    private void statefulSet(String name, Integer replicas) {
        client.apps()
                .statefulSets()
                .inNamespace("monitoring")
                .resource(new StatefulSetBuilder()
                        .withNewMetadata()
                        .withName(name)
                        .withNamespace("monitoring")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(replicas)
                        .withServiceName(name)
                        .endSpec()
                        .build())
                .create();
    }

    private void pod(String name, String ownerKind, String ownerName) {
        Pod pod = new PodBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("monitoring")
                .addNewOwnerReference()
                .withApiVersion("apps/v1")
                .withKind(ownerKind)
                .withName(ownerName)
                .withUid(ownerName + "-uid")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .build();
        client.pods().inNamespace("monitoring").resource(pod).create();
    }
}
