package io.clusteragent.fleet;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.SnapshotLoader;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;

/**
 * One cluster of the demo fleet as an API server: fabric8's CRUD mock server holding the nodes, pods and Events of
 * examples/demo-cluster.yaml, each Event seen last at {@code now}, as if the dump had just been taken. An agent
 * watching it forwards the demo's Events as a live agent forwards a cluster's (a dump itself cannot be forwarded:
 * forwarding sends count increases as a live cluster makes them, and the agent refuses CLUSTER_SNAPSHOT with it).
 */
final class DemoApiServer implements AutoCloseable {

    static final Path DEMO = Path.of("examples/demo-cluster.yaml");

    private final KubernetesMockServer server;
    private final KubernetesClient client;

    private DemoApiServer(KubernetesMockServer server, KubernetesClient client) {
        this.server = server;
        this.client = client;
    }

    static DemoApiServer start(Instant now) {
        KubernetesMockServer server = new KubernetesMockServer(
                new Context(), new MockWebServer(), new HashMap<>(), new KubernetesCrudDispatcher(), true);
        server.init();
        KubernetesClient client = server.createClient();
        ClusterState demo = new SnapshotLoader().load(DEMO, now);
        demo.nodes().forEach(node -> client.nodes().resource(unstored(node)).create());
        demo.pods()
                .forEach(pod -> client.pods()
                        .inNamespace(pod.getMetadata().getNamespace())
                        .resource(unstored(pod))
                        .create());
        demo.events()
                .forEach(event -> client.v1()
                        .events()
                        .inNamespace(event.getMetadata().getNamespace())
                        .resource(seenAt(unstored(event), now))
                        .create());
        return new DemoApiServer(server, client);
    }

    KubernetesClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        server.destroy();
    }

    /** The API server gives every object it stores its own resource version. */
    private static <T extends HasMetadata> T unstored(T object) {
        object.getMetadata().setResourceVersion(null);
        return object;
    }

    private static Event seenAt(Event event, Instant now) {
        event.setLastTimestamp(now.toString());
        if (event.getFirstTimestamp() != null) {
            event.setFirstTimestamp(now.toString());
        }
        if (event.getEventTime() != null) {
            event.setEventTime(new MicroTime(now.toString()));
        }
        if (event.getSeries() != null) {
            event.getSeries().setLastObservedTime(new MicroTime(now.toString()));
        }
        return event;
    }
}
