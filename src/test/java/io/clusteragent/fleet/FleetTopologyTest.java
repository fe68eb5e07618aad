package io.clusteragent.fleet;

import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics the analyzer creates and writes besides the anomaly topics: each costs a produce, a fetch and a
 * transaction's worth of latency per record, so only rules spanning clusters repartition (the events topic is keyed
 * by cluster id, so a rule grouping by cluster finds all records of a key in one partition already).
 */
class FleetTopologyTest {

    @Test
    void onlyTheRuleSpanningClustersRepartitionsTheEvents() {
        TopologyDescription description =
                FleetTopology.build(RuleFile.defaults(), FleetTopics.defaults()).describe();

        Set<String> written = new TreeSet<>();
        for (TopologyDescription.Subtopology subtopology : description.subtopologies()) {
            for (TopologyDescription.Node node : subtopology.nodes()) {
                if (node instanceof TopologyDescription.Sink sink) {
                    written.add(sink.topic());
                }
            }
        }

        assertThat(written)
                .containsExactly(
                        "rule-fleet-image-failures-repartition",
                        "telemetry.anomalies",
                        "telemetry.anomalies.customer",
                        "telemetry.anomalies.platform");
    }
}
