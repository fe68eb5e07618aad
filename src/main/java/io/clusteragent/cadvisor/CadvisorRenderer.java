package io.clusteragent.cadvisor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a reading as kubelet's {@code /metrics/cadvisor} text does (the Prometheus Go client's
 * {@code Gather} and {@code expfmt} text writer): families in name order, HELP and TYPE once and only for a family
 * with samples, series sorted by their label values, labels sorted by name, values in Go's float format, and the
 * reading's time in milliseconds after every stats sample (not after the {@code container_spec_*} ones).
 *
 * <p>A cgroup's labels change only when its container does, so each cgroup's label block is written once and kept
 * while the cgroup is read; a rendering sorts the cgroups once and writes, per sample, the family's name, the
 * kept block and the value. Not thread-safe: one rendering at a time.
 */
final class CadvisorRenderer {

    private static final Comparator<CgroupSeries> BY_LABEL_VALUES =
            Comparator.comparing(series -> series.labels().values(), Arrays::compare);

    private static final ContainerFamily[] FAMILIES = ContainerFamily.values();
    private static final byte[][] HEADERS = new byte[FAMILIES.length][];
    private static final byte[][] NAMES = new byte[FAMILIES.length][];

    /** Per family with an extra label, how many of the six labels sort before it (where it is written). */
    private static final int[] EXTRA_AT = new int[FAMILIES.length];

    static {
        for (ContainerFamily family : FAMILIES) {
            HEADERS[family.ordinal()] = family.header().getBytes(StandardCharsets.UTF_8);
            NAMES[family.ordinal()] = family.metricName().getBytes(StandardCharsets.UTF_8);
            if (family.extraLabel() != null) {
                EXTRA_AT[family.ordinal()] = (int) Arrays.stream(SeriesLabels.NAMES)
                        .filter(name -> name.compareTo(family.extraLabel()) < 0)
                        .count();
            }
        }
    }

    /** One sample: its cgroup's place in label order, the extra label's value (or null), the value. */
    private record Row(int cgroup, String extraLabel, double value) {}

    private final PageBuffer page = new PageBuffer();
    private Map<SeriesLabels, LabelBlock> blocks = new HashMap<>();

    byte[] render(List<CgroupSeries> cgroups, long timestampMillis) {
        List<CgroupSeries> sorted = new ArrayList<>(cgroups);
        sorted.sort(BY_LABEL_VALUES);
        LabelBlock[] labels = labelBlocks(sorted);
        List<List<Row>> byFamily = rowsByFamily(sorted);
        byte[] timestamp = (" " + timestampMillis).getBytes(StandardCharsets.US_ASCII);
        page.clear();
        for (ContainerFamily family : FAMILIES) {
            List<Row> rows = byFamily.get(family.ordinal());
            if (rows.isEmpty()) {
                continue;
            }
            page.write(HEADERS[family.ordinal()]);
            if (family.extraLabel() == null) {
                writePlain(family, rows, labels, timestamp);
            } else {
                writeWithExtraLabel(family, rows, sorted, labels, timestamp);
            }
        }
        return page.toByteArray();
    }

    /** The kept blocks of the cgroups read now; those of cgroups no longer read are dropped. */
    private LabelBlock[] labelBlocks(List<CgroupSeries> sorted) {
        Map<SeriesLabels, LabelBlock> now = new HashMap<>();
        LabelBlock[] labels = new LabelBlock[sorted.size()];
        for (int i = 0; i < labels.length; i++) {
            SeriesLabels key = sorted.get(i).labels();
            LabelBlock block = now.get(key);
            if (block == null) {
                block = blocks.get(key);
                if (block == null) {
                    block = new LabelBlock(key);
                }
                now.put(key, block);
            }
            labels[i] = block;
        }
        blocks = now;
        return labels;
    }

    /** Rows of each family in cgroup order, which is the label order of the families without an extra label. */
    private static List<List<Row>> rowsByFamily(List<CgroupSeries> sorted) {
        List<List<Row>> byFamily = new ArrayList<>(FAMILIES.length);
        for (int i = 0; i < FAMILIES.length; i++) {
            byFamily.add(new ArrayList<>());
        }
        for (int i = 0; i < sorted.size(); i++) {
            for (Reading reading : sorted.get(i).readings()) {
                byFamily.get(reading.family().ordinal()).add(new Row(i, reading.extraLabel(), reading.value()));
            }
        }
        return byFamily;
    }

    private void writePlain(ContainerFamily family, List<Row> rows, LabelBlock[] labels, byte[] timestamp) {
        byte[] name = NAMES[family.ordinal()];
        for (Row row : rows) {
            page.write(name);
            page.write(labels[row.cgroup()].whole());
            writeValue(family, row.value(), timestamp);
        }
    }

    /**
     * The extra label sorts in among the six: rows order by the labels before it, then by it, then by the rest.
     * The cgroups are in label order, so "the labels before it" is the rank of their run of equal prefixes.
     */
    private void writeWithExtraLabel(
            ContainerFamily family, List<Row> rows, List<CgroupSeries> sorted, LabelBlock[] labels, byte[] timestamp) {
        int at = EXTRA_AT[family.ordinal()];
        int[] prefix = prefixRanks(sorted, at);
        rows.sort(Comparator.<Row>comparingInt(row -> prefix[row.cgroup()])
                .thenComparing(Row::extraLabel, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Row::cgroup));
        byte[] name = NAMES[family.ordinal()];
        String extraLabel = family.extraLabel();
        for (Row row : rows) {
            LabelBlock block = labels[row.cgroup()];
            page.write(name);
            page.write(block.before(at));
            page.write(extraLabel);
            page.write('=');
            page.write('"');
            page.write(LabelBlock.escape(row.extraLabel()));
            page.write('"');
            page.write(block.after(at));
            writeValue(family, row.value(), timestamp);
        }
    }

    private void writeValue(ContainerFamily family, double value, byte[] timestamp) {
        page.write(' ');
        page.writeValue(value);
        if (family.timestamped()) {
            page.write(timestamp);
        }
        page.write('\n');
    }

    /** For each cgroup in label order, the rank of its first {@code count} label values among the others'. */
    private static int[] prefixRanks(List<CgroupSeries> sorted, int count) {
        int[] ranks = new int[sorted.size()];
        String[] previous = null;
        int rank = -1;
        for (int i = 0; i < ranks.length; i++) {
            String[] values = sorted.get(i).labels().values();
            if (previous == null || !Arrays.equals(previous, 0, count, values, 0, count)) {
                rank++;
            }
            ranks[i] = rank;
            previous = values;
        }
        return ranks;
    }
}
