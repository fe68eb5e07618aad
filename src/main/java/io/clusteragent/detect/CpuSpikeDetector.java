package io.clusteragent.detect;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.cluster.ClusterState;
import io.clusteragent.detect.CgroupReadings.PodName;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * cpu_spike: a pod whose CPU usage, averaged over its last samples, is above an absolute threshold.
 * Every such pod is reported, each with the seed's severity tiers. A pod the node's own cgroup reading covers is
 * judged by its containers' CPU counters over the last {@code window} intervals between readings, any other by its
 * last {@code window} metrics.k8s.io samples; the finding's {@code source} says which.
 */
public final class CpuSpikeDetector implements Detector {

    private final double thresholdMillicores;
    private final MetricsHistory history;
    private final CgroupCpuHistory cgroupHistory;

    public CpuSpikeDetector(double thresholdMillicores, int window) {
        this.thresholdMillicores = thresholdMillicores;
        this.history = new MetricsHistory(window);
        this.cgroupHistory = new CgroupCpuHistory(window);
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
        input.cgroups().ifPresent(readings -> {
            cgroupHistory.record(readings);
            for (Pod pod : input.pods()) {
                PodName name = new PodName(
                        pod.getMetadata().getNamespace(), pod.getMetadata().getName());
                if (readings.pods().containsKey(name)) {
                    cgroupHistory
                            .rate(name)
                            .filter(rate -> rate.millicores() > thresholdMillicores)
                            .ifPresent(rate -> findings.add(cgroupFinding(Subject.pod(pod, state), name, rate)));
                }
            }
        });
        for (PodMetrics sample : metrics) {
            String namespace = sample.getMetadata().getNamespace();
            String name = sample.getMetadata().getName();
            if (input.cgroups()
                    .flatMap(readings -> readings.pod(namespace, name))
                    .isPresent()) {
                continue;
            }
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
        return finding(
                subject,
                pod,
                average,
                history.window() + " samples",
                Details.of().put("samples", history.window()).put("source", MemoryHighDetector.METRICS_API));
    }

    private Finding cgroupFinding(Subject subject, PodName pod, CgroupCpuHistory.Rate rate) {
        String window = HumanDuration.format(rate.over());
        return finding(
                subject,
                pod.namespace() + "/" + pod.name(),
                rate.millicores(),
                window + " of the node's cgroup readings",
                Details.of().put("window", window).put("source", CgroupReadings.SOURCE));
    }

    private Finding finding(Subject subject, String pod, double average, String over, Details measured) {
        String ratio = String.format(Locale.ROOT, "%.2f", average / thresholdMillicores);
        String message = "CPU spike on pod " + pod + ": " + Amounts.millicores(average) + " on average over the last "
                + over + ", " + ratio + "x the threshold of " + Amounts.millicores(thresholdMillicores);
        Details details = Details.of()
                .put("current_usage", Amounts.millicores(average))
                .put("threshold", Amounts.millicores(thresholdMillicores))
                .put("ratio", ratio);
        measured.build().forEach(details::put);
        return Finding.of(type(), severity(average, thresholdMillicores), subject, message, details.build());
    }
}
