package io.clusteragent.cadvisor;

import io.clusteragent.kubestate.FamilyRenderer;
import io.clusteragent.kubestate.GoFloat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a reading as kubelet's {@code /metrics/cadvisor} text does (the Prometheus Go client's
 * {@code Gather} and {@code expfmt} text writer): families in name order, HELP and TYPE once and only for a family
 * with samples, series sorted by their label values, labels sorted by name, values in Go's float format, and the
 * reading's time in milliseconds after every stats sample (not after the {@code container_spec_*} ones).
 */
final class CadvisorRenderer {

    private static final Comparator<Sample> BY_LABEL_VALUES = (a, b) -> Arrays.compare(a.labelValues, b.labelValues);

    /** Per family, its label names in written order: the six of every series and its extra one, sorted. */
    private static final Map<ContainerFamily, String[]> LABEL_NAMES = new EnumMap<>(ContainerFamily.class);

    static {
        for (ContainerFamily family : ContainerFamily.values()) {
            List<String> names = new ArrayList<>(List.of(SeriesLabels.NAMES));
            if (family.extraLabel() != null) {
                names.add(family.extraLabel());
            }
            LABEL_NAMES.put(family, names.stream().sorted().toArray(String[]::new));
        }
    }

    private record Sample(String[] labelValues, double value) {}

    private CadvisorRenderer() {}

    static byte[] render(List<CgroupSeries> cgroups, long timestampMillis) {
        Map<ContainerFamily, List<Sample>> byFamily = new EnumMap<>(ContainerFamily.class);
        for (CgroupSeries cgroup : cgroups) {
            String[] base = cgroup.labels().values();
            for (Reading reading : cgroup.readings()) {
                byFamily.computeIfAbsent(reading.family(), family -> new ArrayList<>())
                        .add(new Sample(labelValues(reading, base), reading.value()));
            }
        }
        StringBuilder text = new StringBuilder(256 * cgroups.size() * 8 + 64);
        String timestamp = " " + timestampMillis;
        for (Map.Entry<ContainerFamily, List<Sample>> entry : byFamily.entrySet()) {
            ContainerFamily family = entry.getKey();
            String[] names = LABEL_NAMES.get(family);
            List<Sample> samples = entry.getValue();
            samples.sort(BY_LABEL_VALUES);
            text.append(family.header());
            for (Sample sample : samples) {
                text.append(family.metricName());
                char separator = '{';
                for (int i = 0; i < names.length; i++) {
                    text.append(separator)
                            .append(names[i])
                            .append("=\"")
                            .append(FamilyRenderer.escape(sample.labelValues[i]))
                            .append('"');
                    separator = ',';
                }
                text.append("} ").append(GoFloat.format(sample.value));
                if (family.timestamped()) {
                    text.append(timestamp);
                }
                text.append('\n');
            }
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The sample's label values in the family's label order: the extra label falls where its name sorts. */
    private static String[] labelValues(Reading reading, String[] base) {
        if (reading.family().extraLabel() == null) {
            return base;
        }
        String[] names = LABEL_NAMES.get(reading.family());
        String[] values = new String[names.length];
        int from = 0;
        for (int i = 0; i < names.length; i++) {
            values[i] = names[i].equals(reading.family().extraLabel()) ? reading.extraLabel() : base[from++];
        }
        return values;
    }
}
