package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The kinds a dump may usefully hold: every {@link WatchedResource} and the metrics.k8s.io samples.
 * Matched by API group and kind, whatever the version, as a dump of an older cluster writes them.
 */
final class SnapshotKinds {

    private static final List<Class<? extends HasMetadata>> METRICS = List.of(NodeMetrics.class, PodMetrics.class);

    private final Map<String, Class<? extends HasMetadata>> byGroupAndKind = new HashMap<>();

    SnapshotKinds() {
        Stream.concat(Stream.of(WatchedResource.values()).map(WatchedResource::type), METRICS.stream())
                .forEach(type -> byGroupAndKind.put(key(HasMetadata.getGroup(type), HasMetadata.getKind(type)), type));
    }

    Optional<Class<? extends HasMetadata>> type(String apiVersion, String kind) {
        return Optional.ofNullable(byGroupAndKind.get(key(group(apiVersion), kind)));
    }

    static boolean isMetrics(HasMetadata object) {
        return METRICS.contains(object.getClass());
    }

    /** What keeps an object from being looked up the way the API is asked for it, or empty if nothing does. */
    static Optional<String> missingIdentity(HasMetadata object) {
        if (object.getMetadata() == null) {
            return Optional.of("it has no metadata, so no name to look it up by");
        }
        if (isBlank(object.getMetadata().getName())) {
            return Optional.of("metadata.name is missing, so it cannot be looked up");
        }
        if (object instanceof Namespaced && isBlank(object.getMetadata().getNamespace())) {
            return Optional.of("metadata.namespace is missing, and a " + object.getKind() + " lives in a namespace");
        }
        return Optional.empty();
    }

    /** "Pod, Node, Event, ...": what to put in a dump. */
    static String watchedKinds() {
        return String.join(", ", Stream.of(WatchedResource.values()).map(r -> HasMetadata.getKind(r.type())).toList());
    }

    private static String group(String apiVersion) {
        int slash = apiVersion == null ? -1 : apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
