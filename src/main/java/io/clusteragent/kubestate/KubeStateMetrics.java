package io.clusteragent.kubestate;

import io.clusteragent.cluster.ObjectListener;
import io.clusteragent.cluster.WatchedResource;
import io.clusteragent.config.KubeStateSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kube-state-metrics-compatible families of every resource that has them: told of each object by the
 * cluster, renders it into its resource's {@link MetricsStore}; writes a scrape on request. Objects of
 * resources without families are ignored.
 */
public final class KubeStateMetrics implements ObjectListener {

    private final Map<String, MetricsStore<?>> stores;
    private final KubeStateWriter writer;

    private KubeStateMetrics(Map<String, MetricsStore<?>> stores) {
        this.stores = stores;
        this.writer = new KubeStateWriter(List.copyOf(stores.values()));
    }

    /** Every resource of {@link KubeStateResources#all()}, filtered and scoped as the settings say. */
    public static KubeStateMetrics create(KubeStateSettings settings) {
        return create(settings, KubeStateResources.all());
    }

    /** The resources of {@link KubeStateResources#all()} named in {@code enabled} (KUBE_STATE_RESOURCES). */
    public static KubeStateMetrics create(KubeStateSettings settings, Set<String> enabled) {
        return create(
                settings,
                KubeStateResources.all().stream()
                        .filter(resource -> enabled.contains(resource.plural()))
                        .toList());
    }

    public static KubeStateMetrics create(KubeStateSettings settings, List<KubeStateResource<?>> resources) {
        FamilyFilter filter =
                FamilyFilter.of(settings.metricAllowlist(), settings.metricDenylist(), settings.metricOptInList());
        ObjectScope scope = ObjectScope.of(
                new Shard(settings.shard(), settings.totalShards()),
                settings.namespaces(),
                settings.namespacesDenylist());
        Map<String, MetricsStore<?>> stores = new LinkedHashMap<>();
        resources.stream()
                .sorted(Comparator.comparing(KubeStateResource::plural))
                .forEach(resource -> stores.put(resource.plural(), store(resource, settings, filter, scope)));
        return new KubeStateMetrics(stores);
    }

    private static <T extends HasMetadata> MetricsStore<T> store(
            KubeStateResource<T> resource, KubeStateSettings settings, FamilyFilter filter, ObjectScope scope) {
        List<FamilyGenerator<T>> families = resource
                .families()
                .apply(
                        allowlistFor(settings.annotationsAllowlist(), resource.plural()),
                        allowlistFor(settings.labelsAllowlist(), resource.plural()))
                .stream()
                .filter(filter::test)
                .toList();
        return new MetricsStore<>(resource.plural(), resource.type(), families, scope);
    }

    /** A {@code *} resource entry takes precedence over the others and applies to every resource. */
    private static List<String> allowlistFor(Map<String, List<String>> allowlist, String plural) {
        List<String> everyResource = allowlist.get("*");
        return everyResource != null ? everyResource : allowlist.getOrDefault(plural, List.of());
    }

    @Override
    public void upsert(WatchedResource resource, HasMetadata object) {
        upsert(resource.plural(), object);
    }

    @Override
    public void delete(WatchedResource resource, HasMetadata object) {
        delete(resource.plural(), object);
    }

    public void upsert(String resource, HasMetadata object) {
        MetricsStore<?> store = stores.get(resource);
        if (store != null) {
            store.upsert(object);
        }
    }

    public void delete(String resource, HasMetadata object) {
        MetricsStore<?> store = stores.get(resource);
        if (store != null) {
            store.delete(object);
        }
    }

    /** One scrape, as the kept chunks it is made of. */
    public Scrape scrape(ResourceSelection selection, ExpositionFormat format) {
        return writer.scrape(selection, format);
    }

    /** Writes one scrape, one kept chunk at a time. */
    public void write(ResourceSelection selection, ExpositionFormat format, OutputStream out) throws IOException {
        scrape(selection, format).writeTo(out);
    }

    /** The resources that have families, by their plural. */
    public Set<String> resources() {
        return stores.keySet();
    }

    /** How many objects of a resource are rendered (in this shard and namespace scope). */
    public int objectCount(String resource) {
        MetricsStore<?> store = stores.get(resource);
        return store == null ? 0 : store.size();
    }
}
