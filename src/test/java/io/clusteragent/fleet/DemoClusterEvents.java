package io.clusteragent.fleet;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.cluster.SnapshotLoader;
import io.clusteragent.detect.PlatformNamespaces;
import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.InvolvedObject;
import io.clusteragent.eventrecord.RecordType;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.Pod;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Events of the demo cluster (examples/demo-cluster.yaml) as the records an agent that has just started would
 * send for them: each Event's whole count as its occurrences, at {@code now}, with the image of the pod's first
 * container. Sent for several cluster ids, they stand for a fleet that runs the same workloads.
 */
final class DemoClusterEvents {

    static final Path DEMO = Path.of("examples/demo-cluster.yaml");

    private DemoClusterEvents() {}

    static List<EventRecord> asClusters(List<String> clusterIds, Instant now) {
        ClusterState demo = new SnapshotLoader().load(DEMO, now);
        Map<String, String> images = new HashMap<>();
        for (Pod pod : demo.pods()) {
            images.put(
                    pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName(),
                    pod.getSpec().getContainers().get(0).getImage());
        }
        PlatformNamespaces platform = PlatformNamespaces.defaults();
        List<EventRecord> records = new ArrayList<>();
        for (String cluster : clusterIds) {
            for (Event event : demo.events()) {
                ObjectReference object = event.getInvolvedObject();
                long count = event.getCount() == null ? 1 : event.getCount();
                records.add(new EventRecord(
                        EventRecord.SCHEMA_VERSION,
                        RecordType.event,
                        cluster,
                        "demo",
                        now,
                        platform.categoryOf(event.getMetadata().getNamespace()),
                        event.getType(),
                        event.getReason(),
                        event.getMessage(),
                        new InvolvedObject(object.getKind(), object.getNamespace(), object.getName(), object.getUid()),
                        event.getMetadata().getUid(),
                        count,
                        count,
                        now,
                        now,
                        images.get(object.getNamespace() + "/" + object.getName())));
            }
            records.add(EventRecord.heartbeat(cluster, "demo", now));
        }
        return records;
    }
}
