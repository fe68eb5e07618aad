package io.clusteragent.deploy;

import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Each overlay's patches really apply: what it promises is in what it renders. */
class OverlaysTest {

    @Test
    void developmentRunsOneReplicaWithTextDebugLogsAndNoLeaderElection() {
        Manifests manifests = Kustomization.DEVELOPMENT.render();
        AgentConfig config = manifests.agentConfig();

        assertThat(manifests.one(Deployment.class).getSpec().getReplicas()).isEqualTo(1);
        assertThat(config.logLevel()).isEqualTo("debug");
        assertThat(config.logFormat()).isEqualTo("text");
        assertThat(config.leaderElection()).isFalse();
    }

    @Test
    void productionRunsTwoReplicasThatElectALeader() {
        Manifests manifests = Kustomization.PRODUCTION.render();

        assertThat(manifests.one(Deployment.class).getSpec().getReplicas()).isEqualTo(2);
        assertThat(manifests.environment(manifests.agent().agent())).containsEntry("LEADER_ELECTION", "true");
        assertThat(manifests.agentConfig().logFormat()).isEqualTo("json");
    }

    @Test
    void productionScalesOnCpuFromItsReplicaCount() {
        Manifests manifests = Kustomization.PRODUCTION.render();
        HorizontalPodAutoscaler hpa = manifests.one(HorizontalPodAutoscaler.class);

        assertThat(hpa.getApiVersion()).isEqualTo("autoscaling/v2");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(manifests.one(Deployment.class).getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas())
                .isEqualTo(manifests.one(Deployment.class).getSpec().getReplicas());
        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getType()).isEqualTo("Resource");
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getType()).isEqualTo("Utilization");
        });
        assertThat(manifests.agent().agent().getResources().getRequests())
                .as("utilization is of the request")
                .containsKey("cpu");
    }

    @Test
    void productionKeepsAReplicaThroughDisruptions() {
        Manifests manifests = Kustomization.PRODUCTION.render();
        PodDisruptionBudget pdb = manifests.one(PodDisruptionBudget.class);

        assertThat(pdb.getApiVersion()).isEqualTo("policy/v1");
        assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(manifests.one(Deployment.class).getSpec().getReplicas()).isGreaterThan(1);
    }

    @Test
    void productionSpreadsAcrossNodesAndZonesWithItsOwnPriority() {
        Manifests manifests = Kustomization.PRODUCTION.render();
        Workload agent = manifests.agent();
        PriorityClass priority = manifests.one(PriorityClass.class);

        assertThat(agent.pod().getTopologySpreadConstraints())
                .extracting(TopologySpreadConstraint::getTopologyKey, TopologySpreadConstraint::getWhenUnsatisfiable)
                .containsExactly(
                        tuple("kubernetes.io/hostname", "DoNotSchedule"),
                        // nodes without a zone label would not be eligible at all under DoNotSchedule
                        tuple("topology.kubernetes.io/zone", "ScheduleAnyway"));
        assertThat(agent.pod().getPriorityClassName())
                .isEqualTo(priority.getMetadata().getName());
        assertThat(priority.getGlobalDefault()).isFalse();
        assertThat(priority.getPreemptionPolicy()).isEqualTo("Never");
        assertThat(priority.getValue()).as("below system-cluster-critical").isLessThan(1_000_000_000);
    }

    @Test
    void daemonSetRunsOneAgentPerNodeScopedToItsNode() {
        Manifests manifests = Kustomization.DAEMONSET.render();
        DaemonSet daemonSet = manifests.one(DaemonSet.class);
        List<EnvVar> env = daemonSet
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv();

        assertThat(manifests.all(Deployment.class)).isEmpty();
        assertThat(env).singleElement().satisfies(nodeName -> {
            assertThat(nodeName.getName()).isEqualTo("NODE_NAME");
            assertThat(nodeName.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("spec.nodeName");
        });
        assertThat(manifests.agentConfig().leaderElection()).isFalse();
        assertThat(manifests.agentConfig().watchedNode()).as("WATCH_SCOPE=node").isPresent();
        assertThat(manifests.agentConfig().kubeStateResources()).containsExactlyInAnyOrder("pods", "nodes");
        assertThat(daemonSet.getSpec().getTemplate().getSpec().getTolerations())
                .extracting(Toleration::getKey, Toleration::getOperator)
                .as("every taint tolerated")
                .containsExactly(tuple(null, "Exists"));
    }

    /** The DaemonSet's pod is written out again; this keeps it the base Deployment's pod. */
    @Test
    void daemonSetRunsTheSamePodAsTheBaseDeployment() {
        PodTemplateSpec deployment =
                Kustomization.BASE.render().one(Deployment.class).getSpec().getTemplate();
        PodTemplateSpec daemonSet =
                Kustomization.DAEMONSET.render().one(DaemonSet.class).getSpec().getTemplate();

        daemonSet.getSpec().setTolerations(deployment.getSpec().getTolerations());
        // the node's /sys and /proc, read-only, for /metrics/cadvisor
        daemonSet.getSpec().getVolumes().removeIf(volume -> volume.getHostPath() != null);
        daemonSet
                .getSpec()
                .getContainers()
                .get(0)
                .getVolumeMounts()
                .removeIf(mount -> mount.getName().startsWith("host-"));
        daemonSet
                .getSpec()
                .getContainers()
                .get(0)
                .setEnv(deployment.getSpec().getContainers().get(0).getEnv());
        // the ConfigMap's name carries a hash of its content, which differs (LEADER_ELECTION)
        assertSamePodApartFromItsConfigMap(daemonSet, deployment);
    }

    @Test
    void shardedRunsAStatefulSetWhosePodsReadTheirShardAndElectOneDetectorLeader() {
        Manifests manifests = Kustomization.SHARDED.render();
        StatefulSet statefulSet = manifests.one(StatefulSet.class);
        AgentConfig config = manifests.agentConfig();

        assertThat(manifests.all(Deployment.class)).isEmpty();
        assertThat(statefulSet.getSpec().getReplicas()).isEqualTo(3);
        assertThat(statefulSet.getSpec().getPodManagementPolicy()).isEqualTo("Parallel");
        assertThat(statefulSet.getSpec().getServiceName())
                .as("a Service the overlay renders")
                .isIn(manifests.all(io.fabric8.kubernetes.api.model.Service.class).stream()
                        .map(service -> service.getMetadata().getName())
                        .toList());
        assertThat(config.shardFromStatefulSet()).isTrue();
        assertThat(config.kubeStateResources()).isNotEmpty();
        assertThat(config.kubeState().sharded())
                .as("the shard comes from the StatefulSet, not from SHARD and TOTAL_SHARDS")
                .isFalse();
        assertThat(config.leaderElection()).isTrue();
    }

    /** The StatefulSet's pod is written out again; this keeps it the base Deployment's pod. */
    @Test
    void shardedRunsTheSamePodAsTheBaseDeployment() {
        PodTemplateSpec deployment =
                Kustomization.BASE.render().one(Deployment.class).getSpec().getTemplate();
        PodTemplateSpec statefulSet =
                Kustomization.SHARDED.render().one(StatefulSet.class).getSpec().getTemplate();

        // the ConfigMap's name carries a hash of its content, which differs (SHARD_FROM_STATEFULSET)
        assertSamePodApartFromItsConfigMap(statefulSet, deployment);
    }

    private static void assertSamePodApartFromItsConfigMap(PodTemplateSpec copy, PodTemplateSpec deployment) {
        copy.getSpec()
                .getContainers()
                .get(0)
                .setEnvFrom(deployment.getSpec().getContainers().get(0).getEnvFrom());
        assertThat(Manifests.SERIALIZATION.asYaml(copy)).isEqualTo(Manifests.SERIALIZATION.asYaml(deployment));
    }
}
