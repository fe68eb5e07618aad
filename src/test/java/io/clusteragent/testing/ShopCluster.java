package io.clusteragent.testing;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.InMemoryClusterState;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;

/** The smallest cluster an API route answers about: namespace {@code shop} with one running pod, {@code web-1}. */
public final class ShopCluster {

    private ShopCluster() {}

    public static ClusterState withOneRunningPod() {
        return InMemoryClusterState.of(
                new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("shop")
                        .endMetadata()
                        .build(),
                new PodBuilder()
                        .withNewMetadata()
                        .withName("web-1")
                        .withNamespace("shop")
                        .endMetadata()
                        .withNewSpec()
                        .addNewContainer()
                        .withName("app")
                        .withImage("nginx")
                        .endContainer()
                        .endSpec()
                        .withNewStatus()
                        .withPhase("Running")
                        .endStatus()
                        .build());
    }
}
