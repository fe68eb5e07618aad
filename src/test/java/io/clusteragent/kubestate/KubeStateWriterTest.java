package io.clusteragent.kubestate;

import io.clusteragent.cluster.WatchedResource;
import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** What a scraper reads: headers, filters and formats as kube-state-metrics' handler and writer produce them. */
class KubeStateWriterTest {

    /** A second resource, shaped like the ones the family authors add, with an info and a deprecated family. */
    private static final DefaultLabels<ConfigMap> CONFIGMAP_LABELS = DefaultLabels.of(
            List.of("namespace", "configmap"),
            c -> List.of(c.getMetadata().getNamespace(), c.getMetadata().getName()));

    private static final KubeStateResource<ConfigMap> CONFIGMAPS = KubeStateResource.of(
            "configmaps",
            ConfigMap.class,
            List.of(
                    new FamilyGenerator<>(
                            "kube_configmap_info",
                            "Information about configmap.",
                            MetricType.INFO,
                            Stability.STABLE,
                            "",
                            false,
                            CONFIGMAP_LABELS.wrap(c -> List.of(Metric.of(1)))),
                    new FamilyGenerator<>(
                            "kube_configmap_old",
                            "Old thing.\nSecond line with \\ backslash.",
                            MetricType.GAUGE,
                            Stability.ALPHA,
                            "2.14.0",
                            false,
                            CONFIGMAP_LABELS.wrap(c -> List.of())),
                    new FamilyGenerator<>(
                            "kube_configmap_opt_in",
                            "Opt-in family.",
                            MetricType.GAUGE,
                            Stability.ALPHA,
                            "",
                            true,
                            CONFIGMAP_LABELS.wrap(c -> List.of(Metric.of(2))))));

    private static final String CONFIGMAP_TEXT = """
            # HELP kube_configmap_info [STABLE] Information about configmap.
            # TYPE kube_configmap_info gauge
            kube_configmap_info{namespace="shop",configmap="settings"} 1
            # HELP kube_configmap_old (Deprecated since 2.14.0) Old thing.\\nSecond line with \\\\ backslash.
            # TYPE kube_configmap_old gauge
            """;

    @Test
    void headersAreWrittenOnlyForResourcesThatHaveObjects() {
        KubeStateMetrics metrics = metrics(KubeStateSettings.defaults());
        metrics.upsert(WatchedResource.NAMESPACES, namespace("shop", "uid-shop"));

        String scrape = GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT);

        assertThat(scrape).contains("kube_namespace_status_phase{namespace=\"shop\",phase=\"Active\"} 1");
        assertThat(scrape).doesNotContain("configmap");
        assertThat(GoldenScrape.write(
                        metrics(KubeStateSettings.defaults()), ResourceSelection.ALL, ExpositionFormat.TEXT))
                .isEmpty();
    }

    @Test
    void textFormatWritesInfoAsGaugeAndSkipsOptInFamiliesNotAskedFor() {
        KubeStateMetrics metrics = metrics(KubeStateSettings.defaults());
        metrics.upsert("configmaps", configMap());

        assertThat(GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT))
                .isEqualTo(CONFIGMAP_TEXT);
    }

    @Test
    void openMetricsKeepsTheInfoTypeAndEndsWithEof() {
        KubeStateMetrics metrics = metrics(settings(Set.of(), Set.of(), Set.of("kube_configmap_opt_in")));
        metrics.upsert("configmaps", configMap());

        assertThat(GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.OPENMETRICS))
                .isEqualTo(CONFIGMAP_TEXT.replace("kube_configmap_info gauge", "kube_configmap_info info") + """
                        # HELP kube_configmap_opt_in Opt-in family.
                        # TYPE kube_configmap_opt_in gauge
                        kube_configmap_opt_in{namespace="shop",configmap="settings"} 2
                        # EOF
                        """);
        assertThat(GoldenScrape.write(
                        metrics(KubeStateSettings.defaults()), ResourceSelection.ALL, ExpositionFormat.OPENMETRICS))
                .isEqualTo("# EOF\n");
    }

    @Test
    void resourcesAreWrittenSortedByName() {
        KubeStateMetrics metrics = metrics(KubeStateSettings.defaults());
        metrics.upsert("namespaces", namespace("shop", "uid-shop"));
        metrics.upsert("configmaps", configMap());

        String scrape = GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT);

        assertThat(scrape.indexOf("kube_configmap_info")).isLessThan(scrape.indexOf("kube_namespace_created"));
    }

    @Test
    void resourcesAndExcludeResourcesFilterAsKubeStateMetricsDoes() {
        KubeStateMetrics metrics = metrics(KubeStateSettings.defaults());
        metrics.upsert("namespaces", namespace("shop", "uid-shop"));
        metrics.upsert("configmaps", configMap());

        assertThat(scrape(metrics, List.of("namespaces"), List.of()))
                .contains("kube_namespace_created")
                .doesNotContain("kube_configmap");
        assertThat(scrape(metrics, List.of("pods, configmaps", "secrets"), List.of()))
                .contains("kube_configmap_info")
                .doesNotContain("kube_namespace");
        assertThat(scrape(metrics, List.of(), List.of("configmaps")))
                .contains("kube_namespace_created")
                .doesNotContain("kube_configmap");
        assertThat(scrape(metrics, List.of("namespaces,configmaps"), List.of("namespaces")))
                .contains("kube_configmap_info")
                .doesNotContain("kube_namespace");
        // resources= present but empty selects nothing; exclude_resources= empty excludes nothing.
        assertThat(scrape(metrics, List.of(""), List.of())).isEmpty();
        assertThat(scrape(metrics, List.of(), List.of(""))).contains("kube_namespace_created", "kube_configmap");
    }

    @Test
    void allowAndDenyListsDropFamiliesByRegexAnywhereInTheName() {
        KubeStateMetrics allowed = metrics(settings(Set.of("kube_namespace_status"), Set.of(), Set.of()));
        allowed.upsert("namespaces", namespace("shop", "uid-shop"));
        KubeStateMetrics denied = metrics(settings(Set.of(), Set.of("^kube_namespace_(created|labels)$"), Set.of()));
        denied.upsert("namespaces", namespace("shop", "uid-shop"));

        assertThat(families(allowed)).containsExactly("kube_namespace_status_phase", "kube_namespace_status_condition");
        assertThat(families(denied))
                .containsExactly(
                        "kube_namespace_annotations", "kube_namespace_status_phase", "kube_namespace_status_condition");
    }

    @Test
    void deleteRemovesTheObjectAndItsHeaders() {
        KubeStateMetrics metrics = metrics(KubeStateSettings.defaults());
        Namespace shop = namespace("shop", "uid-shop");
        metrics.upsert(WatchedResource.NAMESPACES, shop);
        metrics.upsert(WatchedResource.NAMESPACES, namespace("shop", "uid-shop")); // an update replaces
        assertThat(metrics.objectCount("namespaces")).isEqualTo(1);

        metrics.delete(WatchedResource.NAMESPACES, shop);

        assertThat(GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT))
                .isEmpty();
    }

    @Test
    void namespaceScopeAndShardDecideWhichObjectsAreRendered() {
        KubeStateSettings scoped = new KubeStateSettings(
                Set.of(), Set.of(), Set.of(), Map.of(), Map.of(), List.of("shop", "infra"), List.of("infra"), 0, 1);
        KubeStateMetrics metrics = metrics(scoped);
        metrics.upsert("configmaps", configMap("shop", "uid-1"));
        metrics.upsert("configmaps", configMap("infra", "uid-2"));
        metrics.upsert("configmaps", configMap("other", "uid-3"));
        metrics.upsert("namespaces", namespace("other", "uid-ns")); // cluster-scoped: always in scope

        assertThat(metrics.objectCount("configmaps")).isEqualTo(1);
        assertThat(metrics.objectCount("namespaces")).isEqualTo(1);

        int rendered = 0;
        for (int shard = 0; shard < 3; shard++) {
            KubeStateMetrics replica = metrics(new KubeStateSettings(
                    Set.of(), Set.of(), Set.of(), Map.of(), Map.of(), List.of(), List.of(), shard, 3));
            for (int i = 0; i < 30; i++) {
                replica.upsert("configmaps", configMap("shop", "uid-" + i));
            }
            rendered += replica.objectCount("configmaps");
        }
        assertThat(rendered).isEqualTo(30);
    }

    @Test
    void resourcesWithoutFamiliesAreIgnored() {
        KubeStateMetrics metrics = metrics(KubeStateSettings.defaults());

        metrics.upsert(WatchedResource.EVENTS, new io.fabric8.kubernetes.api.model.Event());
        metrics.upsert("nodes", namespace("not-a-node", "uid"));

        assertThat(GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT))
                .isEmpty();
    }

    @Test
    void upsertsDuringScrapesNeverBreakAScrape() throws Exception {
        KubeStateMetrics metrics = metrics(KubeStateSettings.defaults());
        for (int i = 0; i < 500; i++) {
            metrics.upsert("configmaps", configMap("shop", "uid-" + i));
        }
        AtomicBoolean scraping = new AtomicBoolean(true);
        CompletableFuture<Integer> updates = CompletableFuture.supplyAsync(() -> {
            int count = 0;
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (scraping.get() && Instant.now().isBefore(deadline) && count < 5_000_000) {
                String uid = "uid-" + (count % 1000);
                if (count % 3 == 0) {
                    metrics.delete("configmaps", configMap("shop", uid));
                } else {
                    metrics.upsert("configmaps", configMap("shop", uid));
                }
                count++;
            }
            return count;
        });
        try {
            for (int scrape = 0; scrape < 200; scrape++) {
                String text = GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT);
                assertThat(text).startsWith("# HELP kube_configmap_info");
                assertThat(text.lines().filter(l -> !l.startsWith("#")))
                        .allMatch(l -> l.matches("kube_configmap_info\\{namespace=\"shop\",configmap=\"settings\"} 1"));
            }
        } finally {
            scraping.set(false);
        }
        assertThat(updates.get()).isPositive();
    }

    @Test
    void aScrapeIsCopiedFromKeptBytesWithoutRenderingAgain() throws Exception {
        int[] renders = {0};
        KubeStateResource<ConfigMap> counting = KubeStateResource.of(
                "configmaps",
                ConfigMap.class,
                List.of(FamilyGenerator.alpha("kube_configmap_x", "x", MetricType.GAUGE, c -> {
                    renders[0]++;
                    return List.of(Metric.of(1));
                })));
        KubeStateMetrics metrics = KubeStateMetrics.create(KubeStateSettings.defaults(), List.of(counting));
        metrics.upsert("configmaps", configMap());

        for (int i = 0; i < 3; i++) {
            metrics.write(ResourceSelection.ALL, ExpositionFormat.TEXT, OutputStream.nullOutputStream());
        }

        assertThat(renders[0]).isEqualTo(1);
    }

    private static KubeStateMetrics metrics(KubeStateSettings settings) {
        return KubeStateMetrics.create(settings, List.of(NamespaceMetrics.RESOURCE, CONFIGMAPS));
    }

    private static KubeStateSettings settings(Set<String> allow, Set<String> deny, Set<String> optIn) {
        return new KubeStateSettings(allow, deny, optIn, Map.of(), Map.of(), List.of(), List.of(), 0, 1);
    }

    private static String scrape(KubeStateMetrics metrics, List<String> resources, List<String> excluded) {
        return GoldenScrape.write(metrics, ResourceSelection.fromQuery(resources, excluded), ExpositionFormat.TEXT);
    }

    private static List<String> families(KubeStateMetrics metrics) {
        return GoldenScrape.write(metrics, ResourceSelection.ALL, ExpositionFormat.TEXT)
                .lines()
                .filter(l -> l.startsWith("# TYPE "))
                .map(l -> l.split(" ")[2])
                .toList();
    }

    private static Namespace namespace(String name, String uid) {
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .withUid(uid)
                .withCreationTimestamp("2024-03-01T10:00:00Z")
                .endMetadata()
                .withNewStatus()
                .withPhase("Active")
                .endStatus()
                .build();
    }

    private static ConfigMap configMap() {
        return configMap("shop", "uid-settings");
    }

    private static ConfigMap configMap(String namespace, String uid) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName("settings")
                .withUid(uid)
                .endMetadata()
                .build();
    }
}
