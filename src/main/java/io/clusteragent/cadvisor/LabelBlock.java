package io.clusteragent.cadvisor;

import io.clusteragent.kubestate.FamilyRenderer;

import java.nio.charset.StandardCharsets;

/**
 * A cgroup's six labels as the page writes them, {@code {container="…",id="…",…,pod="…"}}, escaped and encoded
 * once: whole for the families without an extra label, and split where a family's extra label sorts in.
 */
final class LabelBlock {

    private final String[] pairs;
    private final byte[] whole;
    private final byte[][] before = new byte[SeriesLabels.NAMES.length + 1][];
    private final byte[][] after = new byte[SeriesLabels.NAMES.length + 1][];

    LabelBlock(SeriesLabels labels) {
        String[] values = labels.values();
        pairs = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            pairs[i] = SeriesLabels.NAMES[i] + "=\"" + FamilyRenderer.escape(values[i]) + '"';
        }
        whole = utf8("{" + String.join(",", pairs) + "}");
    }

    static byte[] escape(String value) {
        return utf8(FamilyRenderer.escape(value));
    }

    byte[] whole() {
        return whole;
    }

    /** {@code {} and the first {@code count} labels, each followed by a comma. */
    byte[] before(int count) {
        if (before[count] == null) {
            StringBuilder text = new StringBuilder("{");
            for (int i = 0; i < count; i++) {
                text.append(pairs[i]).append(',');
            }
            before[count] = utf8(text.toString());
        }
        return before[count];
    }

    /** The labels from {@code count} on, each preceded by a comma, and {@code }}. */
    byte[] after(int count) {
        if (after[count] == null) {
            StringBuilder text = new StringBuilder();
            for (int i = count; i < pairs.length; i++) {
                text.append(',').append(pairs[i]);
            }
            after[count] = utf8(text.append('}').toString());
        }
        return after[count];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
