package io.clusteragent.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.config.DetectorSettings;
import io.clusteragent.detect.DetectionInput;
import io.clusteragent.detect.Detectors;
import io.clusteragent.detect.IncidentTracker;
import io.clusteragent.detect.Notification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the demo cluster's incidents look like on the wire: exactly what the Agent Service accepts. */
class IncidentSignalsTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final IncidentSignals.Reporter REPORTER =
            new IncidentSignals.Reporter("cluster-agent", "demo-eu-west-1", "staging");
    private static List<Notification> notifications;

    @BeforeAll
    static void detectOnTheDemoCluster() {
        ClusterState demo = new SnapshotLoader().load(Path.of("examples/demo-cluster.yaml"), NOW);
        DetectorSettings settings = DetectorSettings.defaults();
        notifications = IncidentTracker.of(REPORTER.clusterId(), settings, true)
                .update(Detectors.run(Detectors.all(settings), DetectionInput.of(demo, NOW, settings)), NOW);
    }

    @Test
    void everyDemoIncidentIsAPayloadTheServiceAccepts() throws Exception {
        assertThat(notifications).hasSizeGreaterThan(10);
        for (Notification notification : notifications) {
            byte[] payload = PublishJson.payload(
                    IncidentSignals.outgoing(notification, REPORTER).signal());
            assertThat(ContractSchema.violations(payload))
                    .as(new String(payload))
                    .isEmpty();
        }
    }

    @Test
    void metadataCarriesTheClusterTheRoutingCategoryAndTheLifecycle() throws Exception {
        Notification crashLoop = find("crash_loop", "pod/payments-28wlt5pw27-jn4tz");
        OutgoingIncident outgoing = IncidentSignals.outgoing(crashLoop, REPORTER);
        JsonNode payload = ContractSchema.tree(PublishJson.payload(outgoing.signal()));

        assertThat(payload.get("namespace").asText()).isEqualTo("shop");
        assertThat(payload.get("source").asText()).isEqualTo("cluster-agent");
        JsonNode metadata = payload.get("metadata");
        assertThat(metadata.get("cluster_id").asText()).isEqualTo("demo-eu-west-1");
        assertThat(metadata.get("environment").asText()).isEqualTo("staging");
        assertThat(metadata.get("category").asText()).isEqualTo("Customer");
        assertThat(metadata.get("status").asText()).isEqualTo("open");
        assertThat(metadata.get("fingerprint").asText()).isEqualTo(crashLoop.fingerprint());
        assertThat(metadata.get("owner").asText()).isEqualTo("Deployment/payments");
        assertThat(metadata.get("node").asText()).isEqualTo("worker-2");
        assertThat(outgoing.idempotencyKey()).isEqualTo(crashLoop.fingerprint() + ":1");
    }

    @Test
    void nodeIncidentsArePlatformAndCarryNoNamespace() throws Exception {
        JsonNode payload = ContractSchema.tree(
                PublishJson.payload(IncidentSignals.outgoing(find("node_not_ready", "node/worker-3"), REPORTER)
                        .signal()));

        assertThat(payload.has("namespace")).isFalse();
        assertThat(payload.get("metadata").get("category").asText()).isEqualTo("Platform");
        assertThat(payload.get("metadata").get("node").asText()).isEqualTo("worker-3");
    }

    private static Notification find(String type, String resource) {
        return notifications.stream()
                .filter(n -> n.finding().type().label().equals(type)
                        && n.finding().resource().equals(resource))
                .findFirst()
                .orElseThrow();
    }
}
