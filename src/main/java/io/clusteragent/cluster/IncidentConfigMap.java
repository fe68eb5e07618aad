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

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.Base64;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * The incident state where replicas take turns leading: a ConfigMap in the agent's own namespace, so
 * that the next leader finds what the last one announced. Written with optimistic concurrency: each
 * save carries the resourceVersion this store last read or wrote, so a replica that still believes it
 * leads cannot overwrite its successor's state; it gets a conflict and reloads instead.
 *
 * <p>Compact and bounded: open incidents keep their last notification, closed ones only a version and
 * a time, and the tracker forgets closed ones after its version memory (24 h). The JSON is stored
 * gzipped: a ConfigMap holds at most 1 MiB, and a sick cluster's thousands of open incidents repeat
 * the same words (a tenth of the size, or less).
 */
public final class IncidentConfigMap implements IncidentStore {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentConfigMap.class);
    public static final String NAME = "cluster-agent-incidents";
    static final String KEY = "incidents.json.gz";

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
        String gzipped = stored.getBinaryData() == null ? null : stored.getBinaryData().get(KEY);
        if (gzipped == null) {
            return IncidentState.EMPTY;
        }
        try {
            return IncidentStateJson.read(gunzip(Base64.getDecoder().decode(gzipped)));
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
                .addToBinaryData(KEY, Base64.getEncoder().encodeToString(gzip(IncidentStateJson.write(state))))
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

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    private static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream zip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return zip.readAllBytes();
        }
    }

    @Override
    public String describe() {
        return "ConfigMap " + namespace + "/" + NAME;
    }
}
