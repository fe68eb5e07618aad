package io.clusteragent.kubestate;

import java.util.List;

/**
 * The HELP and TYPE lines of one resource's families, built once per format at start-up
 * ({@code ExtractMetricFamilyHeaders} and {@code precomputeHeaders}), so a scrape only copies them.
 */
final class FamilyHeaders {

    private final List<String> names;
    private final TextChunk[] text;
    private final TextChunk[] openMetrics;

    FamilyHeaders(List<? extends FamilyGenerator<?>> families) {
        this.names = families.stream().map(FamilyGenerator::name).toList();
        this.text = families.stream()
                .map(f -> new TextChunk(f.header(ExpositionFormat.TEXT)))
                .toArray(TextChunk[]::new);
        this.openMetrics = families.stream()
                .map(f -> new TextChunk(f.header(ExpositionFormat.OPENMETRICS)))
                .toArray(TextChunk[]::new);
    }

    int count() {
        return names.size();
    }

    String name(int family) {
        return names.get(family);
    }

    TextChunk header(int family, ExpositionFormat format) {
        return format == ExpositionFormat.TEXT ? text[family] : openMetrics[family];
    }
}
