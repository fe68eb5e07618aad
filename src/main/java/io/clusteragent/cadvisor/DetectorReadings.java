package io.clusteragent.cadvisor;

import io.clusteragent.detect.CgroupReadings;
import io.clusteragent.detect.CgroupReadings.PodName;
import io.clusteragent.detect.CgroupReadings.Usage;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reading of the node's cgroups as the detectors use it: each container's working set, CPU counter and OOM kill
 * counter, the very values the same reading's page serves, so the detectors judge by the figures a dashboard
 * shows. Only container cgroups count: the pod's own cgroup and its sandbox carry {@code container=""}.
 */
final class DetectorReadings {

    private DetectorReadings() {}

    /** @return empty when the reading holds no container */
    static Optional<CgroupReadings> of(List<CgroupSeries> series, long readAtMillis) {
        Map<PodName, Map<String, Usage>> pods = new HashMap<>();
        for (CgroupSeries cgroup : series) {
            SeriesLabels labels = cgroup.labels();
            if (labels.container().isEmpty()) {
                continue;
            }
            pods.computeIfAbsent(new PodName(labels.namespace(), labels.pod()), pod -> new HashMap<>())
                    .put(labels.container(), usage(labels.id(), cgroup.readings()));
        }
        if (pods.isEmpty()) {
            return Optional.empty();
        }
        pods.replaceAll((pod, containers) -> Map.copyOf(containers));
        return Optional.of(new CgroupReadings(Instant.ofEpochMilli(readAtMillis), pods));
    }

    private static Usage usage(String cgroup, List<Reading> readings) {
        OptionalLong workingSet = OptionalLong.empty();
        // cAdvisor reports no cpu="total" value for a cgroup that has not used any CPU yet.
        double cpuSeconds = 0;
        OptionalLong oomKills = OptionalLong.empty();
        for (Reading reading : readings) {
            switch (reading.family()) {
                case MEMORY_WORKING_SET -> workingSet = OptionalLong.of((long) reading.value());
                case CPU_USAGE_SECONDS -> {
                    if ("total".equals(reading.extraLabel())) {
                        cpuSeconds = reading.value();
                    }
                }
                case OOM_EVENTS -> oomKills = OptionalLong.of((long) reading.value());
                default -> {
                    // the detectors judge by these three alone
                }
            }
        }
        return new Usage(cgroup, workingSet, cpuSeconds, oomKills);
    }
}
