package io.clusteragent.kubestate;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One group of a store's objects: the rendered group the last scrape saw, and the objects rendered since, by key.
 * An informer update only puts its rendering into the concurrent map; the next scrape moves what it finds there
 * into a new rendered group, under a lock that only scrapes take, so an update never waits for a scrape nor a
 * scrape for an update, and a scrape sees every object of the group as it was at one moment.
 */
final class ObjectGroup {

    private final ConcurrentHashMap<String, RenderedObject> changed = new ConcurrentHashMap<>();
    private volatile RenderedGroup rendered;

    ObjectGroup(int families) {
        this.rendered = RenderedGroup.empty(families);
    }

    void put(String key, RenderedObject object) {
        changed.put(key, object);
    }

    /**
     * Forgets the object. Pending changes are read before the rendered group: a scrape publishes its new group
     * before it clears the changes it took, so a key is seen in one or the other.
     */
    void remove(String key) {
        if (changed.containsKey(key) || rendered.contains(key)) {
            changed.put(key, RenderedObject.DELETED);
        }
    }

    /** The group with every change made so far. */
    RenderedGroup current() {
        if (changed.isEmpty()) {
            return rendered;
        }
        synchronized (this) {
            if (changed.isEmpty()) {
                return rendered;
            }
            TreeMap<String, RenderedObject> taken = new TreeMap<>(changed);
            RenderedGroup next = rendered.with(taken);
            rendered = next;
            // A change that arrived meanwhile replaced the one taken, and stays for the next scrape.
            for (Map.Entry<String, RenderedObject> change : taken.entrySet()) {
                changed.remove(change.getKey(), change.getValue());
            }
            return next;
        }
    }
}
