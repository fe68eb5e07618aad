package io.clusteragent.kubestate;

import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The pod tests' view of a scrape, as kube-state-metrics' {@code pod_test.go} looks at one: the sample lines of a
 * few families of one pod (the families' headers are checked once, by the full-scrape test).
 */
final class PodScrape {

    private PodScrape() {}

    /** A pod with the metadata every kube-state-metrics pod test case starts from. */
    static PodBuilder pod(String namespace, String name, String uid) {
        return new PodBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .withUid(uid)
                .endMetadata();
    }

    /** Go's {@code metav1.Time{Time: time.Unix(seconds, 0)}} as the API server writes it. */
    static String at(long unixSeconds) {
        return Instant.ofEpochSecond(unixSeconds).toString();
    }

    /** The sample lines of the named families, in the order they are written. */
    static String samples(Pod pod, String... families) {
        return samples(Map.of(), Map.of(), pod, families);
    }

    static String samples(
            Map<String, List<String>> labelsAllowlist,
            Map<String, List<String>> annotationsAllowlist,
            Pod pod,
            String... families) {
        String scrape = scrape(labelsAllowlist, annotationsAllowlist, pod, families);
        return scrape.lines()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line + "\n")
                .collect(Collectors.joining());
    }

    /** The whole text of the named families (HELP, TYPE and samples); every opt-in family is enabled. */
    static String scrape(
            Map<String, List<String>> labelsAllowlist,
            Map<String, List<String>> annotationsAllowlist,
            Pod pod,
            String... families) {
        Set<String> exactly = Arrays.stream(families).map(f -> "^" + f + "$").collect(Collectors.toSet());
        KubeStateSettings settings = new KubeStateSettings(
                exactly, Set.of(), Set.of(".*"), labelsAllowlist, annotationsAllowlist, List.of(), List.of(), 0, 1);
        return GoldenScrape.scrape(settings, PodMetrics.RESOURCE, ExpositionFormat.TEXT, pod);
    }
}
