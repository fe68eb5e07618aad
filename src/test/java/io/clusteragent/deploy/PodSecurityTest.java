package io.clusteragent.deploy;

import io.fabric8.kubernetes.api.model.AppArmorProfileBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SELinuxOptionsBuilder;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Sysctl;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every workload of every overlay meets the restricted Pod Security Standard (the namespace
 * enforces it, so a pod that breaks it would never start), but for the DaemonSet's read-only mounts of the node, and the agent's own rules on top: a
 * read-only root filesystem and the image's user, nobody (65534).
 */
class PodSecurityTest {

    private static final List<String> NODE_MOUNTS =
            List.of("volume types: host-sys is a hostPath volume", "volume types: host-proc is a hostPath volume");

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void everyWorkloadMeetsTheRestrictedStandard(Kustomization kustomization) {
        for (Workload workload : kustomization.render().workloads()) {
            assertThat(RestrictedPodSecurity.violations(workload))
                    .as(workload.toString())
                    .containsExactlyInAnyOrderElementsOf(
                            kustomization == Kustomization.DAEMONSET ? NODE_MOUNTS : List.of());
        }
    }

    /**
     * The one exception: the DaemonSet reads the node's cgroups and processes for /metrics/cadvisor through two
     * read-only hostPath mounts, which no level but privileged admits; its namespace enforces that level and keeps
     * warning and auditing at restricted, and nothing else in its pod breaks restricted (above).
     */
    @Test
    void theDaemonSetMountsTheNodesSysAndProcReadOnlyInAPrivilegedNamespace() {
        Manifests manifests = Kustomization.DAEMONSET.render();
        Workload agent = manifests.agent();

        assertThat(agent.pod().getVolumes())
                .filteredOn(volume -> volume.getHostPath() != null)
                .extracting(
                        volume -> volume.getName() + "=" + volume.getHostPath().getPath())
                .containsExactlyInAnyOrder("host-sys=/sys", "host-proc=/proc");
        assertThat(agent.agent().getVolumeMounts())
                .filteredOn(mount -> mount.getName().startsWith("host-"))
                .allSatisfy(mount -> assertThat(mount.getReadOnly()).isTrue())
                .extracting(mount -> mount.getMountPath())
                .containsExactlyInAnyOrder("/host/sys", "/host/proc");
        assertThat(manifests.one(Namespace.class).getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "privileged")
                .containsEntry("pod-security.kubernetes.io/warn", "restricted")
                .containsEntry("pod-security.kubernetes.io/audit", "restricted");
        assertThat(manifests.agentConfig().cadvisor().cgroupRoot()).hasToString("/host/sys/fs/cgroup");
        assertThat(manifests.agentConfig().cadvisor().procRoot()).hasToString("/host/proc");
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void theAgentRunsAsNobodyOnAReadOnlyRootFilesystem(Kustomization kustomization) {
        Workload agent = kustomization.render().agent();
        SecurityContext container = agent.agent().getSecurityContext();

        assertThat(agent.pod().getSecurityContext().getRunAsUser()).isEqualTo(65534L);
        assertThat(agent.pod().getSecurityContext().getRunAsGroup()).isEqualTo(65534L);
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getCapabilities().getAdd()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void onlyTheAgentsPodMountsAServiceAccountToken(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        assertThat(manifests.one(ServiceAccount.class).getAutomountServiceAccountToken())
                .isFalse();
        assertThat(manifests.agent().pod().getAutomountServiceAccountToken()).isTrue();
    }

    /** Each control of the standard is checked, so the tests above cannot pass vacuously. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenControls")
    void aBrokenControlIsReported(String change, Consumer<PodSpec> breakIt, String expected) {
        Workload agent = Kustomization.BASE.render().agent();
        breakIt.accept(agent.pod());

        assertThat(RestrictedPodSecurity.violations(agent))
                .anySatisfy(violation -> assertThat(violation).startsWith(expected));
    }

    static Stream<Arguments> brokenControls() {
        return Stream.of(
                broken("host network", pod -> pod.setHostNetwork(true), "host namespaces"),
                broken("host PID", pod -> pod.setHostPID(true), "host namespaces"),
                broken("host IPC", pod -> pod.setHostIPC(true), "host namespaces"),
                broken(
                        "a hostPath volume",
                        pod -> pod.getVolumes()
                                .add(new VolumeBuilder()
                                        .withName("host")
                                        .withNewHostPath()
                                        .withPath("/var/log")
                                        .endHostPath()
                                        .build()),
                        "volume types"),
                broken(
                        "an NFS volume",
                        pod -> pod.getVolumes()
                                .add(new VolumeBuilder()
                                        .withName("nfs")
                                        .withNewNfs()
                                        .withServer("nfs")
                                        .withPath("/")
                                        .endNfs()
                                        .build()),
                        "volume types"),
                broken("privileged", pod -> context(pod).setPrivileged(true), "privileged containers"),
                broken(
                        "privilege escalation allowed",
                        pod -> context(pod).setAllowPrivilegeEscalation(true),
                        "privilege escalation"),
                broken(
                        "privilege escalation unset",
                        pod -> context(pod).setAllowPrivilegeEscalation(null),
                        "privilege escalation"),
                broken(
                        "root allowed in the container",
                        pod -> context(pod).setRunAsNonRoot(false),
                        "running as non-root"),
                broken(
                        "runAsNonRoot nowhere",
                        pod -> {
                            pod.getSecurityContext().setRunAsNonRoot(null);
                            context(pod).setRunAsNonRoot(null);
                        },
                        "running as non-root"),
                broken("UID 0", pod -> context(pod).setRunAsUser(0L), "running as non-root user"),
                broken(
                        "seccomp unconfined",
                        pod -> context(pod)
                                .setSeccompProfile(new SeccompProfileBuilder()
                                        .withType("Unconfined")
                                        .build()),
                        "seccomp"),
                broken("seccomp nowhere", pod -> pod.getSecurityContext().setSeccompProfile(null), "seccomp"),
                broken(
                        "capabilities not dropped",
                        pod -> context(pod).getCapabilities().getDrop().clear(),
                        "capabilities"),
                broken(
                        "a capability added",
                        pod -> context(pod).getCapabilities().getAdd().add("SYS_ADMIN"),
                        "capabilities"),
                broken("a host port", pod -> agent(pod).getPorts().get(0).setHostPort(8080), "host ports"),
                broken(
                        "an unsafe sysctl",
                        pod -> pod.getSecurityContext().getSysctls().add(new Sysctl("kernel.msgmax", "65536")),
                        "sysctls"),
                broken("an unmasked /proc", pod -> context(pod).setProcMount("Unmasked"), "/proc mount type"),
                broken(
                        "an SELinux type",
                        pod -> context(pod)
                                .setSeLinuxOptions(new SELinuxOptionsBuilder()
                                        .withType("spc_t")
                                        .build()),
                        "SELinux"),
                broken(
                        "AppArmor unconfined",
                        pod -> context(pod)
                                .setAppArmorProfile(new AppArmorProfileBuilder()
                                        .withType("Unconfined")
                                        .build()),
                        "AppArmor"),
                broken(
                        "an init container breaking the rules",
                        pod -> pod.getInitContainers()
                                .add(new ContainerBuilder()
                                        .withName("init")
                                        .withImage("busybox")
                                        .build()),
                        "privilege escalation"));
    }

    private static Arguments broken(String change, Consumer<PodSpec> breakIt, String expected) {
        return Arguments.of(change, breakIt, expected);
    }

    private static Container agent(PodSpec pod) {
        return pod.getContainers().get(0);
    }

    private static SecurityContext context(PodSpec pod) {
        return agent(pod).getSecurityContext();
    }
}
