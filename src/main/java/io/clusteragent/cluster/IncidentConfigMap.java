package io.clusteragent.cluster;

import io.clusteragent.detect.IncidentState;
import io.clusteragent.detect.IncidentStateJson;
import io.clusteragent.detect.IncidentStore;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * The incident state where replicas take turns leading: a ConfigMap in the agent's own namespace, so
 * that the next leader finds what the last one announced. Written with optimistic concurrency: each
 * save carries the resourceVersion this store last read or wrote, so a replica that still believes it
 * leads cannot overwrite its successor's state; it gets a conflict and reloads instead.
 *
 * <p>Compact and bounded: open incidents keep their last notification, closed ones only a version and
 * a time, and the tracker forgets closed ones after its version memory (24 h).
 */
public final class IncidentConfigMap implements IncidentStore {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentConfigMap.class);
    public static final String NAME = "cluster-agent-incidents";
    static final String KEY = "incidents.json";

    private final KubernetesClient client;
    private final String namespace;
    /** Of the ConfigMap as last read or written; null when there is none yet. */
    private String resourceVersion;

    public IncidentConfigMap(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    @Override
    public IncidentState load() {
        ConfigMap stored = client.configMaps().inNamespace(namespace).withName(NAME).get();
        if (stored == null) {
            resourceVersion = null;
            return IncidentState.EMPTY;
        }
        resourceVersion = stored.getMetadata().getResourceVersion();
        String json = stored.getData() == null ? null : stored.getData().get(KEY);
        if (json == null) {
            return IncidentState.EMPTY;
        }
        try {
            return IncidentStateJson.read(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException unreadable) {
            // The next save replaces it; the resourceVersion is kept, so that save is still checked.
            LOG.error("unreadable incident state; open incidents will be announced again {}: {}",
                    kv("configMap", describe()), unreadable.toString().lines().findFirst().orElse(""));
            return IncidentState.EMPTY;
        }
    }

    @Override
    public void save(IncidentState state) throws ConflictException {
        ConfigMap desired = new ConfigMapBuilder()
                .withNewMetadata().withName(NAME).withNamespace(namespace).withResourceVersion(resourceVersion)
                .addToLabels("app.kubernetes.io/name", "cluster-agent")
                .addToLabels("app.kubernetes.io/component", "incident-state").endMetadata()
                .addToData(KEY, new String(IncidentStateJson.write(state), StandardCharsets.UTF_8))
                .build();
        try {
            var resource = client.configMaps().inNamespace(namespace).resource(desired);
            ConfigMap saved = resourceVersion == null ? resource.create() : resource.update();
            resourceVersion = saved.getMetadata().getResourceVersion();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new ConflictException("another replica saved the incident state in " + describe() + " first", e);
            }
            throw e;
        }
    }

    @Override
    public String describe() {
        return "ConfigMap " + namespace + "/" + NAME;
    }
}
