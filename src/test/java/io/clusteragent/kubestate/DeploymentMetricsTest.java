package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The deployment families against kube-state-metrics' own expectations ({@code internal/store/deployment_test.go}). */
class DeploymentMetricsTest {

    private static final String[] SPEC_FAMILIES = {
        "kube_deployment_spec_replicas",
        "kube_deployment_spec_strategy_rollingupdate_max_unavailable",
        "kube_deployment_spec_strategy_rollingupdate_max_surge"
    };
    private static final String SPEC_HEADERS = """
            # HELP kube_deployment_spec_replicas [STABLE] Number of desired pods for a deployment.
            # TYPE kube_deployment_spec_replicas gauge
            # HELP kube_deployment_spec_strategy_rollingupdate_max_unavailable [STABLE] Maximum number of unavailable replicas during a rolling update of a deployment.
            # TYPE kube_deployment_spec_strategy_rollingupdate_max_unavailable gauge
            # HELP kube_deployment_spec_strategy_rollingupdate_max_surge [STABLE] Maximum number of replicas that can be scheduled above the desired number of replicas during a rolling update of a deployment.
            # TYPE kube_deployment_spec_strategy_rollingupdate_max_surge gauge
            """;

    @Test
    void availableDeploymentHasEveryDefaultFamilyInSourceOrder() {
        Deployment depl1 = new DeploymentBuilder()
                .withNewMetadata()
                .withName("depl1")
                .withNamespace("ns1")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withAnnotations(Map.of("company.io/team", "my-brilliant-team"))
                .withLabels(Map.of("app", "example1"))
                .withGeneration(21L)
                .endMetadata()
                .withNewSpec()
                .withReplicas(200)
                .withNewStrategy()
                .withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(10))
                .withMaxSurge(new IntOrString(10))
                .endRollingUpdate()
                .endStrategy()
                .endSpec()
                .withNewStatus()
                .withReplicas(15)
                .withReadyReplicas(10)
                .withAvailableReplicas(10)
                .withUnavailableReplicas(5)
                .withUpdatedReplicas(2)
                .withTerminatingReplicas(3)
                .withObservedGeneration(111L)
                .addNewCondition()
                .withType("Available")
                .withStatus("True")
                .withReason("MinimumReplicasAvailable")
                .endCondition()
                .addNewCondition()
                .withType("Progressing")
                .withStatus("True")
                .withReason("NewReplicaSetAvailable")
                .endCondition()
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.annotations("deployments", "company.io/team"), DeploymentMetrics.RESOURCE, depl1);

        assertThat(scrape).isEqualTo("""
                # HELP kube_deployment_owner Information about the Deployment's owner.
                # TYPE kube_deployment_owner gauge
                kube_deployment_owner{namespace="ns1",deployment="depl1",owner_kind="",owner_name=""} 1
                # HELP kube_deployment_created [STABLE] Unix creation timestamp
                # TYPE kube_deployment_created gauge
                kube_deployment_created{namespace="ns1",deployment="depl1"} 1.5e+09
                # HELP kube_deployment_status_replicas [STABLE] The number of replicas per deployment.
                # TYPE kube_deployment_status_replicas gauge
                kube_deployment_status_replicas{namespace="ns1",deployment="depl1"} 15
                # HELP kube_deployment_status_replicas_ready [STABLE] The number of ready replicas per deployment.
                # TYPE kube_deployment_status_replicas_ready gauge
                kube_deployment_status_replicas_ready{namespace="ns1",deployment="depl1"} 10
                # HELP kube_deployment_status_replicas_available [STABLE] The number of available replicas per deployment.
                # TYPE kube_deployment_status_replicas_available gauge
                kube_deployment_status_replicas_available{namespace="ns1",deployment="depl1"} 10
                # HELP kube_deployment_status_replicas_unavailable [STABLE] The number of unavailable replicas per deployment.
                # TYPE kube_deployment_status_replicas_unavailable gauge
                kube_deployment_status_replicas_unavailable{namespace="ns1",deployment="depl1"} 5
                # HELP kube_deployment_status_replicas_updated [STABLE] The number of updated replicas per deployment.
                # TYPE kube_deployment_status_replicas_updated gauge
                kube_deployment_status_replicas_updated{namespace="ns1",deployment="depl1"} 2
                # HELP kube_deployment_status_terminating_replicas The number of terminating replicas per deployment.
                # TYPE kube_deployment_status_terminating_replicas gauge
                kube_deployment_status_terminating_replicas{namespace="ns1",deployment="depl1"} 3
                # HELP kube_deployment_status_observed_generation [STABLE] The generation observed by the deployment controller.
                # TYPE kube_deployment_status_observed_generation gauge
                kube_deployment_status_observed_generation{namespace="ns1",deployment="depl1"} 111
                # HELP kube_deployment_status_condition [STABLE] The current status conditions of a deployment.
                # TYPE kube_deployment_status_condition gauge
                kube_deployment_status_condition{namespace="ns1",deployment="depl1",reason="MinimumReplicasAvailable",condition="Available",status="true"} 1
                kube_deployment_status_condition{namespace="ns1",deployment="depl1",reason="MinimumReplicasAvailable",condition="Available",status="false"} 0
                kube_deployment_status_condition{namespace="ns1",deployment="depl1",reason="MinimumReplicasAvailable",condition="Available",status="unknown"} 0
                kube_deployment_status_condition{namespace="ns1",deployment="depl1",reason="NewReplicaSetAvailable",condition="Progressing",status="true"} 1
                kube_deployment_status_condition{namespace="ns1",deployment="depl1",reason="NewReplicaSetAvailable",condition="Progressing",status="false"} 0
                kube_deployment_status_condition{namespace="ns1",deployment="depl1",reason="NewReplicaSetAvailable",condition="Progressing",status="unknown"} 0
                # HELP kube_deployment_spec_replicas [STABLE] Number of desired pods for a deployment.
                # TYPE kube_deployment_spec_replicas gauge
                kube_deployment_spec_replicas{namespace="ns1",deployment="depl1"} 200
                # HELP kube_deployment_spec_paused [STABLE] Whether the deployment is paused and will not be processed by the deployment controller.
                # TYPE kube_deployment_spec_paused gauge
                kube_deployment_spec_paused{namespace="ns1",deployment="depl1"} 0
                # HELP kube_deployment_spec_strategy_rollingupdate_max_unavailable [STABLE] Maximum number of unavailable replicas during a rolling update of a deployment.
                # TYPE kube_deployment_spec_strategy_rollingupdate_max_unavailable gauge
                kube_deployment_spec_strategy_rollingupdate_max_unavailable{namespace="ns1",deployment="depl1"} 10
                # HELP kube_deployment_spec_strategy_rollingupdate_max_surge [STABLE] Maximum number of replicas that can be scheduled above the desired number of replicas during a rolling update of a deployment.
                # TYPE kube_deployment_spec_strategy_rollingupdate_max_surge gauge
                kube_deployment_spec_strategy_rollingupdate_max_surge{namespace="ns1",deployment="depl1"} 10
                # HELP kube_deployment_metadata_generation [STABLE] Sequence number representing a specific generation of the desired state.
                # TYPE kube_deployment_metadata_generation gauge
                kube_deployment_metadata_generation{namespace="ns1",deployment="depl1"} 21
                # HELP kube_deployment_deletion_timestamp Unix deletion timestamp
                # TYPE kube_deployment_deletion_timestamp gauge
                # HELP kube_deployment_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_deployment_annotations gauge
                kube_deployment_annotations{namespace="ns1",deployment="depl1",annotation_company_io_team="my-brilliant-team"} 1
                # HELP kube_deployment_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_deployment_labels gauge
                """);
    }

    @Test
    void percentagesScaleMaxUnavailableDownAndMaxSurgeUp() {
        Deployment depl2 = withRollingUpdate("depl2", "ns2", 5, new IntOrString("25%"), new IntOrString("20%"));

        assertThat(ScrapeSettings.scrape(ScrapeSettings.only(SPEC_FAMILIES), DeploymentMetrics.RESOURCE, depl2))
                .isEqualTo("""
                        # HELP kube_deployment_spec_replicas [STABLE] Number of desired pods for a deployment.
                        # TYPE kube_deployment_spec_replicas gauge
                        kube_deployment_spec_replicas{namespace="ns2",deployment="depl2"} 5
                        # HELP kube_deployment_spec_strategy_rollingupdate_max_unavailable [STABLE] Maximum number of unavailable replicas during a rolling update of a deployment.
                        # TYPE kube_deployment_spec_strategy_rollingupdate_max_unavailable gauge
                        kube_deployment_spec_strategy_rollingupdate_max_unavailable{namespace="ns2",deployment="depl2"} 1
                        # HELP kube_deployment_spec_strategy_rollingupdate_max_surge [STABLE] Maximum number of replicas that can be scheduled above the desired number of replicas during a rolling update of a deployment.
                        # TYPE kube_deployment_spec_strategy_rollingupdate_max_surge gauge
                        kube_deployment_spec_strategy_rollingupdate_max_surge{namespace="ns2",deployment="depl2"} 1
                        """);
    }

    @Test
    void pausedDeploymentWithFailureConditionsKeepsKnownReasons() {
        Deployment depl2 = new DeploymentBuilder()
                .withNewMetadata()
                .withName("depl2")
                .withNamespace("ns2")
                .endMetadata()
                .withNewSpec()
                .withPaused(true)
                .withReplicas(5)
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Available")
                .withStatus("False")
                .withReason("MinimumReplicasUnavailable")
                .endCondition()
                .addNewCondition()
                .withType("ReplicaFailure")
                .withStatus("True")
                .withReason("ReplicaSetCreateError")
                .endCondition()
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only("kube_deployment_spec_paused", "kube_deployment_status_condition"),
                DeploymentMetrics.RESOURCE,
                depl2);

        assertThat(scrape).isEqualTo("""
                # HELP kube_deployment_status_condition [STABLE] The current status conditions of a deployment.
                # TYPE kube_deployment_status_condition gauge
                kube_deployment_status_condition{namespace="ns2",deployment="depl2",reason="MinimumReplicasUnavailable",condition="Available",status="true"} 0
                kube_deployment_status_condition{namespace="ns2",deployment="depl2",reason="MinimumReplicasUnavailable",condition="Available",status="false"} 1
                kube_deployment_status_condition{namespace="ns2",deployment="depl2",reason="MinimumReplicasUnavailable",condition="Available",status="unknown"} 0
                kube_deployment_status_condition{namespace="ns2",deployment="depl2",reason="ReplicaSetCreateError",condition="ReplicaFailure",status="true"} 1
                kube_deployment_status_condition{namespace="ns2",deployment="depl2",reason="ReplicaSetCreateError",condition="ReplicaFailure",status="false"} 0
                kube_deployment_status_condition{namespace="ns2",deployment="depl2",reason="ReplicaSetCreateError",condition="ReplicaFailure",status="unknown"} 0
                # HELP kube_deployment_spec_paused [STABLE] Whether the deployment is paused and will not be processed by the deployment controller.
                # TYPE kube_deployment_spec_paused gauge
                kube_deployment_spec_paused{namespace="ns2",deployment="depl2"} 1
                """);
    }

    @Test
    void unlistedReasonBecomesUnknownAndMissingReasonStaysEmpty() {
        Deployment depl3 = new DeploymentBuilder()
                .withNewMetadata()
                .withName("depl3")
                .withNamespace("ns3")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Available")
                .withStatus("False")
                .withReason("ThisReasonIsNotAllowed")
                .endCondition()
                .addNewCondition()
                .withType("Progressing")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only("kube_deployment_status_condition", "kube_deployment_status_replicas"),
                DeploymentMetrics.RESOURCE,
                depl3);

        assertThat(scrape).isEqualTo("""
                # HELP kube_deployment_status_replicas [STABLE] The number of replicas per deployment.
                # TYPE kube_deployment_status_replicas gauge
                kube_deployment_status_replicas{namespace="ns3",deployment="depl3"} 0
                # HELP kube_deployment_status_condition [STABLE] The current status conditions of a deployment.
                # TYPE kube_deployment_status_condition gauge
                kube_deployment_status_condition{namespace="ns3",deployment="depl3",reason="unknown",condition="Available",status="true"} 0
                kube_deployment_status_condition{namespace="ns3",deployment="depl3",reason="unknown",condition="Available",status="false"} 1
                kube_deployment_status_condition{namespace="ns3",deployment="depl3",reason="unknown",condition="Available",status="unknown"} 0
                kube_deployment_status_condition{namespace="ns3",deployment="depl3",reason="",condition="Progressing",status="true"} 1
                kube_deployment_status_condition{namespace="ns3",deployment="depl3",reason="",condition="Progressing",status="false"} 0
                kube_deployment_status_condition{namespace="ns3",deployment="depl3",reason="",condition="Progressing",status="unknown"} 0
                """);
    }

    @Test
    void terminatingDeploymentHasDeletionTimestamp() {
        Deployment terminating = new DeploymentBuilder()
                .withNewMetadata()
                .withName("deployment-terminating")
                .withNamespace("ns4")
                .withCreationTimestamp("2020-09-13T12:26:40Z")
                .withDeletionTimestamp("2027-01-15T08:00:00Z")
                .endMetadata()
                .withNewSpec()
                .withPaused(true)
                .withReplicas(10)
                .endSpec()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_deployment_deletion_timestamp"),
                        DeploymentMetrics.RESOURCE,
                        terminating))
                .isEqualTo("""
                        # HELP kube_deployment_deletion_timestamp Unix deletion timestamp
                        # TYPE kube_deployment_deletion_timestamp gauge
                        kube_deployment_deletion_timestamp{namespace="ns4",deployment="deployment-terminating"} 1.8e+09
                        """);
    }

    @Test
    void ownedDeploymentNamesItsOwner() {
        Deployment owned = new DeploymentBuilder()
                .withNewMetadata()
                .withName("deployment-with-owner")
                .withNamespace("ns5")
                .addNewOwnerReference()
                .withKind("Application")
                .withName("my-app")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withReplicas(200)
                .endSpec()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_deployment_owner"), DeploymentMetrics.RESOURCE, owned))
                .isEqualTo("""
                        # HELP kube_deployment_owner Information about the Deployment's owner.
                        # TYPE kube_deployment_owner gauge
                        kube_deployment_owner{namespace="ns5",deployment="deployment-with-owner",owner_kind="Application",owner_name="my-app"} 1
                        """);
    }

    @Test
    void rollingUpdateLimitsNeedReplicas() {
        Deployment nilReplicas = new DeploymentBuilder()
                .withNewMetadata()
                .withName("deployment-nil-replicas")
                .withNamespace("ns6")
                .endMetadata()
                .withNewSpec()
                .withNewStrategy()
                .withNewRollingUpdate()
                .withMaxUnavailable(new IntOrString(10))
                .withMaxSurge(new IntOrString(10))
                .endRollingUpdate()
                .endStrategy()
                .endSpec()
                .build();

        assertThat(ScrapeSettings.scrape(ScrapeSettings.only(SPEC_FAMILIES), DeploymentMetrics.RESOURCE, nilReplicas))
                .isEqualTo(SPEC_HEADERS);
    }

    @Test
    void unsetRollingUpdateLimitsHaveNoSample() {
        Deployment unset = withRollingUpdate("deployment-nil-rollingupdate-values", "ns7", 1, null, null);

        assertThat(ScrapeSettings.scrape(ScrapeSettings.only(SPEC_FAMILIES), DeploymentMetrics.RESOURCE, unset))
                .isEqualTo(SPEC_HEADERS.replace(
                        "# TYPE kube_deployment_spec_replicas gauge\n",
                        "# TYPE kube_deployment_spec_replicas gauge\n"
                                + "kube_deployment_spec_replicas{namespace=\"ns7\","
                                + "deployment=\"deployment-nil-rollingupdate-values\"} 1\n"));
    }

    @Test
    void malformedRollingUpdateLimitsHaveNoSample() {
        Deployment malformed = withRollingUpdate(
                "deployment-malformed-rollingupdate-values",
                "ns8",
                1,
                new IntOrString("not-a-percentage"),
                new IntOrString("abc%"));

        assertThat(ScrapeSettings.scrape(ScrapeSettings.only(SPEC_FAMILIES), DeploymentMetrics.RESOURCE, malformed))
                .isEqualTo(SPEC_HEADERS.replace(
                        "# TYPE kube_deployment_spec_replicas gauge\n",
                        "# TYPE kube_deployment_spec_replicas gauge\n"
                                + "kube_deployment_spec_replicas{namespace=\"ns8\","
                                + "deployment=\"deployment-malformed-rollingupdate-values\"} 1\n"));
    }

    private static Deployment withRollingUpdate(
            String name, String namespace, int replicas, IntOrString maxUnavailable, IntOrString maxSurge) {
        return new DeploymentBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .endMetadata()
                .withNewSpec()
                .withReplicas(replicas)
                .withNewStrategy()
                .withNewRollingUpdate()
                .withMaxUnavailable(maxUnavailable)
                .withMaxSurge(maxSurge)
                .endRollingUpdate()
                .endStrategy()
                .endSpec()
                .build();
    }
}
