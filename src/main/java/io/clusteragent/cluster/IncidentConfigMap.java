package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The incident state where replicas take turns leading: a ConfigMap in the agent's own namespace, so
 * that the next leader finds what the last one announced. Written with optimistic concurrency: each
 * save carries the resourceVersion this store last read or wrote, so a replica that still believes it
 * leads cannot overwrite its successor's state; it gets a conflict and reloads instead.
 *
 * <p>It keeps the state's bytes and knows nothing of what they say: the detection runtime reads and
 * writes the document. The bytes are stored gzipped: a ConfigMap holds at most 1 MiB, and a sick
 * cluster's thousands of open incidents repeat the same words (a tenth of the size, or less).
 */
public final class IncidentConfigMap {

    public static final String NAME = "cluster-agent-incidents";
    public static final String KEY = "incidents.json.gz";
    /** The event forwarding leaders' checkpoint: what was forwarded, kept the same way. */
    public static final String FORWARDING_NAME = "cluster-agent-event-forwarding";

    public static final String FORWARDING_KEY = "checkpoint.json.gz";

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private final String key;
    private final String component;
    /** Of the ConfigMap as last read or written; null when there is none yet. */
    private String resourceVersion;

    public IncidentConfigMap(KubernetesClient client, String namespace) {
        this(client, namespace, NAME, KEY, "incident-state");
    }

    /** Another document the leaders hand on, in a ConfigMap of its own with the same guarantees. */
    IncidentConfigMap(KubernetesClient client, String namespace, String name, String key, String component) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
        this.key = key;
        this.component = component;
    }

    /**
     * The stored document, empty when there is none yet. Remembers the ConfigMap's resourceVersion even
     * when its content cannot be read, so the save that replaces an unreadable document is still checked.
     *
     * @throws IOException when the stored bytes are not gzip
     */
    public Optional<byte[]> load() throws IOException {
        ConfigMap stored =
                client.configMaps().inNamespace(namespace).withName(name).get();
        if (stored == null) {
            resourceVersion = null;
            return Optional.empty();
        }
        resourceVersion = stored.getMetadata().getResourceVersion();
        String gzipped =
                stored.getBinaryData() == null ? null : stored.getBinaryData().get(key);
        if (gzipped == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(gunzip(Base64.getDecoder().decode(gzipped)));
        } catch (IllegalArgumentException notBase64) {
            throw new IOException("not base64: " + notBase64.getMessage(), notBase64);
        }
    }

    /**
     * Replaces the stored document, unless another replica saved since this one last loaded or saved.
     *
     * @throws ConflictException when another replica saved first: reload before deciding anything else
     */
    public void save(byte[] document) throws ConflictException {
        ConfigMap desired = new ConfigMapBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(namespace)
                .withResourceVersion(resourceVersion)
                .addToLabels("app.kubernetes.io/name", "cluster-agent")
                .addToLabels("app.kubernetes.io/component", component)
                .endMetadata()
                .addToBinaryData(key, Base64.getEncoder().encodeToString(gzip(document)))
                .build();
        try {
            var resource = client.configMaps().inNamespace(namespace).resource(desired);
            ConfigMap saved = resourceVersion == null ? resource.create() : resource.update();
            resourceVersion = saved.getMetadata().getResourceVersion();
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new ConflictException("another replica saved " + describe() + " first", e);
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

    public String describe() {
        return "ConfigMap " + namespace + "/" + name;
    }

    /** Another replica saved the document first. */
    public static final class ConflictException extends Exception {

        ConflictException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
