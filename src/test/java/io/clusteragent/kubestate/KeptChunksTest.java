package io.clusteragent.kubestate;

import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Inflater;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scrape is made of chunks kept between scrapes: what changed since the last scrape is all that is copied or
 * compressed again, and the text and its gzip form are what the objects say at that moment.
 */
class KeptChunksTest {

    private static final DefaultLabels<ConfigMap> LABELS = DefaultLabels.of(
            List.of("namespace", "configmap"),
            c -> List.of(c.getMetadata().getNamespace(), c.getMetadata().getName()));

    /** One sample per data entry, and one for the {@code v} annotation when there is one. */
    private static final KubeStateResource<ConfigMap> CONFIGMAPS = KubeStateResource.of(
            "configmaps",
            ConfigMap.class,
            List.of(
                    FamilyGenerator.alpha(
                            "kube_configmap_entry",
                            "One per entry.",
                            MetricType.GAUGE,
                            LABELS.wrap(c -> c.getData() == null
                                    ? List.of()
                                    : c.getData().entrySet().stream()
                                            .map(e -> Metric.of(
                                                    "key",
                                                    e.getKey(),
                                                    e.getValue().length()))
                                            .toList())),
                    FamilyGenerator.alpha(
                            "kube_configmap_v",
                            "The v annotation.",
                            MetricType.GAUGE,
                            LABELS.wrap(c -> c.getMetadata().getAnnotations() == null
                                            || !c.getMetadata().getAnnotations().containsKey("v")
                                    ? List.of()
                                    : List.of(Metric.of(Double.parseDouble(
                                            c.getMetadata().getAnnotations().get("v"))))))));

    @Test
    void aScrapeAfterUpdatesDeletesAndAddsShowsEveryObjectAsItIsNow() throws Exception {
        KubeStateMetrics metrics = KubeStateMetrics.create(KubeStateSettings.defaults(), List.of(CONFIGMAPS));
        Map<String, List<String>> now = new HashMap<>();
        Random random = new Random(11);
        for (int round = 0; round < 15; round++) {
            int changes = round == 0 ? 2_000 : random.nextInt(60);
            for (int i = 0; i < changes; i++) {
                String uid = "uid-" + random.nextInt(3_000);
                if (random.nextInt(5) == 0) {
                    metrics.delete("configmaps", configMap(uid, 0, null));
                    now.remove(uid);
                } else {
                    ConfigMap object = configMap(uid, random.nextInt(4), random.nextInt(3) == 0 ? null : "" + round);
                    metrics.upsert("configmaps", object);
                    now.put(uid, samples(object));
                }
            }

            Scrape scrape = metrics.scrape(ResourceSelection.ALL, ExpositionFormat.TEXT);
            String text = text(scrape);

            assertThat(GoldenScrape.sortedWithinFamilies(text)).isEqualTo(expected(now.values()));
            assertThat(gunzip(scrape.gzip())).isEqualTo(text);
            assertThat(metrics.objectCount("configmaps")).isEqualTo(now.size());
        }
    }

    @Test
    void anUpdateCopiesAndCompressesAgainOnlyTheFamilyItChangesInItsGroup() {
        KubeStateMetrics metrics = KubeStateMetrics.create(KubeStateSettings.defaults(), List.of(CONFIGMAPS));
        for (int i = 0; i < 2_000; i++) {
            metrics.upsert("configmaps", configMap("uid-" + i, 3, "1"));
        }
        Scrape before = metrics.scrape(ResourceSelection.ALL, ExpositionFormat.TEXT);
        before.gzip();

        metrics.upsert("configmaps", configMap("uid-5", 3, "2"));
        Scrape after = metrics.scrape(ResourceSelection.ALL, ExpositionFormat.TEXT);

        Set<TextChunk> kept = Collections.newSetFromMap(new IdentityHashMap<>());
        kept.addAll(before.chunks());
        List<TextChunk> copied =
                after.chunks().stream().filter(c -> !kept.contains(c)).toList();
        assertThat(copied).hasSize(1);
        assertThat(new String(copied.get(0).bytes(), StandardCharsets.UTF_8))
                .contains("kube_configmap_v{namespace=\"shop\",configmap=\"uid-5\"} 2\n")
                .doesNotContain("kube_configmap_entry");
        assertThat(after.length()).isEqualTo(before.length());
    }

    @Test
    void theGzipFormIsOneMemberWithTheTextsCrcAndLength() throws Exception {
        KubeStateMetrics metrics = KubeStateMetrics.create(KubeStateSettings.defaults(), List.of(CONFIGMAPS));
        for (int i = 0; i < 3_000; i++) {
            metrics.upsert("configmaps", configMap("uid-" + i, i % 4, i % 2 == 0 ? null : "" + i));
        }
        Scrape scrape = metrics.scrape(ResourceSelection.ALL, ExpositionFormat.OPENMETRICS);
        byte[] gzip = concat(scrape.gzip());
        byte[] text = text(scrape).getBytes(StandardCharsets.UTF_8);
        assertThat(scrape.chunks()).anyMatch(chunk -> chunk.length() >= GzipMember.KEPT_FROM);
        assertThat(scrape.chunks()).anyMatch(chunk -> chunk.length() < GzipMember.KEPT_FROM);

        // One deflate stream after the 10-byte header, ending exactly where the 8-byte trailer begins.
        Inflater inflater = new Inflater(true);
        inflater.setInput(gzip, 10, gzip.length - 10);
        byte[] inflated = new byte[text.length + 1];
        int length = inflater.inflate(inflated);
        assertThat(inflater.finished()).isTrue();
        assertThat(inflater.getRemaining()).isEqualTo(8);
        assertThat(new String(inflated, 0, length, StandardCharsets.UTF_8))
                .isEqualTo(new String(text, StandardCharsets.UTF_8));
        CRC32 crc = new CRC32();
        crc.update(text);
        assertThat(intLe(gzip, gzip.length - 8)).isEqualTo((int) crc.getValue());
        assertThat(intLe(gzip, gzip.length - 4)).isEqualTo(text.length);
    }

    @Test
    void anEmptyScrapeIsAnEmptyGzipStream() throws Exception {
        KubeStateMetrics metrics = KubeStateMetrics.create(KubeStateSettings.defaults(), List.of(CONFIGMAPS));

        assertThat(gunzip(metrics.scrape(ResourceSelection.ALL, ExpositionFormat.TEXT)
                        .gzip()))
                .isEmpty();
    }

    /** The sample lines of the object alone. */
    private static List<String> samples(ConfigMap object) {
        return GoldenScrape.text(CONFIGMAPS, object)
                .lines()
                .filter(line -> !line.startsWith("#"))
                .toList();
    }

    private static String expected(java.util.Collection<List<String>> objects) {
        Map<String, List<String>> samples = new LinkedHashMap<>();
        samples.put("kube_configmap_entry", new ArrayList<>());
        samples.put("kube_configmap_v", new ArrayList<>());
        for (List<String> lines : objects) {
            lines.forEach(
                    line -> samples.get(line.substring(0, line.indexOf('{'))).add(line));
        }
        if (objects.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        samples.forEach((family, lines) -> {
            text.append(
                    family.equals("kube_configmap_entry")
                            ? "# HELP kube_configmap_entry One per entry.\n# TYPE kube_configmap_entry gauge\n"
                            : "# HELP kube_configmap_v The v annotation.\n# TYPE kube_configmap_v gauge\n");
            lines.stream().sorted().forEach(line -> text.append(line).append('\n'));
        });
        return text.toString();
    }

    private static ConfigMap configMap(String uid, int entries, String v) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < entries; i++) {
            data.put("k" + i, "x".repeat(i + uid.length() % 3));
        }
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("shop")
                .withName(uid)
                .withUid(uid)
                .withAnnotations(v == null ? Map.of() : Map.of("v", v))
                .endMetadata()
                .withData(data)
                .build();
    }

    private static String text(Scrape scrape) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scrape.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String gunzip(List<byte[]> pieces) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(concat(pieces)))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] concat(List<byte[]> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pieces.forEach(out::writeBytes);
        return out.toByteArray();
    }

    private static int intLe(byte[] bytes, int at) {
        return (bytes[at] & 0xff)
                | (bytes[at + 1] & 0xff) << 8
                | (bytes[at + 2] & 0xff) << 16
                | (bytes[at + 3] & 0xff) << 24;
    }
}
