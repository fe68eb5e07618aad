package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatusBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTargetBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatusBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The autoscaler families against kube-state-metrics' own expectations
 * ({@code internal/store/horizontalpodautoscaler_test.go}).
 */
class HorizontalPodAutoscalerMetricsTest {

    private static final String TARGET_HEADERS_SPEC = """
            # HELP kube_horizontalpodautoscaler_spec_target_metric The metric specifications used by this autoscaler when calculating the desired replica count.
            # TYPE kube_horizontalpodautoscaler_spec_target_metric gauge
            """;
    private static final String TARGET_HEADERS_STATUS = """
            # HELP kube_horizontalpodautoscaler_status_target_metric [STABLE] The current metric status used by this autoscaler when calculating the desired replica count.
            # TYPE kube_horizontalpodautoscaler_status_target_metric gauge
            """;

    @Test
    void autoscalerHasEveryDefaultFamilyInSourceOrder() {
        HorizontalPodAutoscaler hpa1 = new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withGeneration(2L)
                .withName("hpa1")
                .withNamespace("ns1")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withDeletionTimestamp("2027-01-15T08:00:00Z")
                .withLabels(Map.of("app", "foobar"))
                .endMetadata()
                .withNewSpec()
                .withMaxReplicas(4)
                .withMinReplicas(2)
                .withMetrics(resource("cpu", target(null, null, 80)))
                .withNewScaleTargetRef()
                .withApiVersion("apps/v1")
                .withKind("Deployment")
                .withName("deployment1")
                .endScaleTargetRef()
                .endSpec()
                .withNewStatus()
                .withCurrentReplicas(2)
                .withDesiredReplicas(2)
                .addNewCondition()
                .withType("AbleToScale")
                .withStatus("True")
                .withReason("reason")
                .endCondition()
                .withCurrentMetrics(resourceStatus("cpu", current(null, "7m", 80)))
                .endStatus()
                .build();

        assertThat(GoldenScrape.text(HorizontalPodAutoscalerMetrics.RESOURCE, hpa1))
                .isEqualTo("""
                # HELP kube_horizontalpodautoscaler_info Information about this autoscaler.
                # TYPE kube_horizontalpodautoscaler_info gauge
                kube_horizontalpodautoscaler_info{namespace="ns1",horizontalpodautoscaler="hpa1",scaletargetref_api_version="apps/v1",scaletargetref_kind="Deployment",scaletargetref_name="deployment1"} 1
                # HELP kube_horizontalpodautoscaler_metadata_generation [STABLE] The generation observed by the HorizontalPodAutoscaler controller.
                # TYPE kube_horizontalpodautoscaler_metadata_generation gauge
                kube_horizontalpodautoscaler_metadata_generation{namespace="ns1",horizontalpodautoscaler="hpa1"} 2
                # HELP kube_horizontalpodautoscaler_spec_max_replicas [STABLE] Upper limit for the number of pods that can be set by the autoscaler; cannot be smaller than MinReplicas.
                # TYPE kube_horizontalpodautoscaler_spec_max_replicas gauge
                kube_horizontalpodautoscaler_spec_max_replicas{namespace="ns1",horizontalpodautoscaler="hpa1"} 4
                # HELP kube_horizontalpodautoscaler_spec_min_replicas [STABLE] Lower limit for the number of pods that can be set by the autoscaler, default 1.
                # TYPE kube_horizontalpodautoscaler_spec_min_replicas gauge
                kube_horizontalpodautoscaler_spec_min_replicas{namespace="ns1",horizontalpodautoscaler="hpa1"} 2
                # HELP kube_horizontalpodautoscaler_spec_target_metric The metric specifications used by this autoscaler when calculating the desired replica count.
                # TYPE kube_horizontalpodautoscaler_spec_target_metric gauge
                kube_horizontalpodautoscaler_spec_target_metric{namespace="ns1",horizontalpodautoscaler="hpa1",metric_name="cpu",metric_target_type="utilization",container=""} 80
                # HELP kube_horizontalpodautoscaler_spec_behavior_scale_down_tolerance The tolerance on the ratio between the current and desired metric value below which no scale down occurs.
                # TYPE kube_horizontalpodautoscaler_spec_behavior_scale_down_tolerance gauge
                # HELP kube_horizontalpodautoscaler_spec_behavior_scale_up_tolerance The tolerance on the ratio between the current and desired metric value below which no scale up occurs.
                # TYPE kube_horizontalpodautoscaler_spec_behavior_scale_up_tolerance gauge
                # HELP kube_horizontalpodautoscaler_status_target_metric [STABLE] The current metric status used by this autoscaler when calculating the desired replica count.
                # TYPE kube_horizontalpodautoscaler_status_target_metric gauge
                kube_horizontalpodautoscaler_status_target_metric{namespace="ns1",horizontalpodautoscaler="hpa1",metric_name="cpu",metric_target_type="utilization",container=""} 80
                kube_horizontalpodautoscaler_status_target_metric{namespace="ns1",horizontalpodautoscaler="hpa1",metric_name="cpu",metric_target_type="average",container=""} 0.007
                # HELP kube_horizontalpodautoscaler_status_current_replicas [STABLE] Current number of replicas of pods managed by this autoscaler.
                # TYPE kube_horizontalpodautoscaler_status_current_replicas gauge
                kube_horizontalpodautoscaler_status_current_replicas{namespace="ns1",horizontalpodautoscaler="hpa1"} 2
                # HELP kube_horizontalpodautoscaler_status_desired_replicas [STABLE] Desired number of replicas of pods managed by this autoscaler.
                # TYPE kube_horizontalpodautoscaler_status_desired_replicas gauge
                kube_horizontalpodautoscaler_status_desired_replicas{namespace="ns1",horizontalpodautoscaler="hpa1"} 2
                # HELP kube_horizontalpodautoscaler_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_horizontalpodautoscaler_annotations gauge
                # HELP kube_horizontalpodautoscaler_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_horizontalpodautoscaler_labels gauge
                # HELP kube_horizontalpodautoscaler_status_condition [STABLE] The condition of this autoscaler.
                # TYPE kube_horizontalpodautoscaler_status_condition gauge
                kube_horizontalpodautoscaler_status_condition{namespace="ns1",horizontalpodautoscaler="hpa1",condition="AbleToScale",status="true"} 1
                kube_horizontalpodautoscaler_status_condition{namespace="ns1",horizontalpodautoscaler="hpa1",condition="AbleToScale",status="false"} 0
                kube_horizontalpodautoscaler_status_condition{namespace="ns1",horizontalpodautoscaler="hpa1",condition="AbleToScale",status="unknown"} 0
                # HELP kube_horizontalpodautoscaler_created Unix creation timestamp
                # TYPE kube_horizontalpodautoscaler_created gauge
                kube_horizontalpodautoscaler_created{namespace="ns1",horizontalpodautoscaler="hpa1"} 1.5e+09
                # HELP kube_horizontalpodautoscaler_deletion_timestamp Unix deletion timestamp
                # TYPE kube_horizontalpodautoscaler_deletion_timestamp gauge
                kube_horizontalpodautoscaler_deletion_timestamp{namespace="ns1",horizontalpodautoscaler="hpa1"} 1.8e+09
                """);
    }

    @Test
    void everySourceTypeReportsEachTargetItSets() {
        HorizontalPodAutoscaler hpa1 = new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("hpa1")
                .withNamespace("ns1")
                .endMetadata()
                .withNewSpec()
                .withMaxReplicas(4)
                .withMetrics(
                        new MetricSpecBuilder()
                                .withType("Object")
                                .withNewObject()
                                .withNewMetric()
                                .withName("hits")
                                .endMetric()
                                .withTarget(target("10", "12", null))
                                .endObject()
                                .build(),
                        new MetricSpecBuilder()
                                .withType("Object")
                                .withNewObject()
                                .withNewMetric()
                                .withName("connections")
                                .endMetric()
                                .withTarget(target("0.5", "0.7", null))
                                .endObject()
                                .build(),
                        new MetricSpecBuilder()
                                .withType("Pods")
                                .withNewPods()
                                .withNewMetric()
                                .withName("transactions_processed")
                                .endMetric()
                                .withTarget(target(null, "33", null))
                                .endPods()
                                .build(),
                        resource("cpu", target(null, null, 80)),
                        resource("memory", target(null, "800Ki", 80)),
                        new MetricSpecBuilder()
                                .withType("ContainerResource")
                                .withNewContainerResource()
                                .withName("cpu")
                                .withContainer("container1")
                                .withTarget(target(null, null, 80))
                                .endContainerResource()
                                .build(),
                        new MetricSpecBuilder()
                                .withType("Resource")
                                .withNewResource()
                                .withName("disk")
                                .endResource()
                                .build(),
                        new MetricSpecBuilder()
                                .withType("External")
                                .withNewExternal()
                                .withNewMetric()
                                .withName("sqs_jobs")
                                .endMetric()
                                .withTarget(target("30", null, null))
                                .endExternal()
                                .build(),
                        new MetricSpecBuilder()
                                .withType("External")
                                .withNewExternal()
                                .withNewMetric()
                                .withName("events")
                                .endMetric()
                                .withTarget(target(null, "30", null))
                                .endExternal()
                                .build())
                .endSpec()
                .withNewStatus()
                .withCurrentMetrics(
                        resourceStatus("cpu", current(null, "7m", 80)),
                        resourceStatus("memory", current(null, "26335914666m", 80)))
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only(
                        "kube_horizontalpodautoscaler_spec_target_metric",
                        "kube_horizontalpodautoscaler_status_target_metric"),
                HorizontalPodAutoscalerMetrics.RESOURCE,
                hpa1);

        String labels = "namespace=\"ns1\",horizontalpodautoscaler=\"hpa1\",";
        assertThat(scrape)
                .isEqualTo(TARGET_HEADERS_SPEC
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"hits\",metric_target_type=\"value\",container=\"\"} 10\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"hits\",metric_target_type=\"average\",container=\"\"} 12\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"connections\",metric_target_type=\"value\",container=\"\"} 0.5\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"connections\",metric_target_type=\"average\",container=\"\"} 0.7\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"transactions_processed\",metric_target_type=\"average\",container=\"\"} 33\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"cpu\",metric_target_type=\"utilization\",container=\"\"} 80\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"memory\",metric_target_type=\"utilization\",container=\"\"} 80\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"memory\",metric_target_type=\"average\",container=\"\"} 819200\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"cpu\",metric_target_type=\"utilization\",container=\"container1\"} 80\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"sqs_jobs\",metric_target_type=\"value\",container=\"\"} 30\n"
                        + "kube_horizontalpodautoscaler_spec_target_metric{" + labels
                        + "metric_name=\"events\",metric_target_type=\"average\",container=\"\"} 30\n"
                        + TARGET_HEADERS_STATUS
                        + "kube_horizontalpodautoscaler_status_target_metric{" + labels
                        + "metric_name=\"cpu\",metric_target_type=\"utilization\",container=\"\"} 80\n"
                        + "kube_horizontalpodautoscaler_status_target_metric{" + labels
                        + "metric_name=\"cpu\",metric_target_type=\"average\",container=\"\"} 0.007\n"
                        + "kube_horizontalpodautoscaler_status_target_metric{" + labels
                        + "metric_name=\"memory\",metric_target_type=\"utilization\",container=\"\"} 80\n"
                        + "kube_horizontalpodautoscaler_status_target_metric{" + labels
                        + "metric_name=\"memory\",metric_target_type=\"average\",container=\"\"} 2.6335914666e+07\n");
    }

    @Test
    void containerResourceTargetsAreToldApartByContainer() {
        HorizontalPodAutoscaler autoscaler = new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("hpa-container-resource")
                .withNamespace("default")
                .endMetadata()
                .withNewSpec()
                .withMaxReplicas(10)
                .withMinReplicas(1)
                .endSpec()
                .withNewStatus()
                .withCurrentMetrics(
                        containerStatus("cpu", "main", current(null, "1442m", 24)),
                        containerStatus("cpu", "sidecar", current(null, "836m", 69)))
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only("kube_horizontalpodautoscaler_status_target_metric"),
                HorizontalPodAutoscalerMetrics.RESOURCE,
                autoscaler);

        String labels = "namespace=\"default\",horizontalpodautoscaler=\"hpa-container-resource\",metric_name=\"cpu\",";
        assertThat(scrape)
                .isEqualTo(TARGET_HEADERS_STATUS
                        + "kube_horizontalpodautoscaler_status_target_metric{" + labels
                        + "metric_target_type=\"utilization\",container=\"main\"} 24\n"
                        + "kube_horizontalpodautoscaler_status_target_metric{" + labels
                        + "metric_target_type=\"average\",container=\"main\"} 1.442\n"
                        + "kube_horizontalpodautoscaler_status_target_metric{" + labels
                        + "metric_target_type=\"utilization\",container=\"sidecar\"} 69\n"
                        + "kube_horizontalpodautoscaler_status_target_metric{" + labels
                        + "metric_target_type=\"average\",container=\"sidecar\"} 0.836\n");
    }

    @Test
    void minReplicasDefaultsToOneAndTolerancesAreFractions() {
        HorizontalPodAutoscaler autoscaler = new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("hpa1")
                .withNamespace("ns1")
                .endMetadata()
                .withNewSpec()
                .withMaxReplicas(4)
                .withNewBehavior()
                .withNewScaleUp()
                .withTolerance(new Quantity("0.5"))
                .endScaleUp()
                .withNewScaleDown()
                .withTolerance(new Quantity("0.25"))
                .endScaleDown()
                .endBehavior()
                .endSpec()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only(
                        "kube_horizontalpodautoscaler_spec_min_replicas",
                        "kube_horizontalpodautoscaler_spec_behavior_scale_up_tolerance",
                        "kube_horizontalpodautoscaler_spec_behavior_scale_down_tolerance"),
                HorizontalPodAutoscalerMetrics.RESOURCE,
                autoscaler);

        assertThat(scrape).isEqualTo("""
                # HELP kube_horizontalpodautoscaler_spec_min_replicas [STABLE] Lower limit for the number of pods that can be set by the autoscaler, default 1.
                # TYPE kube_horizontalpodautoscaler_spec_min_replicas gauge
                kube_horizontalpodautoscaler_spec_min_replicas{namespace="ns1",horizontalpodautoscaler="hpa1"} 1
                # HELP kube_horizontalpodautoscaler_spec_behavior_scale_down_tolerance The tolerance on the ratio between the current and desired metric value below which no scale down occurs.
                # TYPE kube_horizontalpodautoscaler_spec_behavior_scale_down_tolerance gauge
                kube_horizontalpodautoscaler_spec_behavior_scale_down_tolerance{namespace="ns1",horizontalpodautoscaler="hpa1"} 0.25
                # HELP kube_horizontalpodautoscaler_spec_behavior_scale_up_tolerance The tolerance on the ratio between the current and desired metric value below which no scale up occurs.
                # TYPE kube_horizontalpodautoscaler_spec_behavior_scale_up_tolerance gauge
                kube_horizontalpodautoscaler_spec_behavior_scale_up_tolerance{namespace="ns1",horizontalpodautoscaler="hpa1"} 0.5
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Object", "Pods", "Resource", "ContainerResource", "External"})
    void statusEntryWithoutItsSourceIsSkipped(String type) {
        HorizontalPodAutoscaler autoscaler = new HorizontalPodAutoscalerBuilder()
                .withNewMetadata()
                .withName("hpa")
                .withNamespace("ns")
                .endMetadata()
                .withNewStatus()
                .withCurrentMetrics(new MetricStatusBuilder().withType(type).build())
                .endStatus()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_horizontalpodautoscaler_status_target_metric"),
                        HorizontalPodAutoscalerMetrics.RESOURCE,
                        autoscaler))
                .isEqualTo(TARGET_HEADERS_STATUS);
    }

    private static MetricTarget target(String value, String averageValue, Integer averageUtilization) {
        return new MetricTargetBuilder()
                .withValue(value == null ? null : new Quantity(value))
                .withAverageValue(averageValue == null ? null : new Quantity(averageValue))
                .withAverageUtilization(averageUtilization)
                .build();
    }

    private static MetricValueStatus current(String value, String averageValue, Integer averageUtilization) {
        return new MetricValueStatusBuilder()
                .withValue(value == null ? null : new Quantity(value))
                .withAverageValue(averageValue == null ? null : new Quantity(averageValue))
                .withAverageUtilization(averageUtilization)
                .build();
    }

    private static MetricSpec resource(String name, MetricTarget target) {
        return new MetricSpecBuilder()
                .withType("Resource")
                .withNewResource()
                .withName(name)
                .withTarget(target)
                .endResource()
                .build();
    }

    private static MetricStatus resourceStatus(String name, MetricValueStatus current) {
        return new MetricStatusBuilder()
                .withType("Resource")
                .withNewResource()
                .withName(name)
                .withCurrent(current)
                .endResource()
                .build();
    }

    private static MetricStatus containerStatus(String name, String container, MetricValueStatus current) {
        return new MetricStatusBuilder()
                .withType("ContainerResource")
                .withNewContainerResource()
                .withName(name)
                .withContainer(container)
                .withCurrent(current)
                .endContainerResource()
                .build();
    }
}
