package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.clusteragent.kubestate.PodScrape.at;
import static io.clusteragent.kubestate.PodScrape.pod;
import static io.clusteragent.kubestate.PodScrape.samples;
import static org.assertj.core.api.Assertions.assertThat;

/** The pod status families against kube-state-metrics' expectations ({@code internal/store/pod_test.go}). */
class PodStatusMetricsTest {

    @ParameterizedTest
    @CsvSource({"Running,0,0,0,0,1", "Pending,1,0,0,0,0", "Unknown,0,0,0,1,0", "Succeeded,0,1,0,0,0", "Failed,0,0,1,0,0"
    })
    void oneSeriesPerPhaseWithOneOnTheCurrent(
            String phase, int pending, int succeeded, int failed, int unknown, int running) {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .withPhase(phase)
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_status_phase"))
                .isEqualTo("""
                kube_pod_status_phase{namespace="ns1",pod="pod1",uid="uid1",phase="Pending"} %d
                kube_pod_status_phase{namespace="ns1",pod="pod1",uid="uid1",phase="Succeeded"} %d
                kube_pod_status_phase{namespace="ns1",pod="pod1",uid="uid1",phase="Failed"} %d
                kube_pod_status_phase{namespace="ns1",pod="pod1",uid="uid1",phase="Unknown"} %d
                kube_pod_status_phase{namespace="ns1",pod="pod1",uid="uid1",phase="Running"} %d
                """.formatted(pending, succeeded, failed, unknown, running));
    }

    @Test
    void podWithoutPhaseOrQosClassHasNoSeries() {
        Pod pod = pod("ns1", "pod1", "uid1").build();

        assertThat(samples(pod, "kube_pod_status_phase", "kube_pod_status_qos_class", "kube_pod_status_reason"))
                .isEmpty();
    }

    @Test
    void qosClassOneOfThree() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .withQosClass("BestEffort")
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_status_qos_class")).isEqualTo("""
                kube_pod_status_qos_class{namespace="ns1",pod="pod1",uid="uid1",qos_class="BestEffort"} 1
                kube_pod_status_qos_class{namespace="ns1",pod="pod1",uid="uid1",qos_class="Burstable"} 0
                kube_pod_status_qos_class{namespace="ns1",pod="pod1",uid="uid1",qos_class="Guaranteed"} 0
                """);
    }

    @Test
    void nodeLostPodIsStillRunningWithAReason() {
        Pod pod = pod("ns4", "pod4", "uid4")
                .withNewStatus()
                .withPhase("Running")
                .withReason("NodeLost")
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_status_phase", "kube_pod_status_reason"))
                .isEqualTo("""
                kube_pod_status_phase{namespace="ns4",pod="pod4",uid="uid4",phase="Pending"} 0
                kube_pod_status_phase{namespace="ns4",pod="pod4",uid="uid4",phase="Succeeded"} 0
                kube_pod_status_phase{namespace="ns4",pod="pod4",uid="uid4",phase="Failed"} 0
                kube_pod_status_phase{namespace="ns4",pod="pod4",uid="uid4",phase="Unknown"} 0
                kube_pod_status_phase{namespace="ns4",pod="pod4",uid="uid4",phase="Running"} 1
                kube_pod_status_reason{namespace="ns4",pod="pod4",uid="uid4",reason="NodeLost"} 1
                """);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Evicted",
                "NodeAffinity",
                "NodeLost",
                "PreemptionByScheduler",
                "Shutdown",
                "TerminationByKubelet",
                "UnexpectedAdmissionError"
            })
    void knownStatusReasonsAreWrittenAsTheyAre(String reason) {
        Pod pod = pod("ns4", "pod4", "uid4")
                .withNewStatus()
                .withPhase("Running")
                .withReason(reason)
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_status_reason"))
                .isEqualTo("kube_pod_status_reason{namespace=\"ns4\",pod=\"pod4\",uid=\"uid4\",reason=\"" + reason
                        + "\"} 1\n");
    }

    @Test
    void unknownStatusReasonIsOther() {
        Pod pod = pod("ns4", "pod4", "uid4")
                .withNewStatus()
                .withPhase("Running")
                .withReason("other reason")
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_status_reason")).isEqualTo("""
                kube_pod_status_reason{namespace="ns4",pod="pod4",uid="uid4",reason="Other"} 1
                """);
    }

    @Test
    void reasonsAreAlsoFoundInConditionsAndTerminatedContainersButOnlyKnownOnes() {
        Pod gated = pod("ns4", "pod4", "uid4")
                .withNewStatus()
                .withPhase("Pending")
                .addToConditions(condition("PodScheduled", "False", "SchedulingGated"))
                .endStatus()
                .build();
        Pod unknownConditionAndContainerReasons = pod("ns4", "pod5", "uid5")
                .withNewStatus()
                .addToConditions(condition("Ready", "False", "SomeFutureConditionReason"))
                .addNewContainerStatus()
                .withName("c")
                .withNewState()
                .withNewTerminated()
                .withReason("OOMKilled")
                .endTerminated()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
        Pod shutdownContainer = pod("ns4", "pod6", "uid6")
                .withNewStatus()
                .addNewContainerStatus()
                .withName("c")
                .withNewState()
                .withNewTerminated()
                .withReason("Shutdown")
                .endTerminated()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(gated, "kube_pod_status_reason")).isEqualTo("""
                kube_pod_status_reason{namespace="ns4",pod="pod4",uid="uid4",reason="SchedulingGated"} 1
                """);
        assertThat(samples(unknownConditionAndContainerReasons, "kube_pod_status_reason"))
                .isEmpty();
        assertThat(samples(shutdownContainer, "kube_pod_status_reason")).isEqualTo("""
                kube_pod_status_reason{namespace="ns4",pod="pod6",uid="uid6",reason="Shutdown"} 1
                """);
    }

    @ParameterizedTest
    @CsvSource({
        "DisruptionTarget,EvictionByEvictionAPI,EvictionByEvictionAPI",
        "DisruptionTarget,PreemptionByScheduler,PreemptionByScheduler",
        "DisruptionTarget,DeletionByTaintManager,DeletionByTaintManager",
        "DisruptionTarget,DeletionByPodGC,DeletionByPodGC",
        "DisruptionTarget,TerminationByKubelet,TerminationByKubelet",
        "DisruptionTarget,SomeFutureReason,Other",
        "Ready,EvictionByEvictionAPI,"
    })
    void disruptionReasonOnlyFromTheDisruptionTargetCondition(String type, String reason, String written) {
        Pod pod = pod("ns5", "pod5", "uid5")
                .withNewStatus()
                .addToConditions(condition(type, null, reason))
                .endStatus()
                .build();

        String expected = written == null
                ? ""
                : "kube_pod_status_disruption_reason{namespace=\"ns5\",pod=\"pod5\",uid=\"uid5\",reason=\"" + written
                        + "\"} 1\n";
        assertThat(samples(pod, "kube_pod_status_disruption_reason")).isEqualTo(expected);
    }

    @Test
    void readyPodHasReadyTimeAndThreeConditionSeries() {
        Pod ready = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .addToConditions(timed("Ready", "True", 1501666018))
                .endStatus()
                .build();
        Pod notReady = pod("ns2", "pod2", "uid2")
                .withNewStatus()
                .addToConditions(timed("Ready", "False", 1501666018))
                .endStatus()
                .build();

        assertThat(samples(ready, "kube_pod_status_ready", "kube_pod_status_ready_time"))
                .isEqualTo("""
                kube_pod_status_ready{namespace="ns1",pod="pod1",uid="uid1",condition="true"} 1
                kube_pod_status_ready{namespace="ns1",pod="pod1",uid="uid1",condition="false"} 0
                kube_pod_status_ready{namespace="ns1",pod="pod1",uid="uid1",condition="unknown"} 0
                kube_pod_status_ready_time{namespace="ns1",pod="pod1",uid="uid1"} 1.501666018e+09
                """);
        assertThat(samples(notReady, "kube_pod_status_ready", "kube_pod_status_ready_time"))
                .isEqualTo("""
                kube_pod_status_ready{namespace="ns2",pod="pod2",uid="uid2",condition="true"} 0
                kube_pod_status_ready{namespace="ns2",pod="pod2",uid="uid2",condition="false"} 1
                kube_pod_status_ready{namespace="ns2",pod="pod2",uid="uid2",condition="unknown"} 0
                """);
    }

    @Test
    void initializedAndContainersReadyTimesOnlyWhenTrue() {
        Pod done = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .addToConditions(timed("Initialized", "True", 1501666018))
                .addToConditions(timed("ContainersReady", "True", 1501666018))
                .endStatus()
                .build();
        Pod notYet = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .addToConditions(timed("Initialized", "False", 1501666018))
                .addToConditions(timed("ContainersReady", "False", 1501666018))
                .endStatus()
                .build();

        assertThat(samples(done, "kube_pod_status_initialized_time", "kube_pod_status_container_ready_time"))
                .isEqualTo("""
                        kube_pod_status_initialized_time{namespace="ns1",pod="pod1",uid="uid1"} 1.501666018e+09
                        kube_pod_status_container_ready_time{namespace="ns1",pod="pod1",uid="uid1"} 1.501666018e+09
                        """);
        assertThat(samples(notYet, "kube_pod_status_initialized_time", "kube_pod_status_container_ready_time"))
                .isEmpty();
    }

    @Test
    void scheduledPodHasScheduledTime() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .addToConditions(timed("PodScheduled", "True", 1501666018))
                .endStatus()
                .build();

        assertThat(samples(
                        pod,
                        "kube_pod_status_scheduled",
                        "kube_pod_status_scheduled_time",
                        "kube_pod_status_unschedulable"))
                .isEqualTo("""
                        kube_pod_status_scheduled{namespace="ns1",pod="pod1",uid="uid1",condition="true"} 1
                        kube_pod_status_scheduled{namespace="ns1",pod="pod1",uid="uid1",condition="false"} 0
                        kube_pod_status_scheduled{namespace="ns1",pod="pod1",uid="uid1",condition="unknown"} 0
                        kube_pod_status_scheduled_time{namespace="ns1",pod="pod1",uid="uid1"} 1.501666018e+09
                        """);
    }

    @Test
    void unschedulablePodIsFlaggedWithItsUnscheduledTime() {
        PodCondition unschedulable = new PodConditionBuilder(timed("PodScheduled", "False", 1501666018))
                .withReason("Unschedulable")
                .withMessage("0/3 nodes are available: 3 Insufficient cpu.")
                .build();
        Pod pod = pod("ns2", "pod2", "uid2")
                .withNewStatus()
                .addToConditions(unschedulable)
                .endStatus()
                .build();

        assertThat(samples(
                        pod,
                        "kube_pod_status_scheduled",
                        "kube_pod_status_scheduled_time",
                        "kube_pod_status_unschedulable",
                        "kube_pod_status_unscheduled_time"))
                .isEqualTo("""
                        kube_pod_status_scheduled{namespace="ns2",pod="pod2",uid="uid2",condition="true"} 0
                        kube_pod_status_scheduled{namespace="ns2",pod="pod2",uid="uid2",condition="false"} 1
                        kube_pod_status_scheduled{namespace="ns2",pod="pod2",uid="uid2",condition="unknown"} 0
                        kube_pod_status_unschedulable{namespace="ns2",pod="pod2",uid="uid2"} 1
                        kube_pod_status_unscheduled_time{namespace="ns2",pod="pod2",uid="uid2"} 1.501666018e+09
                        """);
    }

    @Test
    void completionTimeIsTheLastContainerFinish() {
        Pod pod = pod("ns2", "pod2", "abc-456-xxx")
                .withNewStatus()
                .addNewContainerStatus()
                .withName("container2_1")
                .withNewState()
                .withNewTerminated()
                .withFinishedAt(at(1501777018))
                .endTerminated()
                .endState()
                .endContainerStatus()
                .addNewContainerStatus()
                .withName("container2_2")
                .withNewState()
                .withNewTerminated()
                .withFinishedAt(at(1501888018))
                .endTerminated()
                .endState()
                .endContainerStatus()
                .addNewContainerStatus()
                .withName("container2_3")
                .withNewState()
                .withNewTerminated()
                .withFinishedAt(at(1501666018))
                .endTerminated()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_completion_time")).isEqualTo("""
                kube_pod_completion_time{namespace="ns2",pod="pod2",uid="abc-456-xxx"} 1.501888018e+09
                """);
    }

    @Test
    void startTimeOnlyOnceTheKubeletStartedThePod() {
        Pod started = pod("ns1", "pod1", "abc-123-xxx")
                .withNewStatus()
                .withStartTime(at(1501569018))
                .endStatus()
                .build();
        Pod notStarted =
                pod("ns1", "pod1", "abc-123-xxx").withNewStatus().endStatus().build();

        assertThat(samples(started, "kube_pod_start_time", "kube_pod_completion_time"))
                .isEqualTo("""
                kube_pod_start_time{namespace="ns1",pod="pod1",uid="abc-123-xxx"} 1.501569018e+09
                """);
        assertThat(samples(notStarted, "kube_pod_start_time")).isEmpty();
    }

    private static PodCondition condition(String type, String status, String reason) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .build();
    }

    private static PodCondition timed(String type, String status, long unixSeconds) {
        return new PodConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withLastTransitionTime(at(unixSeconds))
                .build();
    }
}
