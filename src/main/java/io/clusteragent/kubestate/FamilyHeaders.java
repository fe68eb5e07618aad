package io.clusteragent.kubestate;

import java.util.List;

/**
 * The HELP and TYPE lines of one resource's families, built once per format at start-up
 * ({@code ExtractMetricFamilyHeaders} and {@code precomputeHeaders}), so a scrape only copies them.
 */
final class FamilyHeaders {

    private final List<String> names;
    private final byte[][] text;
    private final byte[][] openMetrics;

    FamilyHeaders(List<? extends FamilyGenerator<?>> families) {
        this.names = families.stream().map(FamilyGenerator::name).toList();
        this.text = families.stream().map(f -> f.header(ExpositionFormat.TEXT)).toArray(byte[][]::new);
        this.openMetrics = families.stream()
                .map(f -> f.header(ExpositionFormat.OPENMETRICS))
                .toArray(byte[][]::new);
    }

    int count() {
        return names.size();
    }

    String name(int family) {
        return names.get(family);
    }

    byte[] header(int family, ExpositionFormat format) {
        return format == ExpositionFormat.TEXT ? text[family] : openMetrics[family];
    }
}
