package io.clusteragent.kubestate;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Renders an object's families as kube-state-metrics writes them ({@code pkg/metric/family.go},
 * {@code metric.go}): per sample {@code name{k="v",...} value\n}, labels in the order given, no timestamp, a label
 * value escaped only when it holds a backslash, a newline or a double quote; an empty family writes nothing.
 */
public final class FamilyRenderer {

    private FamilyRenderer() {}

    static <T> RenderedObject render(List<FamilyGenerator<T>> families, T object) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        int[] ends = new int[families.size()];
        for (int i = 0; i < families.size(); i++) {
            FamilyGenerator<T> family = families.get(i);
            byte[] name = family.name().getBytes(StandardCharsets.UTF_8);
            for (Metric metric : family.generate().apply(object)) {
                out.writeBytes(name);
                writeMetric(out, metric);
            }
            ends[i] = out.size();
        }
        return new RenderedObject(out.toByteArray(), ends);
    }

    /** One sample line without the family name ({@code Metric.Write}). */
    static void writeMetric(ByteArrayOutputStream out, Metric metric) {
        List<String> keys = metric.labelKeys();
        List<String> values = metric.labelValues();
        if (!keys.isEmpty()) {
            char separator = '{';
            for (int i = 0; i < keys.size(); i++) {
                out.write(separator);
                out.writeBytes(keys.get(i).getBytes(StandardCharsets.UTF_8));
                out.write('=');
                out.write('"');
                out.writeBytes(escape(values.get(i)).getBytes(StandardCharsets.UTF_8));
                out.write('"');
                separator = ',';
            }
            out.write('}');
        }
        out.write(' ');
        out.writeBytes(GoFloat.bytes(metric.value()));
        out.write('\n');
    }

    /** A label value as the 0.0.4 text format needs it: backslash, newline and double quote escaped. */
    public static String escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\n' || c == '"') {
                return escapeAll(value);
            }
        }
        return value;
    }

    private static String escapeAll(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '"' -> escaped.append("\\\"");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
