package io.clusteragent.cadvisor;

import io.clusteragent.detect.CgroupReadings;
import io.clusteragent.detect.CgroupReadings.PodName;
import io.clusteragent.detect.CgroupReadings.Usage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The latest reading of the node's cgroups as the detectors use it: each container's working set, CPU counter and
 * OOM kill counter, taken from the page a scrape of {@code /metrics/cadvisor} is served, so that the detectors judge
 * by exactly the figures a dashboard shows and the cgroups are not read a second time. Parsed once per reading;
 * empty while the families are off or before the first reading. Only container series count: the pod's own cgroup
 * and its sandbox carry {@code container=""}.
 */
public final class DetectorReadings implements Supplier<Optional<CgroupReadings>> {

    private final CadvisorMetrics metrics;
    private Rendering parsed;
    private Optional<CgroupReadings> readings = Optional.empty();

    public DetectorReadings(CadvisorMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public synchronized Optional<CgroupReadings> get() {
        Optional<Rendering> latest = metrics.latest();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        if (latest.get() != parsed) {
            parsed = latest.get();
            readings = parse(new String(parsed.text(), StandardCharsets.UTF_8));
        }
        return readings;
    }

    static Optional<CgroupReadings> parse(String page) {
        Map<PodName, Map<String, Figures>> pods = new HashMap<>();
        long readAt = -1;
        for (String line : page.split("\n")) {
            ContainerFamily family = family(line);
            if (family == null) {
                continue;
            }
            Sample sample;
            try {
                sample = Sample.parse(line, family.metricName().length());
            } catch (RuntimeException e) {
                // +Inf and NaN are no figure a detector can compare.
                continue;
            }
            String container = sample.labels().getOrDefault("container", "");
            if (container.isEmpty()
                    || (family == ContainerFamily.CPU_USAGE_SECONDS
                            && !"total".equals(sample.labels().get("cpu")))) {
                continue;
            }
            readAt = Math.max(readAt, sample.timestampMillis());
            PodName pod = new PodName(
                    sample.labels().get("namespace"), sample.labels().get("pod"));
            Figures figures = pods.computeIfAbsent(pod, p -> new HashMap<>())
                    .computeIfAbsent(container, c -> new Figures(sample.labels().get("id")));
            figures.add(family, sample.value());
        }
        if (readAt < 0) {
            return Optional.empty();
        }
        Map<PodName, Map<String, Usage>> usage = new HashMap<>();
        pods.forEach((pod, containers) -> {
            Map<String, Usage> byName = new HashMap<>();
            containers.forEach((name, figures) -> byName.put(name, figures.usage()));
            usage.put(pod, Map.copyOf(byName));
        });
        return Optional.of(new CgroupReadings(Instant.ofEpochMilli(readAt), usage));
    }

    private static ContainerFamily family(String line) {
        for (ContainerFamily family : new ContainerFamily[] {
            ContainerFamily.MEMORY_WORKING_SET, ContainerFamily.CPU_USAGE_SECONDS, ContainerFamily.OOM_EVENTS
        }) {
            String name = family.metricName();
            if (line.startsWith(name) && line.length() > name.length() && line.charAt(name.length()) == '{') {
                return family;
            }
        }
        return null;
    }

    /** One container's figures as the page lists them, family by family. */
    private static final class Figures {
        private final String cgroup;
        private OptionalLong workingSet = OptionalLong.empty();
        // cAdvisor writes no cpu="total" sample for a usage of 0.
        private double cpuSeconds;
        private OptionalLong oomKills = OptionalLong.empty();

        Figures(String cgroup) {
            this.cgroup = cgroup == null ? "" : cgroup;
        }

        void add(ContainerFamily family, double value) {
            switch (family) {
                case MEMORY_WORKING_SET -> workingSet = OptionalLong.of((long) value);
                case CPU_USAGE_SECONDS -> cpuSeconds = value;
                case OOM_EVENTS -> oomKills = OptionalLong.of((long) value);
                default -> throw new IllegalArgumentException(family.metricName());
            }
        }

        Usage usage() {
            return new Usage(cgroup, workingSet, cpuSeconds, oomKills);
        }
    }

    /** A sample line of the text format: {@code name{label="value",...} value timestamp}. */
    private record Sample(Map<String, String> labels, double value, long timestampMillis) {

        static Sample parse(String line, int labelsFrom) {
            Map<String, String> labels = new HashMap<>();
            int i = labelsFrom + 1;
            while (line.charAt(i) != '}') {
                int equals = line.indexOf('=', i);
                String name = line.substring(i, equals);
                StringBuilder value = new StringBuilder();
                int j = equals + 2;
                for (char c = line.charAt(j); c != '"'; c = line.charAt(++j)) {
                    if (c == '\\') {
                        char escaped = line.charAt(++j);
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                }
                labels.put(name, value.toString());
                i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
            }
            String[] rest = line.substring(i + 2).split(" ");
            return new Sample(labels, Double.parseDouble(rest[0]), rest.length > 1 ? Long.parseLong(rest[1]) : -1);
        }
    }
}
