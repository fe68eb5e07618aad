package io.clusteragent.cadvisor;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node's pods as the cgroups name them: by UID (a static pod's cgroup carries the UID its mirror pod holds in
 * the {@code kubernetes.io/config.mirror} annotation), and each container by the id the runtime gave it
 * ({@code status.containerStatuses[].containerID}, init and ephemeral containers too, without the
 * {@code containerd://} scheme). This is the join kubelet makes through the CRI labels, made without a CRI call.
 */
final class NodePods {

    private static final String MIRROR = "kubernetes.io/config.mirror";

    /** A container of a pod, as its status reports it. */
    record Container(Pod pod, String name, String image, int restartCount, Optional<Runtime> runtime) {}

    private final Map<String, Pod> byUid = new HashMap<>();
    private final Map<String, Container> byContainerId = new HashMap<>();

    NodePods(Collection<Pod> pods) {
        for (Pod pod : pods) {
            byUid.put(pod.getMetadata().getUid(), pod);
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            if (annotations != null && annotations.containsKey(MIRROR)) {
                byUid.putIfAbsent(annotations.get(MIRROR), pod);
            }
            PodStatus status = pod.getStatus();
            if (status != null) {
                index(pod, status.getContainerStatuses());
                index(pod, status.getInitContainerStatuses());
                index(pod, status.getEphemeralContainerStatuses());
            }
        }
    }

    Optional<Pod> pod(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    Optional<Container> container(String containerId) {
        return Optional.ofNullable(byContainerId.get(containerId));
    }

    private void index(Pod pod, List<ContainerStatus> statuses) {
        if (statuses == null) {
            return;
        }
        for (ContainerStatus status : statuses) {
            String id = status.getContainerID();
            if (id == null || id.isEmpty()) {
                continue;
            }
            int scheme = id.indexOf("://");
            Optional<Runtime> runtime = scheme < 0 ? Optional.empty() : Runtime.ofScheme(id.substring(0, scheme));
            byContainerId.put(
                    scheme < 0 ? id : id.substring(scheme + 3),
                    new Container(
                            pod,
                            status.getName(),
                            status.getImage() == null ? "" : status.getImage(),
                            status.getRestartCount() == null ? 0 : status.getRestartCount(),
                            runtime));
        }
    }
}
