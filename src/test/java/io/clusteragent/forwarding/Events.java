package io.clusteragent.forwarding;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.EventSeriesBuilder;
import io.fabric8.kubernetes.api.model.MicroTime;

/** Events as the API server serves them: core/v1 with a count, or events.k8s.io with a series. */
final class Events {

    private Events() {}

    /** A core/v1 event about a pod, as the kubelet's correlator writes it. */
    static Event warning(String uid, String resourceVersion, String namespace, String pod, String reason, int count) {
        return event(
                uid, resourceVersion, "Warning", namespace, pod, reason, count, "Back-off restarting failed container");
    }

    static Event event(
            String uid,
            String resourceVersion,
            String type,
            String namespace,
            String pod,
            String reason,
            int count,
            String message) {
        return new EventBuilder()
                .withNewMetadata()
                .withName(pod + "." + uid)
                .withNamespace(namespace)
                .withUid(uid)
                .withResourceVersion(resourceVersion)
                .endMetadata()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withCount(count)
                .withFirstTimestamp("2026-11-30T10:00:00Z")
                .withLastTimestamp("2026-11-30T10:05:00Z")
                .withNewSource("kubelet", "node-1")
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace(namespace)
                .withName(pod)
                .withUid("pod-" + pod)
                .endInvolvedObject()
                .build();
    }

    /** An events.k8s.io event with a series, as the scheduler writes it: no core/v1 count or timestamps. */
    static Event series(
            String uid, String resourceVersion, String namespace, String pod, int seriesCount, String lastObserved) {
        return new EventBuilder()
                .withNewMetadata()
                .withName(pod + "." + uid)
                .withNamespace(namespace)
                .withUid(uid)
                .withResourceVersion(resourceVersion)
                .endMetadata()
                .withType("Warning")
                .withReason("FailedScheduling")
                .withMessage("0/3 nodes are available")
                .withEventTime(new MicroTime("2026-11-30T10:00:00.000000Z"))
                .withSeries(new EventSeriesBuilder()
                        .withCount(seriesCount)
                        .withLastObservedTime(new MicroTime(lastObserved))
                        .build())
                .withReportingComponent("default-scheduler")
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace(namespace)
                .withName(pod)
                .withUid("pod-" + pod)
                .endInvolvedObject()
                .build();
    }
}
