package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.EventRecordJson;
import io.clusteragent.eventrecord.InvolvedObject;
import io.clusteragent.eventrecord.RecordType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The analyzer reads the events topic with its own one-pass parser; whatever a record looks like, it must be
 * accepted, converted or refused exactly as the agents' data-binding reader does.
 */
class EventRecordParserTest {

    private static final Instant T = Instant.parse("2026-11-30T10:15:30Z");

    static List<String> records() {
        List<String> records = new ArrayList<>();
        for (EventRecord record : List.of(
                event(T, null),
                event(Instant.parse("2026-02-28T23:59:59.123Z"), "registry/app:1.2"),
                event(Instant.parse("2024-02-29T00:00:00.000001Z"), null),
                event(Instant.parse("1999-12-31T23:59:59.999999999Z"), null),
                new EventRecord(
                        1,
                        RecordType.summary,
                        "c1",
                        "dev",
                        T,
                        Category.Platform,
                        "Warning",
                        "BackOff",
                        "suppressed 7 occurrences of BackOff in shop",
                        new InvolvedObject(null, "shop", null, null),
                        null,
                        0,
                        7,
                        T,
                        T,
                        null),
                EventRecord.heartbeat("c2", "dev", T))) {
            records.add(new String(EventRecordJson.write(record), StandardCharsets.UTF_8));
        }
        String canonical = records.get(0);
        records.addAll(List.of(
                canonical.replace("\"2026-11-30T10:15:30Z\"", "\"2026-11-30T12:15:30+02:00\""),
                canonical.replace("\"2026-11-30T10:15:30Z\"", "\"2026-11-30T10:15Z\""),
                canonical.replace("\"2026-11-30T10:15:30Z\"", "1764497730"),
                canonical.replace("\"2026-11-30T10:15:30Z\"", "\"2026-02-30T10:15:30Z\""),
                canonical.replace("\"2026-11-30T10:15:30Z\"", "\"2026-11-30T24:15:30Z\""),
                canonical.replace("\"2026-11-30T10:15:30Z\"", "null"),
                canonical.replace("\"occurrences\":4", "\"occurrences\":\"4\""),
                canonical.replace("\"occurrences\":4", "\"occurrences\":4.0"),
                canonical.replace("\"occurrences\":4", "\"occurrences\":null"),
                canonical.replace("\"occurrences\":4", "\"occurrences\":99999999999999999999"),
                canonical.replace("\"schemaVersion\":1", "\"schemaVersion\":9999999999"),
                canonical.replace("\"reason\":\"BackOff\"", "\"reason\":5"),
                canonical.replace("\"reason\":\"BackOff\"", "\"reason\":null"),
                canonical.replace("\"reason\":\"BackOff\"", "\"reason\":{\"a\":1}"),
                canonical.replace("\"category\":\"Customer\"", "\"category\":\"Nobody\""),
                canonical.replace("\"category\":\"Customer\"", "\"category\":null"),
                canonical.replace("\"recordType\":\"event\"", "\"recordType\":\"gossip\""),
                canonical.replace("\"recordType\":\"event\",", ""),
                canonical.replace("\"clusterId\":\"c1\",", ""),
                canonical.replace("\"kind\":\"Pod\"", "\"kind\":null,\"extra\":[1,{\"x\":2}]"),
                canonical.replace("\"kind\":\"Pod\"", "\"kind\":7"),
                canonical.replace("{\"schemaVersion\"", "{\"future\":{\"nested\":[true,null]},\"schemaVersion\""),
                canonical + " {}",
                canonical.substring(0, canonical.length() - 1),
                "[]",
                "not json",
                ""));
        return records;
    }

    @ParameterizedTest
    @MethodSource("records")
    void readsEveryRecordAsTheDataBindingReaderDoes(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Throwable expectedFailure = catchThrowable(() -> EventRecordJson.read(bytes));
        if (expectedFailure == null) {
            assertThat(EventRecordParser.read(bytes)).isEqualTo(EventRecordJson.read(bytes));
        } else {
            assertThatThrownBy(() -> EventRecordParser.read(bytes))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(expectedFailure.getMessage());
        }
    }

    private static EventRecord event(Instant time, String image) {
        return new EventRecord(
                1,
                RecordType.event,
                "c1",
                "dev",
                time,
                Category.Customer,
                "Warning",
                "BackOff",
                "Back-off restarting failed container",
                new InvolvedObject("Pod", "shop", "web-1", "uid-1"),
                "event-1",
                12,
                4,
                time.minusSeconds(60),
                time,
                image);
    }
}
