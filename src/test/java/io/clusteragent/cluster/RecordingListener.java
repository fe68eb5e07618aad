package io.clusteragent.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Writes down what it is told, as "upsert services shop/web" lines, and keeps the objects. */
final class RecordingListener implements ObjectListener {

    /** One call: what, of which resource, and the object as the listener saw it. */
    record Call(String what, WatchedResource resource, HasMetadata object) {

        String line() {
            String namespace = object.getMetadata().getNamespace();
            return what + " " + resource.plural() + " " + (namespace == null ? "" : namespace + "/")
                    + object.getMetadata().getName();
        }
    }

    private final List<Call> calls = new CopyOnWriteArrayList<>();

    @Override
    public void upsert(WatchedResource resource, HasMetadata object) {
        calls.add(new Call("upsert", resource, object));
    }

    @Override
    public void delete(WatchedResource resource, HasMetadata object) {
        calls.add(new Call("delete", resource, object));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<String> lines() {
        return calls.stream().map(Call::line).toList();
    }
}
