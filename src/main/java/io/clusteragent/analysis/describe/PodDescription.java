package io.clusteragent.analysis.describe;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Toleration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code kubectl describe pod} shows, as the {@code /describe} response body.
 *
 * @param age                 time since creation, as kubectl prints it ({@code 3d4h})
 * @param annotations         the pod's annotations minus those that can embed secret values
 * @param node                the node the pod is bound to; null while unscheduled
 * @param ephemeralContainers debug containers added with {@code kubectl debug}; omitted when there are none
 * @param events              every event recorded for the pod, oldest first as kubectl lists them
 */
public record PodDescription(
        String name,
        String namespace,
        String uid,
        Map<String, String> labels,
        Map<String, String> annotations,
        Instant creationTimestamp,
        String age,
        List<Owner> ownerReferences,
        String serviceAccount,
        Status status,
        String node,
        String qosClass,
        int priority,
        String priorityClassName,
        List<Toleration> tolerations,
        Map<String, String> nodeSelector,
        List<PodCondition> conditions,
        List<ContainerDescription> containers,
        List<ContainerDescription> initContainers,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ContainerDescription> ephemeralContainers,
        List<VolumeDescription> volumes,
        List<EventDescription> events) {

    /** @param controller true for the owner that manages the pod (kubectl's "Controlled By") */
    public record Owner(String kind, String name, boolean controller) {}

    /** @param reason why the pod is in its phase when the kubelet says so, e.g. {@code Evicted} */
    public record Status(
            String phase,
            String reason,
            String message,
            String podIP,
            List<String> podIPs,
            String hostIP,
            String nominatedNodeName,
            Instant startTime) {}
}
