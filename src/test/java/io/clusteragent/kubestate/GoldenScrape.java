package io.clusteragent.kubestate;

import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a scraper reads from {@code /metrics/kubestate} when the agent knows only the given objects of one
 * resource: the golden tests of every resource compare this text with kube-state-metrics' expected output.
 * Objects of one resource come out in no fixed order (as in kube-state-metrics), so a golden text either holds
 * one object or is compared with {@link #sortedWithinFamilies}.
 */
final class GoldenScrape {

    private GoldenScrape() {}

    static String text(KubeStateResource<?> resource, HasMetadata... objects) {
        return scrape(KubeStateSettings.defaults(), resource, ExpositionFormat.TEXT, objects);
    }

    static String scrape(
            KubeStateSettings settings,
            KubeStateResource<?> resource,
            ExpositionFormat format,
            HasMetadata... objects) {
        KubeStateMetrics metrics = KubeStateMetrics.create(settings, List.of(resource));
        for (HasMetadata object : objects) {
            metrics.upsert(resource.plural(), object);
        }
        return write(metrics, ResourceSelection.ALL, format);
    }

    static String write(KubeStateMetrics metrics, ResourceSelection selection, ExpositionFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            metrics.write(selection, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The scrape with the sample lines under each header sorted, for texts of several objects. */
    static String sortedWithinFamilies(String scrape) {
        StringBuilder sorted = new StringBuilder();
        List<String> samples = new java.util.ArrayList<>();
        for (String line : scrape.split("\n", -1)) {
            if (line.startsWith("#") || line.isEmpty()) {
                samples.stream().sorted().forEach(s -> sorted.append(s).append('\n'));
                samples.clear();
                if (!line.isEmpty()) {
                    sorted.append(line).append('\n');
                }
            } else {
                samples.add(line);
            }
        }
        return sorted.toString();
    }
}
