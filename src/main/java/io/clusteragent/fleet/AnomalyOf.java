package io.clusteragent.fleet;

import io.clusteragent.detect.Category;
import org.apache.kafka.streams.kstream.Window;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The anomaly a rule reports when its count for one key reaches its threshold in one window. */
final class AnomalyOf {

    private AnomalyOf() {}

    static Anomaly crossing(Rule rule, RuleKey key, Window window, Tally tally, Instant timestamp) {
        boolean fleetWide = !rule.perCluster();
        List<String> clusters = fleetWide ? tally.members() : List.of(key.cluster());
        return new Anomaly(
                Anomaly.SCHEMA_VERSION,
                id(rule, key, window),
                rule.name(),
                rule.severity(),
                tally.category() == null ? Category.Customer : tally.category(),
                fleetWide ? Anomaly.FLEET : key.cluster(),
                clusters,
                timestamp,
                window.startTime(),
                window.endTime(),
                AnomalyKey.of(key),
                tally.count(),
                rule.atLeast(),
                rule.count() == Measure.namespaces ? tally.members() : null,
                tally.eventUids());
    }

    /** SHA-256 of rule, key and window start: stable across redeliveries, restarts and analyzer instances. */
    static String id(Rule rule, RuleKey key, Window window) {
        String identity = String.join(
                "|",
                rule.name(),
                String.valueOf(key.cluster()),
                String.valueOf(key.namespace()),
                String.valueOf(key.kind()),
                String.valueOf(key.name()),
                String.valueOf(key.reason()),
                String.valueOf(key.image()),
                Long.toString(window.start()));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
