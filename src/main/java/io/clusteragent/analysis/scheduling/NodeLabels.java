package io.clusteragent.analysis.scheduling;

import io.fabric8.kubernetes.api.model.Node;

import java.util.Collections;
import java.util.Map;

/** A node's labels, never null. */
final class NodeLabels {

    private NodeLabels() {}

    static Map<String, String> of(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels();
        // Collections.emptyMap, unlike Map.of, answers get(null) for a term without topologyKey.
        return labels == null ? Collections.emptyMap() : labels;
    }
}
