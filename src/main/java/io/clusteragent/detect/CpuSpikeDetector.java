package io.clusteragent.detect;

import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * cpu_spike: a pod whose CPU usage, averaged over its last samples, is above an absolute threshold.
 * Every such pod is reported, each with the seed's severity tiers.
 */
public final class CpuSpikeDetector implements Detector {

    private final double thresholdMillicores;
    private final MetricsHistory history;

    public CpuSpikeDetector(double thresholdMillicores, int window) {
        this.thresholdMillicores = thresholdMillicores;
        this.history = new MetricsHistory(window);
    }

    @Override
    public FindingType type() {
        return FindingType.CPU_SPIKE;
    }

    @Override
    public List<Finding> detect(DetectionInput input) {
        ClusterState state = input.state();
        List<PodMetrics> metrics = state.podMetrics();
        history.record(metrics, input.now());
        List<Finding> findings = new ArrayList<>();
        for (PodMetrics sample : metrics) {
            String namespace = sample.getMetadata().getNamespace();
            String name = sample.getMetadata().getName();
            OptionalDouble average = history.averageCpu(namespace, name);
            if (average.isEmpty() || average.getAsDouble() <= thresholdMillicores) {
                continue;
            }
            Optional<Pod> pod = state.pod(namespace, name);
            if (pod.map(input::covers).orElse(input.nodeName().isEmpty())) {
                Subject subject =
                        pod.map(p -> Subject.pod(p, state)).orElseGet(() -> Subject.uncachedPod(namespace, name));
                findings.add(finding(subject, namespace + "/" + name, average.getAsDouble()));
            }
        }
        return findings;
    }

    /**
     * The seed's tiers: at least 1.5× the threshold is critical, 1.2× high, 1.1× medium, anything
     * above it low. Compared in tenths so that exactly 1.1× is not lost to binary rounding of 1.1.
     */
    static IncidentSeverity severity(double averageMillicores, double thresholdMillicores) {
        double tenths = averageMillicores * 10;
        if (tenths >= thresholdMillicores * 15) {
            return IncidentSeverity.CRITICAL;
        }
        if (tenths >= thresholdMillicores * 12) {
            return IncidentSeverity.HIGH;
        }
        return tenths >= thresholdMillicores * 11 ? IncidentSeverity.MEDIUM : IncidentSeverity.LOW;
    }

    private Finding finding(Subject subject, String pod, double average) {
        String ratio = String.format(Locale.ROOT, "%.2f", average / thresholdMillicores);
        String message = "CPU spike on pod " + pod + ": " + Amounts.millicores(average) + " on average over the last "
                + history.window() + " samples, " + ratio + "x the threshold of "
                + Amounts.millicores(thresholdMillicores);
        return Finding.of(
                type(),
                severity(average, thresholdMillicores),
                subject,
                message,
                Details.of()
                        .put("current_usage", Amounts.millicores(average))
                        .put("threshold", Amounts.millicores(thresholdMillicores))
                        .put("ratio", ratio)
                        .put("samples", history.window())
                        .build());
    }
}
