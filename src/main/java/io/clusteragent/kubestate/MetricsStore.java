package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One resource's rendered objects ({@code pkg/metrics_store/metrics_store.go}): no object is kept, only its
 * sample lines by UID. An upsert renders the object once; a scrape copies the kept bytes. The map is concurrent,
 * so an informer update never waits for a scrape nor a scrape for an update; a scrape sees each object either
 * before or after an update, never half of one family.
 */
final class MetricsStore<T extends HasMetadata> {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsStore.class);

    private final String resource;
    private final Class<T> type;
    private final List<FamilyGenerator<T>> families;
    private final FamilyHeaders headers;
    private final ObjectScope scope;
    private final Map<String, RenderedObject> objects = new ConcurrentHashMap<>();

    MetricsStore(String resource, Class<T> type, List<FamilyGenerator<T>> families, ObjectScope scope) {
        this.resource = resource;
        this.type = type;
        this.families = List.copyOf(families);
        this.headers = new FamilyHeaders(this.families);
        this.scope = scope;
    }

    String resource() {
        return resource;
    }

    FamilyHeaders headers() {
        return headers;
    }

    void upsert(HasMetadata object) {
        String key = key(object.getMetadata());
        if (!type.isInstance(object) || !scope.includes(object)) {
            objects.remove(key);
            return;
        }
        try {
            objects.put(key, FamilyRenderer.render(families, type.cast(object)));
        } catch (RuntimeException e) {
            // A family that cannot read an object must not stop the informer that delivered it, nor leave the
            // object's previous samples standing as if current.
            objects.remove(key);
            LOG.warn("kubestate: cannot render {} {}: {}", resource, key, e.toString());
        }
    }

    void delete(HasMetadata object) {
        objects.remove(key(object.getMetadata()));
    }

    boolean isEmpty() {
        return objects.isEmpty();
    }

    int size() {
        return objects.size();
    }

    /** Every object's samples of one family, one object after the other. */
    void writeFamily(int family, OutputStream out) throws IOException {
        for (RenderedObject object : objects.values()) {
            object.writeFamily(family, out);
        }
    }

    /** The UID, as kube-state-metrics keys its store; objects of hand-written dumps may lack one. */
    private static String key(ObjectMeta meta) {
        if (meta == null) {
            return "";
        }
        String uid = meta.getUid();
        return uid != null && !uid.isEmpty() ? uid : meta.getNamespace() + "/" + meta.getName();
    }
}
