package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The deployment families, ported from kube-state-metrics' {@code internal/store/deployment.go}. */
final class DeploymentMetrics {

    static final KubeStateResource<Deployment> RESOURCE =
            new KubeStateResource<>("deployments", Deployment.class, DeploymentMetrics::families);

    private static final DefaultLabels<Deployment> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "deployment"),
            d -> Arrays.asList(d.getMetadata().getNamespace(), d.getMetadata().getName()));

    /** The reasons the deployment controller sets ({@code deployment_utils.go}); any other becomes {@code unknown}. */
    private static final Set<String> ALLOWED_REASONS = Set.of(
            "ReplicaSetUpdated",
            "ReplicaSetCreateError",
            "NewReplicaSetCreated",
            "FoundNewReplicaSet",
            "NewReplicaSetAvailable",
            "ProgressDeadlineExceeded",
            "DeploymentPaused",
            "DeploymentResumed",
            "MinimumReplicasAvailable",
            "MinimumReplicasUnavailable",
            "");

    private DeploymentMetrics() {}

    static List<FamilyGenerator<Deployment>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.alpha(
                        "kube_deployment_owner",
                        "Information about the Deployment's owner.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(Owners::kindAndName)),
                FamilyGenerator.stable(
                        "kube_deployment_created",
                        "Unix creation timestamp",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(
                                d -> Timestamps.unixSeconds(d.getMetadata().getCreationTimestamp()))),
                stable(
                        "kube_deployment_status_replicas",
                        "The number of replicas per deployment.",
                        d -> Samples.count(status(d).getReplicas())),
                stable(
                        "kube_deployment_status_replicas_ready",
                        "The number of ready replicas per deployment.",
                        d -> Samples.count(status(d).getReadyReplicas())),
                stable(
                        "kube_deployment_status_replicas_available",
                        "The number of available replicas per deployment.",
                        d -> Samples.count(status(d).getAvailableReplicas())),
                stable(
                        "kube_deployment_status_replicas_unavailable",
                        "The number of unavailable replicas per deployment.",
                        d -> Samples.count(status(d).getUnavailableReplicas())),
                stable(
                        "kube_deployment_status_replicas_updated",
                        "The number of updated replicas per deployment.",
                        d -> Samples.count(status(d).getUpdatedReplicas())),
                FamilyGenerator.alpha(
                        "kube_deployment_status_terminating_replicas",
                        "The number of terminating replicas per deployment.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(d -> Samples.ifSet(status(d).getTerminatingReplicas()))),
                stable(
                        "kube_deployment_status_observed_generation",
                        "The generation observed by the deployment controller.",
                        d -> Samples.count(status(d).getObservedGeneration())),
                stable(
                        "kube_deployment_status_condition",
                        "The current status conditions of a deployment.",
                        DeploymentMetrics::conditions),
                stable(
                        "kube_deployment_spec_replicas",
                        "Number of desired pods for a deployment.",
                        d -> Samples.ifSet(spec(d).getReplicas())),
                stable(
                        "kube_deployment_spec_paused",
                        "Whether the deployment is paused and will not be processed by the deployment controller.",
                        d -> Samples.flag(spec(d).getPaused())),
                stable(
                        "kube_deployment_spec_strategy_rollingupdate_max_unavailable",
                        "Maximum number of unavailable replicas during a rolling update of a deployment.",
                        d -> rollingUpdateValue(d, RollingUpdateDeployment::getMaxUnavailable, false)),
                stable(
                        "kube_deployment_spec_strategy_rollingupdate_max_surge",
                        "Maximum number of replicas that can be scheduled above the desired number of replicas "
                                + "during a rolling update of a deployment.",
                        d -> rollingUpdateValue(d, RollingUpdateDeployment::getMaxSurge, true)),
                stable(
                        "kube_deployment_metadata_generation",
                        "Sequence number representing a specific generation of the desired state.",
                        d -> Samples.count(d.getMetadata().getGeneration())),
                FamilyGenerator.alpha(
                        "kube_deployment_deletion_timestamp",
                        "Unix deletion timestamp",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(
                                d -> Timestamps.unixSeconds(d.getMetadata().getDeletionTimestamp()))),
                FamilyGenerator.alpha(
                        "kube_deployment_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(d -> PrometheusLabels.family(
                                "annotation", d.getMetadata().getAnnotations(), allowAnnotations))),
                stable(
                        "kube_deployment_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        d -> PrometheusLabels.family("label", d.getMetadata().getLabels(), allowLabels)));
    }

    private static FamilyGenerator<Deployment> stable(
            String name, String help, Function<Deployment, List<Metric>> family) {
        return FamilyGenerator.stable(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static DeploymentStatus status(Deployment deployment) {
        return deployment.getStatus() == null ? new DeploymentStatus() : deployment.getStatus();
    }

    private static DeploymentSpec spec(Deployment deployment) {
        return deployment.getSpec() == null ? new DeploymentSpec() : deployment.getSpec();
    }

    private static List<Metric> conditions(Deployment deployment) {
        List<DeploymentCondition> conditions = status(deployment).getConditions();
        if (conditions == null) {
            return List.of();
        }
        List<Metric> metrics = new ArrayList<>();
        for (DeploymentCondition condition : conditions) {
            String reason = condition.getReason() == null ? "" : condition.getReason();
            metrics.addAll(Conditions.metrics(
                    List.of("reason", "condition", "status"),
                    Arrays.asList(ALLOWED_REASONS.contains(reason) ? reason : "unknown", condition.getType()),
                    condition.getStatus()));
        }
        return metrics;
    }

    /** No sample without a rolling update or replicas, or when the value is unset or malformed, as in Go. */
    private static List<Metric> rollingUpdateValue(
            Deployment deployment, Function<RollingUpdateDeployment, IntOrString> field, boolean roundUp) {
        DeploymentSpec spec = spec(deployment);
        RollingUpdateDeployment rollingUpdate =
                spec.getStrategy() == null ? null : spec.getStrategy().getRollingUpdate();
        if (rollingUpdate == null || spec.getReplicas() == null) {
            return List.of();
        }
        Integer scaled = IntOrPercent.scaled(field.apply(rollingUpdate), spec.getReplicas(), roundUp);
        return Samples.ifSet(scaled);
    }
}
