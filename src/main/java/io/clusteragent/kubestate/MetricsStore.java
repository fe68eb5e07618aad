package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * One resource's rendered objects ({@code pkg/metrics_store/metrics_store.go}): no object is kept, only its
 * sample lines by UID. An upsert renders the object once; a scrape copies nothing, it hands out each group's
 * family chunks. Objects are spread over {@value #GROUPS} groups by key, so the change of one object copies, at
 * the next scrape, only its group's chunks of the families whose samples it changed, and a gzip scrape
 * compresses only those again.
 */
final class MetricsStore<T extends HasMetadata> {

    private static final Logger LOG = LoggerFactory.getLogger(MetricsStore.class);
    /** A power of two. */
    static final int GROUPS = 32;

    private final String resource;
    private final Class<T> type;
    private final List<FamilyGenerator<T>> families;
    private final FamilyHeaders headers;
    private final ObjectScope scope;
    private final ObjectGroup[] groups = new ObjectGroup[GROUPS];

    MetricsStore(String resource, Class<T> type, List<FamilyGenerator<T>> families, ObjectScope scope) {
        this.resource = resource;
        this.type = type;
        this.families = List.copyOf(families);
        this.headers = new FamilyHeaders(this.families);
        this.scope = scope;
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = new ObjectGroup(this.families.size());
        }
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
            group(key).remove(key);
            return;
        }
        try {
            group(key).put(key, FamilyRenderer.render(families, type.cast(object)));
        } catch (RuntimeException e) {
            // A family that cannot read an object must not stop the informer that delivered it, nor leave the
            // object's previous samples standing as if current.
            group(key).remove(key);
            LOG.warn("kubestate: cannot render {} {}: {}", resource, key, e.toString());
        }
    }

    void delete(HasMetadata object) {
        String key = key(object.getMetadata());
        group(key).remove(key);
    }

    /** Every group with the changes made so far: what one scrape writes of this resource. */
    RenderedGroup[] current() {
        RenderedGroup[] current = new RenderedGroup[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            current[i] = groups[i].current();
        }
        return current;
    }

    int size() {
        int size = 0;
        for (RenderedGroup group : current()) {
            size += group.size();
        }
        return size;
    }

    private ObjectGroup group(String key) {
        int hash = key.hashCode();
        return groups[(hash ^ (hash >>> 16)) & (GROUPS - 1)];
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
