package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static io.clusteragent.kubestate.PodScrape.at;
import static io.clusteragent.kubestate.PodScrape.pod;
import static io.clusteragent.kubestate.PodScrape.samples;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container and init container families against kube-state-metrics' expectations
 * ({@code internal/store/pod_test.go}, labels in emitted order).
 */
class PodContainerMetricsTest {

    private static final String[] STATE_FAMILIES = {
        "kube_pod_container_state_started",
        "kube_pod_container_status_last_terminated_reason",
        "kube_pod_container_status_last_terminated_exitcode",
        "kube_pod_container_status_last_terminated_timestamp",
        "kube_pod_container_status_running",
        "kube_pod_container_status_terminated",
        "kube_pod_container_status_terminated_reason",
        "kube_pod_container_status_waiting",
        "kube_pod_container_status_waiting_reason",
    };

    @Test
    void containerInfoJoinsSpecImageWithStatusImageAndIds() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .addNewContainer()
                .withName("container1")
                .withImage("k8s.gcr.io/hyperkube1_spec")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .addNewContainerStatus()
                .withName("container1")
                .withImage("k8s.gcr.io/hyperkube1")
                .withImageID("docker://sha256:aaa")
                .withContainerID("docker://ab123")
                .endContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_container_info")).isEqualTo("""
                kube_pod_container_info{namespace="ns1",pod="pod1",uid="uid1",container="container1",image_spec="k8s.gcr.io/hyperkube1_spec",image="k8s.gcr.io/hyperkube1",image_id="docker://sha256:aaa",container_id="docker://ab123"} 1
                """);
    }

    @Test
    void initContainerInfoAddsTheSidecarRestartPolicy() {
        Pod pod = pod("ns2", "pod2", "uid2")
                .withNewSpec()
                .addNewContainer()
                .withName("container2")
                .withImage("k8s.gcr.io/hyperkube2_spec")
                .endContainer()
                .addNewContainer()
                .withName("container3")
                .withImage("k8s.gcr.io/hyperkube3_spec")
                .endContainer()
                .addNewInitContainer()
                .withName("initContainer")
                .withImage("k8s.gcr.io/initfoo_spec")
                .withRestartPolicy("Always")
                .endInitContainer()
                .endSpec()
                .withNewStatus()
                .addNewContainerStatus()
                .withName("container2")
                .withImage("k8s.gcr.io/hyperkube2")
                .withImageID("docker://sha256:bbb")
                .withContainerID("docker://cd456")
                .endContainerStatus()
                .addNewContainerStatus()
                .withName("container3")
                .withImage("k8s.gcr.io/hyperkube3")
                .withImageID("docker://sha256:ccc")
                .withContainerID("docker://ef789")
                .endContainerStatus()
                .addNewInitContainerStatus()
                .withName("initContainer")
                .withImage("k8s.gcr.io/initfoo")
                .withImageID("docker://sha256:wxyz")
                .withContainerID("docker://ef123")
                .endInitContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_container_info", "kube_pod_init_container_info"))
                .isEqualTo("""
                kube_pod_container_info{namespace="ns2",pod="pod2",uid="uid2",container="container2",image_spec="k8s.gcr.io/hyperkube2_spec",image="k8s.gcr.io/hyperkube2",image_id="docker://sha256:bbb",container_id="docker://cd456"} 1
                kube_pod_container_info{namespace="ns2",pod="pod2",uid="uid2",container="container3",image_spec="k8s.gcr.io/hyperkube3_spec",image="k8s.gcr.io/hyperkube3",image_id="docker://sha256:ccc",container_id="docker://ef789"} 1
                kube_pod_init_container_info{namespace="ns2",pod="pod2",uid="uid2",container="initContainer",image_spec="k8s.gcr.io/initfoo_spec",image="k8s.gcr.io/initfoo",image_id="docker://sha256:wxyz",container_id="docker://ef123",restart_policy="Always"} 1
                """);
    }

    @Test
    void containerWithoutStatusHasNoInfoYet() {
        Pod pod = pod("ns1", "pending", "uid1")
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("nginx")
                .endContainer()
                .endSpec()
                .build();

        assertThat(samples(pod, "kube_pod_container_info", "kube_pod_container_status_ready"))
                .isEmpty();
    }

    @Test
    void readinessPerContainerAndInitContainer() {
        Pod pod = pod("ns3", "pod3", "uid3")
                .withNewSpec()
                .addNewContainer()
                .withName("container2")
                .endContainer()
                .addNewContainer()
                .withName("container3")
                .endContainer()
                .addNewInitContainer()
                .withName("initcontainer1")
                .endInitContainer()
                .addNewInitContainer()
                .withName("initcontainer2")
                .endInitContainer()
                .endSpec()
                .withNewStatus()
                .addNewContainerStatus()
                .withName("container2")
                .withReady(true)
                .endContainerStatus()
                .addNewContainerStatus()
                .withName("container3")
                .withReady(false)
                .endContainerStatus()
                .addNewInitContainerStatus()
                .withName("initcontainer1")
                .withReady(true)
                .endInitContainerStatus()
                .addNewInitContainerStatus()
                .withName("initcontainer2")
                .withReady(false)
                .endInitContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_container_status_ready", "kube_pod_init_container_status_ready"))
                .isEqualTo("""
                        kube_pod_container_status_ready{namespace="ns3",pod="pod3",uid="uid3",container="container2"} 1
                        kube_pod_container_status_ready{namespace="ns3",pod="pod3",uid="uid3",container="container3"} 0
                        kube_pod_init_container_status_ready{namespace="ns3",pod="pod3",uid="uid3",container="initcontainer1"} 1
                        kube_pod_init_container_status_ready{namespace="ns3",pod="pod3",uid="uid3",container="initcontainer2"} 0
                        """);
    }

    @Test
    void restartsAreCountersPerContainer() {
        Pod pod = pod("ns2", "pod2", "uid2")
                .withNewStatus()
                .addNewContainerStatus()
                .withName("container2")
                .withRestartCount(0)
                .endContainerStatus()
                .addNewContainerStatus()
                .withName("container3")
                .withRestartCount(1)
                .endContainerStatus()
                .addNewInitContainerStatus()
                .withName("initcontainer2")
                .withRestartCount(0)
                .endInitContainerStatus()
                .addNewInitContainerStatus()
                .withName("initcontainer3")
                .withRestartCount(1)
                .endInitContainerStatus()
                .endStatus()
                .build();

        assertThat(PodScrape.scrape(
                        Map.of(),
                        Map.of(),
                        pod,
                        "kube_pod_container_status_restarts_total",
                        "kube_pod_init_container_status_restarts_total"))
                .isEqualTo("""
                        # HELP kube_pod_container_status_restarts_total [STABLE] The number of container restarts per container.
                        # TYPE kube_pod_container_status_restarts_total counter
                        kube_pod_container_status_restarts_total{namespace="ns2",pod="pod2",uid="uid2",container="container2"} 0
                        kube_pod_container_status_restarts_total{namespace="ns2",pod="pod2",uid="uid2",container="container3"} 1
                        # HELP kube_pod_init_container_status_restarts_total [STABLE] The number of restarts for the init container.
                        # TYPE kube_pod_init_container_status_restarts_total counter
                        kube_pod_init_container_status_restarts_total{namespace="ns2",pod="pod2",uid="uid2",container="initcontainer2"} 0
                        kube_pod_init_container_status_restarts_total{namespace="ns2",pod="pod2",uid="uid2",container="initcontainer3"} 1
                        """);
    }

    @Test
    void runningContainerHasStartTimeAndNoReason() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .addNewContainerStatus()
                .withName("container1")
                .withNewState()
                .withNewRunning()
                .withStartedAt(at(1501777018))
                .endRunning()
                .endState()
                .endContainerStatus()
                .addNewInitContainerStatus()
                .withName("initcontainer1")
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .endInitContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(
                        pod,
                        concat(
                                STATE_FAMILIES,
                                "kube_pod_init_container_status_running",
                                "kube_pod_init_container_status_terminated",
                                "kube_pod_init_container_status_terminated_reason",
                                "kube_pod_init_container_status_waiting",
                                "kube_pod_init_container_status_waiting_reason")))
                .isEqualTo("""
                        kube_pod_container_state_started{namespace="ns1",pod="pod1",uid="uid1",container="container1"} 1.501777018e+09
                        kube_pod_container_status_running{namespace="ns1",pod="pod1",uid="uid1",container="container1"} 1
                        kube_pod_container_status_terminated{namespace="ns1",pod="pod1",uid="uid1",container="container1"} 0
                        kube_pod_container_status_waiting{namespace="ns1",pod="pod1",uid="uid1",container="container1"} 0
                        kube_pod_init_container_status_running{namespace="ns1",pod="pod1",uid="uid1",container="initcontainer1"} 1
                        kube_pod_init_container_status_terminated{namespace="ns1",pod="pod1",uid="uid1",container="initcontainer1"} 0
                        kube_pod_init_container_status_waiting{namespace="ns1",pod="pod1",uid="uid1",container="initcontainer1"} 0
                        """);
    }

    @Test
    void runningContainerWithoutStartTimeIsAtGoZeroTime() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .addNewInitContainerStatus()
                .withName("initcontainer1")
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .endInitContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(pod, "kube_pod_init_container_state_started")).isEqualTo("""
                kube_pod_init_container_state_started{namespace="ns1",pod="pod1",uid="uid1",container="initcontainer1"} -6.21355968e+10
                """);
    }

    @Test
    void completedContainerHasTerminatedReason() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewStatus()
                .addNewContainerStatus()
                .withName("container1")
                .withNewState()
                .withNewTerminated()
                .withStartedAt(at(1501777018))
                .withReason("Completed")
                .endTerminated()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(pod, STATE_FAMILIES)).isEqualTo("""
                kube_pod_container_state_started{namespace="ns1",pod="pod1",uid="uid1",container="container1"} 1.501777018e+09
                kube_pod_container_status_running{namespace="ns1",pod="pod1",uid="uid1",container="container1"} 0
                kube_pod_container_status_terminated{namespace="ns1",pod="pod1",uid="uid1",container="container1"} 1
                kube_pod_container_status_terminated_reason{namespace="ns1",pod="pod1",uid="uid1",container="container1",reason="Completed"} 1
                kube_pod_container_status_waiting{namespace="ns1",pod="pod1",uid="uid1",container="container1"} 0
                """);
    }

    @Test
    void oomKilledAndCreatingContainersSideBySide() {
        Pod pod = pod("ns2", "pod2", "uid2")
                .withNewStatus()
                .addNewContainerStatus()
                .withName("container2")
                .withNewState()
                .withNewTerminated()
                .withStartedAt(at(1501777018))
                .withReason("OOMKilled")
                .withExitCode(137)
                .endTerminated()
                .endState()
                .endContainerStatus()
                .addToContainerStatuses(waiting("container3", "ContainerCreating"))
                .endStatus()
                .build();

        assertThat(samples(pod, STATE_FAMILIES)).isEqualTo("""
                kube_pod_container_state_started{namespace="ns2",pod="pod2",uid="uid2",container="container2"} 1.501777018e+09
                kube_pod_container_status_running{namespace="ns2",pod="pod2",uid="uid2",container="container2"} 0
                kube_pod_container_status_running{namespace="ns2",pod="pod2",uid="uid2",container="container3"} 0
                kube_pod_container_status_terminated{namespace="ns2",pod="pod2",uid="uid2",container="container2"} 1
                kube_pod_container_status_terminated{namespace="ns2",pod="pod2",uid="uid2",container="container3"} 0
                kube_pod_container_status_terminated_reason{namespace="ns2",pod="pod2",uid="uid2",container="container2",reason="OOMKilled"} 1
                kube_pod_container_status_waiting{namespace="ns2",pod="pod2",uid="uid2",container="container2"} 0
                kube_pod_container_status_waiting{namespace="ns2",pod="pod2",uid="uid2",container="container3"} 1
                kube_pod_container_status_waiting_reason{namespace="ns2",pod="pod2",uid="uid2",container="container3",reason="ContainerCreating"} 1
                """);
    }

    @Test
    void waitingReasonsAreWrittenAsTheKubeletGivesThem() {
        for (String reason :
                new String[] {"CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError"}) {
            Pod pod = pod("ns3", "pod3", "uid3")
                    .withNewStatus()
                    .addToContainerStatuses(waiting("container4", reason))
                    .endStatus()
                    .build();

            assertThat(samples(pod, STATE_FAMILIES)).isEqualTo("""
                    kube_pod_container_status_running{namespace="ns3",pod="pod3",uid="uid3",container="container4"} 0
                    kube_pod_container_status_terminated{namespace="ns3",pod="pod3",uid="uid3",container="container4"} 0
                    kube_pod_container_status_waiting{namespace="ns3",pod="pod3",uid="uid3",container="container4"} 1
                    kube_pod_container_status_waiting_reason{namespace="ns3",pod="pod3",uid="uid3",container="container4",reason="%s"} 1
                    """.formatted(reason));
        }
    }

    @Test
    void restartedContainerShowsHowItLastTerminated() {
        Pod oomKilled = restarted("ns6", "pod6", "uid6", "container7", "OOMKilled", 137);
        Pod deadline = restarted("ns7", "pod7", "uid7", "container7", "DeadlineExceeded", 143);

        assertThat(samples(oomKilled, STATE_FAMILIES)).isEqualTo("""
                kube_pod_container_state_started{namespace="ns6",pod="pod6",uid="uid6",container="container7"} 1.501777018e+09
                kube_pod_container_status_last_terminated_reason{namespace="ns6",pod="pod6",uid="uid6",container="container7",reason="OOMKilled"} 1
                kube_pod_container_status_last_terminated_exitcode{namespace="ns6",pod="pod6",uid="uid6",container="container7"} 137
                kube_pod_container_status_last_terminated_timestamp{namespace="ns6",pod="pod6",uid="uid6",container="container7"} 1.501779547e+09
                kube_pod_container_status_running{namespace="ns6",pod="pod6",uid="uid6",container="container7"} 1
                kube_pod_container_status_terminated{namespace="ns6",pod="pod6",uid="uid6",container="container7"} 0
                kube_pod_container_status_waiting{namespace="ns6",pod="pod6",uid="uid6",container="container7"} 0
                """);
        assertThat(samples(
                        deadline,
                        "kube_pod_container_status_last_terminated_reason",
                        "kube_pod_container_status_last_terminated_exitcode"))
                .isEqualTo("""
                        kube_pod_container_status_last_terminated_reason{namespace="ns7",pod="pod7",uid="uid7",container="container7",reason="DeadlineExceeded"} 1
                        kube_pod_container_status_last_terminated_exitcode{namespace="ns7",pod="pod7",uid="uid7",container="container7"} 143
                        """);
    }

    @Test
    void initContainersStartAndLastTermination() {
        Pod pod = pod("ns9", "pod9", "uid9")
                .withNewStatus()
                .addNewInitContainerStatus()
                .withName("initcontainer1")
                .withNewState()
                .withNewRunning()
                .withStartedAt(at(1501777018))
                .endRunning()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withReason("OOMKilled")
                .withExitCode(137)
                .withFinishedAt(at(1501779547))
                .endTerminated()
                .endLastState()
                .endInitContainerStatus()
                .addNewInitContainerStatus()
                .withName("initcontainer2")
                .withNewState()
                .withNewTerminated()
                .withStartedAt(at(1501777018))
                .endTerminated()
                .endState()
                .endInitContainerStatus()
                .endStatus()
                .build();

        assertThat(samples(
                        pod,
                        "kube_pod_init_container_state_started",
                        "kube_pod_init_container_status_last_terminated_reason",
                        "kube_pod_init_container_status_last_terminated_exitcode",
                        "kube_pod_init_container_status_last_terminated_timestamp",
                        "kube_pod_init_container_status_terminated_reason"))
                .isEqualTo("""
                        kube_pod_init_container_state_started{namespace="ns9",pod="pod9",uid="uid9",container="initcontainer1"} 1.501777018e+09
                        kube_pod_init_container_state_started{namespace="ns9",pod="pod9",uid="uid9",container="initcontainer2"} 1.501777018e+09
                        kube_pod_init_container_status_last_terminated_reason{namespace="ns9",pod="pod9",uid="uid9",container="initcontainer1",reason="OOMKilled"} 1
                        kube_pod_init_container_status_last_terminated_exitcode{namespace="ns9",pod="pod9",uid="uid9",container="initcontainer1"} 137
                        kube_pod_init_container_status_last_terminated_timestamp{namespace="ns9",pod="pod9",uid="uid9",container="initcontainer1"} 1.501779547e+09
                        kube_pod_init_container_status_terminated_reason{namespace="ns9",pod="pod9",uid="uid9",container="initcontainer2",reason=""} 1
                        """);
    }

    @Test
    void requestsAndLimitsInCoresBytesAndIntegersWithSanitizedNames() {
        Map<String, Quantity> full = Map.of(
                "cpu", new Quantity("200m"),
                "memory", new Quantity("100M"),
                "ephemeral-storage", new Quantity("300M"),
                "storage", new Quantity("400M"),
                "nvidia.com/gpu", new Quantity("1"));
        Map<String, Quantity> small = Map.of("cpu", new Quantity("300m"), "memory", new Quantity("200M"));
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .addNewContainer()
                .withName("pod1_con1")
                .withNewResources()
                .withRequests(full)
                .withLimits(full)
                .endResources()
                .endContainer()
                .addNewContainer()
                .withName("pod1_con2")
                .withNewResources()
                .withRequests(small)
                .withLimits(small)
                .endResources()
                .endContainer()
                .addNewContainer()
                .withName("pod1_con3")
                .endContainer()
                .addNewInitContainer()
                .withName("pod1_initcon1")
                .withNewResources()
                .withRequests(full)
                .withLimits(full)
                .endResources()
                .endInitContainer()
                .endSpec()
                .build();

        assertThat(samples(
                        pod,
                        "kube_pod_container_resource_limits",
                        "kube_pod_container_resource_requests",
                        "kube_pod_init_container_resource_limits",
                        "kube_pod_init_container_resource_requests"))
                .isEqualTo("""
                        kube_pod_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="cpu",unit="core"} 0.2
                        kube_pod_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="ephemeral_storage",unit="byte"} 3e+08
                        kube_pod_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="memory",unit="byte"} 1e+08
                        kube_pod_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="nvidia_com_gpu",unit="integer"} 1
                        kube_pod_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="storage",unit="byte"} 4e+08
                        kube_pod_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con2",node="",resource="cpu",unit="core"} 0.3
                        kube_pod_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con2",node="",resource="memory",unit="byte"} 2e+08
                        kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="cpu",unit="core"} 0.2
                        kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="ephemeral_storage",unit="byte"} 3e+08
                        kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="memory",unit="byte"} 1e+08
                        kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="nvidia_com_gpu",unit="integer"} 1
                        kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con1",node="",resource="storage",unit="byte"} 4e+08
                        kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con2",node="",resource="cpu",unit="core"} 0.3
                        kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_con2",node="",resource="memory",unit="byte"} 2e+08
                        kube_pod_init_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="cpu",unit="core"} 0.2
                        kube_pod_init_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="ephemeral_storage",unit="byte"} 3e+08
                        kube_pod_init_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="memory",unit="byte"} 1e+08
                        kube_pod_init_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="nvidia_com_gpu",unit="integer"} 1
                        kube_pod_init_container_resource_limits{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="storage",unit="byte"} 4e+08
                        kube_pod_init_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="cpu",unit="core"} 0.2
                        kube_pod_init_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="ephemeral_storage",unit="byte"} 3e+08
                        kube_pod_init_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="memory",unit="byte"} 1e+08
                        kube_pod_init_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="nvidia_com_gpu",unit="integer"} 1
                        kube_pod_init_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="pod1_initcon1",node="",resource="storage",unit="byte"} 4e+08
                        """);
    }

    @Test
    void hugepagesAndAttachableVolumesAreBytesAndUnreportableResourcesAreLeftOut() {
        Pod pod = pod("ns1", "pod1", "uid1")
                .withNewSpec()
                .withNodeName("node-a")
                .addNewContainer()
                .withName("app")
                .withNewResources()
                .withRequests(Map.of(
                        "hugepages-2Mi", new Quantity("4Mi"),
                        "attachable-volumes-aws-ebs", new Quantity("1"),
                        "cpu", new Quantity("1.5"),
                        "memory", new Quantity("1Gi"),
                        "pods", new Quantity("1"),
                        "kubernetes.io/batteries", new Quantity("2"),
                        "example.com/Bad_Name!", new Quantity("3")))
                .endResources()
                .endContainer()
                .endSpec()
                .build();

        assertThat(samples(pod, "kube_pod_container_resource_requests")).isEqualTo("""
                kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="app",node="node-a",resource="attachable_volumes_aws_ebs",unit="byte"} 1
                kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="app",node="node-a",resource="cpu",unit="core"} 1.5
                kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="app",node="node-a",resource="hugepages_2Mi",unit="byte"} 4.194304e+06
                kube_pod_container_resource_requests{namespace="ns1",pod="pod1",uid="uid1",container="app",node="node-a",resource="memory",unit="byte"} 1.073741824e+09
                """);
    }

    private static ContainerStatus waiting(String name, String reason) {
        return new ContainerStatusBuilder()
                .withName(name)
                .withNewState()
                .withNewWaiting()
                .withReason(reason)
                .endWaiting()
                .endState()
                .build();
    }

    private static Pod restarted(
            String namespace, String name, String uid, String container, String reason, int exitCode) {
        return pod(namespace, name, uid)
                .withNewStatus()
                .addNewContainerStatus()
                .withName(container)
                .withNewState()
                .withNewRunning()
                .withStartedAt(at(1501777018))
                .endRunning()
                .endState()
                .withNewLastState()
                .withNewTerminated()
                .withReason(reason)
                .withExitCode(exitCode)
                .withFinishedAt(at(1501779547))
                .endTerminated()
                .endLastState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
