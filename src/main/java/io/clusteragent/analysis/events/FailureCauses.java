package io.clusteragent.analysis.events;

import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.ShortText;
import io.fabric8.kubernetes.api.model.Pod;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The catalog's generic causes for an event, followed by the facts of this pod that narrow them
 * down: how the involved container last ended, how often it restarted, why it is waiting, which
 * referenced object is missing.
 */
final class FailureCauses {

    static final int MESSAGE_LIMIT = 200;

    private FailureCauses() {}

    static List<String> of(EventReasonCatalog entry, ObservedEvent event, Pod pod, List<ContainerSnapshot> containers) {
        Set<String> causes = new LinkedHashSet<>(entry.possibleCauses());
        String namespace = pod.getMetadata() == null ? "" : pod.getMetadata().getNamespace();
        MissingReference.describe(event.message(), namespace).ifPresent(causes::add);
        for (ContainerSnapshot container : involved(event, containers)) {
            switch (entry.category().evidence()) {
                case TERMINATIONS -> addTerminationFacts(container, causes);
                case WAITING_REASON -> addWaitingFacts(container, causes);
                case NONE -> {}
            }
        }
        if (entry.category() == EventCategory.Resource && pod.getStatus() != null) {
            String qos = pod.getStatus().getQosClass();
            if ("BestEffort".equals(qos) || "Burstable".equals(qos)) {
                causes.add("Pod QoS class is " + qos + ": under node pressure it is evicted before Guaranteed pods");
            }
        }
        return List.copyOf(causes);
    }

    /** The container the event names, or every container when the event is about the whole pod. */
    private static List<ContainerSnapshot> involved(ObservedEvent event, List<ContainerSnapshot> containers) {
        String name = event.involvedContainer();
        if (name == null) {
            return containers;
        }
        return containers.stream().filter(c -> c.name().equals(name)).toList();
    }

    private static void addTerminationFacts(ContainerSnapshot container, Set<String> causes) {
        String termination = container.terminationSummary();
        if (termination != null) {
            causes.add(termination);
        }
        if (container.restartCount() > 0) {
            causes.add(container.restartSummary());
        }
        var latest = container.latestTermination();
        if (termination != null && !latest.message().isEmpty()) {
            causes.add("Container " + container.name() + " termination message: "
                    + ShortText.of(latest.message(), MESSAGE_LIMIT));
        }
    }

    private static void addWaitingFacts(ContainerSnapshot container, Set<String> causes) {
        String reason = container.waitingReason();
        if (reason == null || "ContainerCreating".equals(reason) || "PodInitializing".equals(reason)) {
            return;
        }
        String text = "Container " + container.name() + " is waiting with " + reason;
        causes.add(
                container.waitingMessage().isEmpty()
                        ? text
                        : text + ": " + ShortText.of(container.waitingMessage(), MESSAGE_LIMIT));
    }
}
