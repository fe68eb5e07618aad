package io.clusteragent.detect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One problem a detector found in one cycle. Detectors report at most one finding per type and
 * resource, the most severe, so that each finding maps to one incident.
 *
 * @param namespace null for nodes
 * @param resource  {@code pod/<name>} or {@code node/<name>}; the namespace is its own field
 * @param node      the node involved; null when unknown
 * @param message   a sentence for humans, with the figures that made the detector fire
 * @param owner     the workload that runs the pod ({@code Deployment/web}); may be null
 * @param details   the detector's figures as strings ({@code current_usage: 200m}, {@code threshold: 50m}), in a stable order
 */
public record Finding(
        FindingType type,
        IncidentSeverity severity,
        String namespace,
        String resource,
        String node,
        String message,
        String owner,
        Map<String, String> details) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(message, "message");
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    public static Finding of(
            FindingType type, IncidentSeverity severity, Subject subject, String message, Map<String, String> details) {
        return new Finding(
                type,
                severity,
                subject.namespace(),
                subject.resource(),
                subject.node(),
                message,
                subject.owner(),
                details);
    }
}
