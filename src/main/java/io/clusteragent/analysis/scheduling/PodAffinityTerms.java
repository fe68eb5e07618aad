package io.clusteragent.analysis.scheduling;

import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;

import java.util.List;
import java.util.Map;

/**
 * Which pods a pod (anti-)affinity term selects. Namespaces follow Kubernetes: the listed namespaces
 * plus those matched by namespaceSelector, and the term owner's own namespace when neither is given.
 */
final class PodAffinityTerms {

    private PodAffinityTerms() {}

    static boolean selects(PodAffinityTerm term, String ownerNamespace, Pod candidate, ClusterState state) {
        return inNamespaces(term, ownerNamespace, candidate.getMetadata().getNamespace(), state)
                && LabelSelectors.matches(
                        term.getLabelSelector(), candidate.getMetadata().getLabels());
    }

    static List<PodAffinityTerm> requiredAffinity(Pod pod) {
        Affinity affinity = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
        if (affinity == null || affinity.getPodAffinity() == null) {
            return List.of();
        }
        return affinity.getPodAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    }

    static List<PodAffinityTerm> requiredAntiAffinity(Pod pod) {
        Affinity affinity = pod.getSpec() == null ? null : pod.getSpec().getAffinity();
        if (affinity == null || affinity.getPodAntiAffinity() == null) {
            return List.of();
        }
        return affinity.getPodAntiAffinity().getRequiredDuringSchedulingIgnoredDuringExecution();
    }

    private static boolean inNamespaces(
            PodAffinityTerm term, String ownerNamespace, String namespace, ClusterState state) {
        List<String> listed = term.getNamespaces();
        if (listed.isEmpty() && term.getNamespaceSelector() == null) {
            return ownerNamespace.equals(namespace);
        }
        if (listed.contains(namespace)) {
            return true;
        }
        if (term.getNamespaceSelector() == null) {
            return false;
        }
        Map<String, String> labels = state.namespace(namespace)
                .map(ns -> ns.getMetadata().getLabels())
                .orElse(Map.of());
        return LabelSelectors.matches(term.getNamespaceSelector(), labels);
    }
}
