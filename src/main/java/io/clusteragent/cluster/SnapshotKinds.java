package io.clusteragent.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The kinds a dump may usefully hold, the {@link WatchedResource}s the agent uses and the
 * metrics.k8s.io samples, and how a mapping read from a dump becomes one. Matched by API group and
 * kind, whatever the version, as a dump of an older cluster writes them.
 */
final class SnapshotKinds {

    private static final List<Class<? extends HasMetadata>> METRICS = List.of(NodeMetrics.class, PodMetrics.class);

    private final Map<String, Class<? extends HasMetadata>> byGroupAndKind = new HashMap<>();
    private final ObjectMapper mapper = new ObjectMapper();
    private final Set<WatchedResource> used;

    SnapshotKinds(Set<WatchedResource> used) {
        this.used = used;
        new KubernetesSerialization(mapper, true);
        Stream.concat(used.stream().map(WatchedResource::type), METRICS.stream())
                .forEach(type -> byGroupAndKind.put(key(HasMetadata.getGroup(type), HasMetadata.getKind(type)), type));
    }

    Optional<Class<? extends HasMetadata>> type(String apiVersion, String kind) {
        return Optional.ofNullable(byGroupAndKind.get(key(group(apiVersion), kind)));
    }

    /** The object as its fabric8 class; an {@link IllegalArgumentException} says why it cannot be one. */
    HasMetadata read(SnapshotEntry entry, Class<? extends HasMetadata> type) {
        try {
            return mapper.treeToValue(entry.tree(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "it cannot be read as a " + entry.kind() + ": " + conversionProblem(e), e);
        }
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
    String usedKinds() {
        return String.join(
                ", ", used.stream().map(r -> HasMetadata.getKind(r.type())).toList());
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

    /** "Cannot deserialize ... (at spec.containers[0].ports)": the field, not Jackson's reference chain. */
    private static String conversionProblem(Exception e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return ParseProblem.firstLine(e.getMessage());
        }
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return ParseProblem.firstLine(mapping.getOriginalMessage()) + (path.isEmpty() ? "" : " (at " + path + ")");
    }
}
