package io.clusteragent.analysis.describe;

import io.clusteragent.quantity.PodRequests;
import io.clusteragent.quantity.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.VolumeMount;

import java.util.List;

/** Joins a container's spec with its status (matched by name) into a {@link ContainerDescription}. */
final class ContainerDescriber {

    private ContainerDescriber() {}

    static List<ContainerDescription> describe(
            List<Container> containers, List<ContainerStatus> statuses, boolean init) {
        return Nulls.list(containers).stream()
                .map(c -> describe(c, statusOf(c.getName(), statuses), init && PodRequests.isSidecar(c), null))
                .toList();
    }

    static List<ContainerDescription> describeEphemeral(
            List<EphemeralContainer> containers, List<ContainerStatus> statuses) {
        return Nulls.list(containers).stream()
                .map(e -> describe(asContainer(e), statusOf(e.getName(), statuses), false, e.getTargetContainerName()))
                .toList();
    }

    private static ContainerDescription describe(
            Container spec, ContainerStatus status, boolean sidecar, String target) {
        return new ContainerDescription(
                spec.getName(),
                spec.getImage(),
                status == null ? null : status.getImageID(),
                status == null ? null : status.getState(),
                status == null ? null : nonEmpty(status.getLastState()),
                status != null && Boolean.TRUE.equals(status.getReady()),
                status == null ? null : status.getStarted(),
                status == null || status.getRestartCount() == null ? 0 : status.getRestartCount(),
                sidecar,
                target,
                new ContainerDescription.Resources(
                        Quantities.format(PodRequests.amounts(spec, ResourceRequirements::getRequests)),
                        Quantities.format(PodRequests.amounts(spec, ResourceRequirements::getLimits))),
                Nulls.list(spec.getPorts()).stream()
                        .map(ContainerDescriber::port)
                        .toList(),
                Nulls.list(spec.getEnv()).stream().map(EnvVarDescription::of).toList(),
                Nulls.list(spec.getEnvFrom()).stream()
                        .map(EnvFromDescription::of)
                        .toList(),
                Nulls.list(spec.getVolumeMounts()).stream()
                        .map(ContainerDescriber::mount)
                        .toList(),
                new ContainerDescription.Probes(
                        ProbeText.of(spec.getLivenessProbe()),
                        ProbeText.of(spec.getReadinessProbe()),
                        ProbeText.of(spec.getStartupProbe())));
    }

    /** Ephemeral containers share Container's fields (without ports, probes or resources, which the API rejects for them). */
    private static Container asContainer(EphemeralContainer e) {
        return new ContainerBuilder()
                .withName(e.getName())
                .withImage(e.getImage())
                .withEnv(e.getEnv())
                .withEnvFrom(e.getEnvFrom())
                .withVolumeMounts(e.getVolumeMounts())
                .build();
    }

    private static ContainerStatus statusOf(String name, List<ContainerStatus> statuses) {
        if (statuses == null) {
            return null;
        }
        return statuses.stream()
                .filter(s -> name.equals(s.getName()))
                .findFirst()
                .orElse(null);
    }

    /** A container that never restarted reports an empty lastState ({@code {}}); show that as absent. */
    private static ContainerState nonEmpty(ContainerState state) {
        if (state == null
                || (state.getRunning() == null && state.getWaiting() == null && state.getTerminated() == null)) {
            return null;
        }
        return state;
    }

    private static ContainerDescription.Port port(ContainerPort port) {
        return new ContainerDescription.Port(
                port.getName(),
                port.getContainerPort() == null ? 0 : port.getContainerPort(),
                port.getProtocol() == null ? "TCP" : port.getProtocol(),
                port.getHostPort());
    }

    private static ContainerDescription.Mount mount(VolumeMount mount) {
        return new ContainerDescription.Mount(
                mount.getName(),
                mount.getMountPath(),
                Boolean.TRUE.equals(mount.getReadOnly()),
                mount.getSubPath() == null || mount.getSubPath().isEmpty() ? null : mount.getSubPath());
    }
}
