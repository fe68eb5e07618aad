package io.clusteragent.eventrecord;

import io.clusteragent.detect.Category;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRecordJsonTest {

    private static final Instant AT = Instant.parse("2026-11-30T10:15:30Z");

    @Test
    void anEventRecordReadsBackAsWrittenWithRfc3339Times() {
        EventRecord record = new EventRecord(
                EventRecord.SCHEMA_VERSION,
                RecordType.event,
                "prod-eu-1",
                "1.0.0",
                AT,
                Category.Customer,
                "Warning",
                "BackOff",
                "Back-off restarting failed container",
                new InvolvedObject("Pod", "shop", "cart-7d9", "uid-1"),
                "event-uid-1",
                7,
                2,
                AT.minusSeconds(600),
                AT,
                "registry.example/cart:1.2");

        byte[] wire = EventRecordJson.write(record);

        assertThat(new String(wire, StandardCharsets.UTF_8))
                .contains(
                        "\"recordType\":\"event\"",
                        "\"lastTimestamp\":\"2026-11-30T10:15:30Z\"",
                        "\"category\":\"Customer\"");
        assertThat(EventRecordJson.read(wire)).isEqualTo(record);
    }

    @Test
    void aHeartbeatLeavesOutWhatItDoesNotHave() {
        String wire =
                new String(EventRecordJson.write(EventRecord.heartbeat("c1", "1.0.0", AT)), StandardCharsets.UTF_8);

        assertThat(wire).contains("\"recordType\":\"heartbeat\"").doesNotContain("reason", "involvedObject");
    }

    @Test
    void fieldsANewerAgentAddsAreIgnored() {
        String newer = "{\"schemaVersion\":2,\"recordType\":\"heartbeat\",\"clusterId\":\"c1\","
                + "\"timestamp\":\"2026-11-30T10:15:30Z\",\"region\":\"eu\"}";

        assertThat(EventRecordJson.read(newer.getBytes(StandardCharsets.UTF_8)).clusterId())
                .isEqualTo("c1");
    }

    @Test
    void somethingElseIsRefusedWithTheReason() {
        assertThatThrownBy(() -> EventRecordJson.read("{\"recordType\":\"event\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clusterId");
    }
}
