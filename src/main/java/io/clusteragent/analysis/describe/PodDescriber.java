package io.clusteragent.analysis.describe;

import io.clusteragent.analysis.HumanDuration;
import io.clusteragent.analysis.Rfc3339;
import io.clusteragent.analysis.events.ObservedEvent;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code kubectl describe pod} shows, without ever showing a secret value. */
public final class PodDescriber {

    /**
     * kubectl apply stores the whole applied manifest here, literal env values included, and some
     * manifests carry credentials inline. The pod's own spec is already shown field by field.
     */
    private static final Set<String> HIDDEN_ANNOTATIONS = Set.of("kubectl.kubernetes.io/last-applied-configuration");

    /** kubectl's order: oldest first, so the latest event is the last line read. */
    private static final Comparator<ObservedEvent> OLDEST_FIRST = Comparator.comparing(ObservedEvent::lastSeen)
            .thenComparing(ObservedEvent::firstSeen)
            .thenComparing(ObservedEvent::reason);

    private PodDescriber() {}

    /**
     * @param events the pod's events (as {@code ClusterState.eventsFor(pod)} returns them); all are shown
     * @param now    the analysis clock, for ages
     */
    public static PodDescription describe(Pod pod, List<Event> events, Instant now) {
        ObjectMeta meta = pod.getMetadata();
        PodSpec spec = pod.getSpec() == null ? new PodSpec() : pod.getSpec();
        PodStatus status = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        Instant created = Rfc3339.parse(meta.getCreationTimestamp());
        return new PodDescription(
                meta.getName(),
                meta.getNamespace(),
                meta.getUid(),
                Nulls.sortedMap(meta.getLabels()),
                visibleAnnotations(meta.getAnnotations()),
                created,
                created == null ? null : HumanDuration.format(Duration.between(created, now)),
                Nulls.list(meta.getOwnerReferences()).stream()
                        .map(PodDescriber::owner)
                        .toList(),
                spec.getServiceAccountName(),
                status(status),
                spec.getNodeName(),
                status.getQosClass(),
                spec.getPriority() == null ? 0 : spec.getPriority(),
                spec.getPriorityClassName() == null ? "" : spec.getPriorityClassName(),
                Nulls.list(spec.getTolerations()),
                Nulls.sortedMap(spec.getNodeSelector()),
                Nulls.list(status.getConditions()),
                ContainerDescriber.describe(Nulls.list(spec.getContainers()), status.getContainerStatuses(), false),
                ContainerDescriber.describe(
                        Nulls.list(spec.getInitContainers()), status.getInitContainerStatuses(), true),
                ContainerDescriber.describeEphemeral(
                        Nulls.list(spec.getEphemeralContainers()), status.getEphemeralContainerStatuses()),
                Nulls.list(spec.getVolumes()).stream()
                        .map(VolumeDescription::of)
                        .toList(),
                Nulls.list(events).stream()
                        .map(ObservedEvent::of)
                        .sorted(OLDEST_FIRST)
                        .map(e -> EventDescription.of(e, now))
                        .toList());
    }

    static Map<String, String> visibleAnnotations(Map<String, String> annotations) {
        Map<String, String> visible = Nulls.sortedMap(annotations);
        visible.keySet().removeAll(HIDDEN_ANNOTATIONS);
        return visible;
    }

    private static PodDescription.Owner owner(OwnerReference reference) {
        return new PodDescription.Owner(
                reference.getKind(), reference.getName(), Boolean.TRUE.equals(reference.getController()));
    }

    private static PodDescription.Status status(PodStatus status) {
        return new PodDescription.Status(
                status.getPhase(),
                status.getReason(),
                status.getMessage(),
                status.getPodIP(),
                Nulls.list(status.getPodIPs()).stream().map(PodIP::getIp).toList(),
                status.getHostIP(),
                status.getNominatedNodeName(),
                Rfc3339.parse(status.getStartTime()));
    }
}
