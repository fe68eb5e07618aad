package io.clusteragent.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A payload the real service refuses is refused by all of them, so the contract is checked here. */
class IncidentSignalSchemaTest {

    @Test
    void podPayloadMatchesTheAgentServiceContract() {
        byte[] payload =
                PublishJson.payload(Incidents.open("cpu_spike/shop/pod/web", 1).signal());

        assertThat(ContractSchema.violations(payload)).isEmpty();
    }

    @Test
    void nodePayloadLeavesTheNamespaceOutAndMatchesTheContract() throws IOException {
        byte[] payload = PublishJson.payload(
                Incidents.nodeIncident("node_not_ready/node/worker-1", 1).signal());

        assertThat(ContractSchema.tree(payload).has("namespace")).isFalse();
        assertThat(ContractSchema.violations(payload)).isEmpty();
    }

    @Test
    void fieldsAreTheServicesFieldNames() throws IOException {
        byte[] payload = PublishJson.payload(Incidents.open("f", 1).signal());

        assertThat(ContractSchema.tree(payload).fieldNames())
                .toIterable()
                .containsExactly(
                        "id",
                        "type",
                        "severity",
                        "namespace",
                        "resource",
                        "message",
                        "timestamp",
                        "source",
                        "metadata");
    }

    @Test
    void schemaRejectsANumberInMetadata() throws IOException {
        ObjectNode payload = (ObjectNode)
                ContractSchema.tree(PublishJson.payload(Incidents.open("f", 1).signal()));
        ((ObjectNode) payload.get("metadata")).put("restarts", 12);

        assertThat(ContractSchema.violations(payload))
                .singleElement()
                .asString()
                .contains("restarts");
    }

    @Test
    void schemaRejectsAMissingTimestamp() throws IOException {
        ObjectNode payload = (ObjectNode)
                ContractSchema.tree(PublishJson.payload(Incidents.open("f", 1).signal()));
        payload.remove("timestamp");

        assertThat(ContractSchema.violations(payload))
                .singleElement()
                .asString()
                .contains("timestamp");
    }

    @Test
    void schemaRejectsATimestampThatIsNotRfc3339() throws IOException {
        ObjectNode payload = (ObjectNode)
                ContractSchema.tree(PublishJson.payload(Incidents.open("f", 1).signal()));
        payload.put("timestamp", "15/01/2026 12:00");

        assertThat(ContractSchema.violations(payload)).isNotEmpty();
    }

    @Test
    void signalRefusesATimestampThatIsNotRfc3339() {
        assertThatThrownBy(() -> new IncidentSignal(
                        UUID.randomUUID(),
                        "crash_loop",
                        "critical",
                        "shop",
                        "pod/web",
                        "m",
                        "2026-01-15 12:00:00",
                        "cluster-agent",
                        Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 3339");
    }

    @Test
    void spoolRecordRoundTripsTheIncident() throws IOException {
        OutgoingIncident incident = Incidents.nodeIncident("node_not_ready/node/worker-1", 3);

        assertThat(ContractSchema.tree(PublishJson.spoolRecord(incident)).fieldNames())
                .toIterable()
                .containsExactly("fingerprint", "version", "signal");
        assertThat(PublishJson.readSpoolRecord(PublishJson.spoolRecord(incident)))
                .isEqualTo(incident);
    }
}
