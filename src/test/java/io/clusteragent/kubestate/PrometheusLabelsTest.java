package io.clusteragent.kubestate;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Label and annotation keys must become the Prometheus labels kube-state-metrics writes ({@code utils_test.go}). */
class PrometheusLabelsTest {

    @Test
    void keysThatSanitizeAlikeGetConflictSuffixesInSortedKeyOrder() {
        Metric metric = PrometheusLabels.toPrometheus(
                "label",
                Map.of(
                        "conflicting_label1", "underscore",
                        "conflicting.label1", "dot",
                        "conflicting-label1", "hyphen",
                        "conflicting.label2", "dot",
                        "conflicting-label2", "hyphen",
                        "conflicting_label2", "underscore",
                        "conflicting-label3", "hyphen",
                        "conflicting_label3", "underscore",
                        "conflicting.label3", "dot"),
                1);

        assertThat(metric.labelKeys())
                .containsExactly(
                        "label_conflicting_label1_conflict1",
                        "label_conflicting_label2_conflict1",
                        "label_conflicting_label3_conflict1",
                        "label_conflicting_label1_conflict2",
                        "label_conflicting_label2_conflict2",
                        "label_conflicting_label3_conflict2",
                        "label_conflicting_label1_conflict3",
                        "label_conflicting_label2_conflict3",
                        "label_conflicting_label3_conflict3");
        assertThat(metric.labelValues())
                .containsExactly(
                        "hyphen", "hyphen", "hyphen", "dot", "dot", "dot", "underscore", "underscore", "underscore");
    }

    @Test
    void camelCaseIsSnakeCased() {
        assertThat(PrometheusLabels.toPrometheus("label", Map.of("snake_camelCase", "v"), 1)
                        .labelKeys())
                .containsExactly("label_snake_camel_case");
        Metric conflict = PrometheusLabels.toPrometheus(
                "label", Map.of("conflicting_camelCase", "camel_case", "conflicting_camel_case", "snake_case"), 1);
        assertThat(conflict.labelKeys())
                .containsExactly("label_conflicting_camel_case_conflict1", "label_conflicting_camel_case_conflict2");
        assertThat(conflict.labelValues()).containsExactly("camel_case", "snake_case");
    }

    @Test
    void aConflictSuffixSkipsANameAnotherKeyAlreadyHas() {
        Metric metric = PrometheusLabels.toPrometheus(
                "label", Map.of("A.b.conflict1", "already_taken", "a-b", "dash", "a.b", "dot"), 1);

        assertThat(metric.labelKeys())
                .containsExactly("label_a_b_conflict1", "label_a_b_conflict2", "label_a_b_conflict3");
        assertThat(metric.labelValues()).containsExactly("already_taken", "dash", "dot");
    }

    @Test
    void onlyAllowlistedKeysAreKept() {
        Map<String, String> labels = Map.of(
                "app", "shop", "team", "payments", "app.kubernetes.io/name", "shop", "app.kubernetes.io/part-of", "x");

        assertThat(PrometheusLabels.allowed("label", labels, List.of("team", "missing"), 1)
                        .labelKeys())
                .containsExactly("label_team");
        assertThat(PrometheusLabels.allowed("label", labels, List.of("app.kubernetes.io/*"), 1)
                        .labelKeys())
                .containsExactly("label_app_kubernetes_io_name", "label_app_kubernetes_io_part_of");
        assertThat(PrometheusLabels.allowed("label", labels, List.of("*"), 1).labelKeys())
                .hasSize(4);
        // A wildcard that is not first is ignored, as in kube-state-metrics.
        assertThat(PrometheusLabels.allowed("label", labels, List.of("app", "*"), 1)
                        .labelKeys())
                .containsExactly("label_app");
        assertThat(PrometheusLabels.allowed("label", null, List.of("*"), 1).labelKeys())
                .isEmpty();
    }
}
