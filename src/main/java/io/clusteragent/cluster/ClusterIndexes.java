package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The secondary indexes of the cache, shared by the live informers and the snapshot so that both
 * answer lookups the same way.
 */
public final class ClusterIndexes {

    public static final String PODS_BY_NAMESPACE = "pods-by-namespace";
    public static final String PODS_BY_NODE = "pods-by-node";
    public static final String EVENTS_BY_INVOLVED_OBJECT = "events-by-involved-object";
    /** kube-scheduler keeps the same list: every pending pod must be checked against these, and only these. */
    public static final String PODS_WITH_REQUIRED_ANTI_AFFINITY = "pods-with-required-anti-affinity";

    static final String ANY = "";

    private ClusterIndexes() {}

    public static Map<String, Function<Pod, List<String>>> podIndexers() {
        return Map.of(
                PODS_BY_NAMESPACE, pod -> List.of(pod.getMetadata().getNamespace()),
                PODS_BY_NODE, ClusterIndexes::nodeOf,
                PODS_WITH_REQUIRED_ANTI_AFFINITY, pod -> hasRequiredAntiAffinity(pod) ? List.of(ANY) : List.of());
    }

    public static Map<String, Function<Event, List<String>>> eventIndexers() {
        return Map.of(EVENTS_BY_INVOLVED_OBJECT, ClusterIndexes::involvedObjectOf);
    }

    public static String involvedObjectKey(String kind, String namespace, String name) {
        return kind + "/" + (namespace == null ? "" : namespace) + "/" + name;
    }

    public static String involvedObjectKey(HasMetadata object) {
        return involvedObjectKey(
                object.getKind(),
                object.getMetadata().getNamespace(),
                object.getMetadata().getName());
    }

    /** Events for an object recreated under the same name carry the old uid; they belong to the old object. */
    public static boolean sameIncarnation(Event event, HasMetadata object) {
        String eventUid = event.getInvolvedObject() == null
                ? null
                : event.getInvolvedObject().getUid();
        String objectUid = object.getMetadata().getUid();
        return eventUid == null
                || eventUid.isEmpty()
                || objectUid == null
                || objectUid.isEmpty()
                || eventUid.equals(objectUid);
    }

    private static List<String> nodeOf(Pod pod) {
        String node = pod.getSpec() == null ? null : pod.getSpec().getNodeName();
        return node == null || node.isEmpty() ? List.of() : List.of(node);
    }

    private static boolean hasRequiredAntiAffinity(Pod pod) {
        var affinity = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
        var antiAffinity = affinity == null ? null : affinity.getPodAntiAffinity();
        return antiAffinity != null
                && antiAffinity.getRequiredDuringSchedulingIgnoredDuringExecution() != null
                && !antiAffinity
                        .getRequiredDuringSchedulingIgnoredDuringExecution()
                        .isEmpty();
    }

    private static List<String> involvedObjectOf(Event event) {
        ObjectReference ref = event.getInvolvedObject();
        if (ref == null || ref.getName() == null || ref.getKind() == null) {
            return List.of();
        }
        return List.of(involvedObjectKey(ref.getKind(), ref.getNamespace(), ref.getName()));
    }
}
