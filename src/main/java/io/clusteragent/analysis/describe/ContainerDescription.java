package io.clusteragent.analysis.describe;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ContainerState;

import java.util.List;
import java.util.Map;

/**
 * One container of a pod: its spec joined with its status by name. Command and arguments are left
 * out on purpose: they are a common place for credentials ({@code --password=...}).
 *
 * @param state               null until the kubelet reports the container
 * @param lastState           the previous run, e.g. the {@code OOMKilled} termination before a restart; null if none
 * @param started             whether the startup probe passed; null until reported
 * @param sidecar             an init container with {@code restartPolicy: Always}, running beside the app containers
 * @param targetContainerName for ephemeral containers only: the container whose namespaces it shares
 */
public record ContainerDescription(
        String name,
        String image,
        String imageID,
        ContainerState state,
        ContainerState lastState,
        boolean ready,
        Boolean started,
        int restartCount,
        boolean sidecar,
        @JsonInclude(JsonInclude.Include.NON_NULL) String targetContainerName,
        Resources resources,
        List<Port> ports,
        List<EnvVarDescription> environment,
        List<EnvFromDescription> envFrom,
        List<Mount> mounts,
        Probes probes) {

    /** Amounts as kubectl prints them ({@code 250m}, {@code 512Mi}), by resource name. */
    public record Resources(Map<String, String> requests, Map<String, String> limits) {}

    public record Port(String name, int containerPort, String protocol, Integer hostPort) {}

    public record Mount(String name, String mountPath, boolean readOnly, String subPath) {}

    /** kubectl's one-line probe text, e.g. {@code http-get http://:8080/healthz delay=10s timeout=1s period=10s #success=1 #failure=3}; null when unset. */
    public record Probes(String liveness, String readiness, String startup) {}
}
