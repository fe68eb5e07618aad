package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The limitrange families against kube-state-metrics' own expectations ({@code internal/store/limitrange_test.go}). */
class LimitRangeMetricsTest {

    @Test
    void everyConstraintOfEveryLimitIsOneSeries() {
        Map<String, Quantity> memory = Map.of("memory", new Quantity("2.1G"));
        LimitRange range = new LimitRangeBuilder()
                .withNewMetadata()
                .withName("quotaTest")
                .withNamespace("testNS")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .endMetadata()
                .withNewSpec()
                .addNewLimit()
                .withType("Pod")
                .withMax(memory)
                .withMin(memory)
                .withDefault(memory)
                .withDefaultRequest(memory)
                .withMaxLimitRequestRatio(memory)
                .endLimit()
                .addNewLimit()
                .withType("Container")
                .withDefaultRequest(Map.of("cpu", new Quantity("250m")))
                .endLimit()
                .endSpec()
                .build();

        assertThat(GoldenScrape.text(LimitRangeMetrics.RESOURCE, range)).isEqualTo("""
                # HELP kube_limitrange [STABLE] Information about limit range.
                # TYPE kube_limitrange gauge
                kube_limitrange{namespace="testNS",limitrange="quotaTest",resource="memory",type="Pod",constraint="min"} 2.1e+09
                kube_limitrange{namespace="testNS",limitrange="quotaTest",resource="memory",type="Pod",constraint="max"} 2.1e+09
                kube_limitrange{namespace="testNS",limitrange="quotaTest",resource="memory",type="Pod",constraint="default"} 2.1e+09
                kube_limitrange{namespace="testNS",limitrange="quotaTest",resource="memory",type="Pod",constraint="defaultRequest"} 2.1e+09
                kube_limitrange{namespace="testNS",limitrange="quotaTest",resource="memory",type="Pod",constraint="maxLimitRequestRatio"} 2.1e+09
                kube_limitrange{namespace="testNS",limitrange="quotaTest",resource="cpu",type="Container",constraint="defaultRequest"} 0.25
                # HELP kube_limitrange_created [STABLE] Unix creation timestamp
                # TYPE kube_limitrange_created gauge
                kube_limitrange_created{namespace="testNS",limitrange="quotaTest"} 1.5e+09
                """);
    }
}
