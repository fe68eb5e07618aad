package io.clusteragent.cluster;

import io.clusteragent.config.KubeStateResources;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** KUBE_STATE_RESOURCES accepts kube-state-metrics' names; each one must be a resource the agent can watch. */
class WatchedResourceTest {

    @Test
    void everyNameTheSettingAcceptsIsAWatchableResourceOfThatPlural() {
        for (String name : KubeStateResources.ALL) {
            assertThat(WatchedResource.kubeState(name))
                    .as(name)
                    .hasValueSatisfying(
                            resource -> assertThat(resource.plural()).isEqualTo(name));
        }
    }

    @Test
    void everyResourceButEventsIsAKubeStateResource() {
        assertThat(Stream.of(WatchedResource.values()).filter(r -> !r.kubeState()))
                .containsExactly(WatchedResource.EVENTS);
        assertThat(WatchedResource.kubeState("events")).isEmpty();
    }

    @Test
    void theResourcesOnlyKubeStateMetricsReadAreNotWatchedForTheApi() {
        assertThat(WatchedResource.alwaysWatched())
                .contains(WatchedResource.PODS, WatchedResource.EVENTS, WatchedResource.JOBS)
                .doesNotContain(WatchedResource.SECRETS, WatchedResource.CONFIG_MAPS, WatchedResource.CRON_JOBS);
    }
}
