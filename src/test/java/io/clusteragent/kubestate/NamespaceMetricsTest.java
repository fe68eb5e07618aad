package io.clusteragent.kubestate;

import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The namespace families against kube-state-metrics' own expectations ({@code internal/store/namespace_test.go}). */
class NamespaceMetricsTest {

    private static final String HEADERS_CREATED = """
            # HELP kube_namespace_created [STABLE] Unix creation timestamp
            # TYPE kube_namespace_created gauge
            """;
    private static final String HEADERS_ANNOTATIONS_LABELS = """
            # HELP kube_namespace_annotations Kubernetes annotations converted to Prometheus labels.
            # TYPE kube_namespace_annotations gauge
            # HELP kube_namespace_labels [STABLE] Kubernetes labels converted to Prometheus labels.
            # TYPE kube_namespace_labels gauge
            """;
    private static final String HEADER_PHASE = """
            # HELP kube_namespace_status_phase [STABLE] kubernetes namespace status phase.
            # TYPE kube_namespace_status_phase gauge
            """;
    private static final String HEADER_CONDITION = """
            # HELP kube_namespace_status_condition The condition of a namespace.
            # TYPE kube_namespace_status_condition gauge
            """;

    @Test
    void activeNamespaceWithoutAllowlistsHasCreatedAndPhaseOnly() {
        Namespace ns1 = new NamespaceBuilder()
                .withNewMetadata()
                .withName("ns1")
                .withUid("9a3c0b5e-1111-4c3b-9a43-5b1f2d0c0001")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withLabels(Map.of("app", "example1"))
                .endMetadata()
                .withNewSpec()
                .withFinalizers("kubernetes")
                .endSpec()
                .withNewStatus()
                .withPhase("Active")
                .endStatus()
                .build();

        assertThat(GoldenScrape.text(NamespaceMetrics.RESOURCE, ns1))
                .isEqualTo(HEADERS_CREATED
                        + "kube_namespace_created{namespace=\"ns1\"} 1.5e+09\n"
                        + HEADERS_ANNOTATIONS_LABELS
                        + HEADER_PHASE
                        + """
                        kube_namespace_status_phase{namespace="ns1",phase="Active"} 1
                        kube_namespace_status_phase{namespace="ns1",phase="Terminating"} 0
                        """
                        + HEADER_CONDITION);
    }

    @Test
    void terminatingNamespaceHasThreeSeriesPerCondition() {
        Namespace terminating = new NamespaceBuilder()
                .withNewMetadata()
                .withName("nsTerminateWithConditionTest")
                .withUid("9a3c0b5e-1111-4c3b-9a43-5b1f2d0c0002")
                .endMetadata()
                .withNewStatus()
                .withPhase("Terminating")
                .addNewCondition()
                .withType("NamespaceDeletionDiscoveryFailure")
                .withStatus("True")
                .endCondition()
                .addNewCondition()
                .withType("NamespaceContentRemaining")
                .withStatus("False")
                .withReason("ContentRemoved")
                .endCondition()
                .endStatus()
                .build();

        assertThat(GoldenScrape.text(NamespaceMetrics.RESOURCE, terminating))
                .isEqualTo(HEADERS_CREATED + HEADERS_ANNOTATIONS_LABELS + HEADER_PHASE + """
                        kube_namespace_status_phase{namespace="nsTerminateWithConditionTest",phase="Active"} 0
                        kube_namespace_status_phase{namespace="nsTerminateWithConditionTest",phase="Terminating"} 1
                        """ + HEADER_CONDITION + """
                        kube_namespace_status_condition{namespace="nsTerminateWithConditionTest",condition="NamespaceDeletionDiscoveryFailure",status="true"} 1
                        kube_namespace_status_condition{namespace="nsTerminateWithConditionTest",condition="NamespaceDeletionDiscoveryFailure",status="false"} 0
                        kube_namespace_status_condition{namespace="nsTerminateWithConditionTest",condition="NamespaceDeletionDiscoveryFailure",status="unknown"} 0
                        kube_namespace_status_condition{namespace="nsTerminateWithConditionTest",condition="NamespaceContentRemaining",status="true"} 0
                        kube_namespace_status_condition{namespace="nsTerminateWithConditionTest",condition="NamespaceContentRemaining",status="false"} 1
                        kube_namespace_status_condition{namespace="nsTerminateWithConditionTest",condition="NamespaceContentRemaining",status="unknown"} 0
                        """);
    }

    @Test
    void allowlistedLabelsAndAnnotationsBecomeSortedSanitizedLabels() {
        Namespace shop = new NamespaceBuilder()
                .withNewMetadata()
                .withName("shop")
                .withUid("9a3c0b5e-1111-4c3b-9a43-5b1f2d0c0003")
                .withCreationTimestamp("2024-03-01T10:00:00Z")
                .withLabels(Map.of(
                        "team", "payments",
                        "app.kubernetes.io/name", "shop",
                        "kubernetes.io/metadata.name", "shop"))
                .withAnnotations(Map.of("owner", "team \"a\"\nsecond line", "ignored", "x"))
                .endMetadata()
                .withNewStatus()
                .withPhase("Active")
                .endStatus()
                .build();
        KubeStateSettings settings = new KubeStateSettings(
                Set.of(),
                Set.of(),
                Set.of(),
                Map.of("namespaces", List.of("team", "app.kubernetes.io/*")),
                Map.of("*", List.of("owner")),
                List.of(),
                List.of(),
                0,
                1);

        String scrape = GoldenScrape.scrape(settings, NamespaceMetrics.RESOURCE, ExpositionFormat.TEXT, shop);

        assertThat(scrape)
                .isEqualTo(HEADERS_CREATED
                        + "kube_namespace_created{namespace=\"shop\"} 1.7092872e+09\n"
                        + """
                        # HELP kube_namespace_annotations Kubernetes annotations converted to Prometheus labels.
                        # TYPE kube_namespace_annotations gauge
                        kube_namespace_annotations{namespace="shop",annotation_owner="team \\"a\\"\\nsecond line"} 1
                        # HELP kube_namespace_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                        # TYPE kube_namespace_labels gauge
                        kube_namespace_labels{namespace="shop",label_app_kubernetes_io_name="shop",label_team="payments"} 1
                        """
                        + HEADER_PHASE
                        + """
                        kube_namespace_status_phase{namespace="shop",phase="Active"} 1
                        kube_namespace_status_phase{namespace="shop",phase="Terminating"} 0
                        """
                        + HEADER_CONDITION);
    }
}
