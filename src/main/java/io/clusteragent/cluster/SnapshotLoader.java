package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a cluster dump as {@code kubectl get ... -o yaml|json} writes it: a {@code v1/List}, a
 * multi-document YAML stream, or single objects, including metrics.k8s.io PodMetrics/NodeMetrics
 * and the NodeMetricsList/PodMetricsList documents {@code kubectl get --raw} prints.
 */
public final class SnapshotLoader {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotLoader.class);

    private final KubernetesSerialization serialization = new KubernetesSerialization();

    public InMemoryClusterState load(Path file, Instant loadedAt) {
        List<HasMetadata> objects = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        for (Object document : read(file)) {
            collect(document, objects, skipped);
        }
        skipped.forEach((kind, count) -> LOG.info("snapshot {}: skipped {} object(s) of kind {}, which the agent does not use", file, count, kind));
        LOG.info("snapshot {}: loaded {} objects", file, objects.size());
        return InMemoryClusterState.of(objects, loadedAt);
    }

    private List<?> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Object parsed = serialization.unmarshal(in);
            if (parsed == null) {
                throw new SnapshotException("cannot load cluster snapshot " + file + ": the file holds no Kubernetes objects");
            }
            return parsed instanceof List<?> documents ? documents : List.of(parsed);
        } catch (IOException e) {
            throw new SnapshotException("cannot read cluster snapshot " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof SnapshotException) {
                throw e;
            }
            throw new SnapshotException("cannot parse cluster snapshot " + file + ": " + rootMessage(e), e);
        }
    }

    private static void collect(Object document, List<HasMetadata> objects, Map<String, Integer> skipped) {
        if (document instanceof KubernetesResourceList<?> list) {
            list.getItems().forEach(item -> collect(item, objects, skipped));
        } else if (document instanceof GenericKubernetesResource generic) {
            skipped.merge(generic.getApiVersion() + "/" + generic.getKind(), 1, Integer::sum);
        } else if (document instanceof HasMetadata object && isWatched(object)) {
            objects.add(object);
        } else if (document instanceof HasMetadata object) {
            skipped.merge(object.getApiVersion() + "/" + object.getKind(), 1, Integer::sum);
        } else if (document instanceof Collection<?> nested) {
            nested.forEach(item -> collect(item, objects, skipped));
        }
    }

    private static boolean isWatched(HasMetadata object) {
        for (WatchedResource resource : WatchedResource.values()) {
            if (resource.type().isInstance(object)) {
                return true;
            }
        }
        return object instanceof io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics
                || object instanceof io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
