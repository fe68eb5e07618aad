package io.clusteragent.analysis.scheduling;

import io.clusteragent.analysis.resources.NodeAllocation;
import io.clusteragent.cluster.ClusterState;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodAffinityTerm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * kube-scheduler's InterPodAffinity filter for required terms: the pod's affinity (a matching pod must
 * run in the node's topology domain), its anti-affinity (none may), and the anti-affinity of pods
 * already running that select this pod. Domains are the values of each term's topologyKey on the
 * nodes of the matching pods, computed once so each node costs one lookup per term.
 */
final class PodAffinityCheck implements NodeCheck {

    private final List<DomainRule> rules = new ArrayList<>();

    PodAffinityCheck(Pod pod, ClusterState state) {
        boolean ownTerms = !PodAffinityTerms.requiredAffinity(pod).isEmpty()
                || !PodAffinityTerms.requiredAntiAffinity(pod).isEmpty();
        // Only the pod's own terms need every placed pod; existing anti-affinity is read from its index.
        List<Placed> placed = ownTerms ? placed(pod, state, state.pods()) : List.of();
        String namespace = pod.getMetadata().getNamespace();
        for (PodAffinityTerm term : PodAffinityTerms.requiredAffinity(pod)) {
            Map<String, String> domains = domains(term, namespace, placed, state);
            // The first pod of a group may select itself; it must not wait for a peer that can never come first.
            boolean selfSatisfied = domains.isEmpty() && PodAffinityTerms.selects(term, namespace, pod, state);
            if (!selfSatisfied) {
                rules.add(new DomainRule(
                        term.getTopologyKey(),
                        domains,
                        true,
                        "required pod affinity not satisfied: no pod matching " + escape(term) + " in %2$s"));
            }
        }
        for (PodAffinityTerm term : PodAffinityTerms.requiredAntiAffinity(pod)) {
            rules.add(new DomainRule(
                    term.getTopologyKey(),
                    domains(term, namespace, placed, state),
                    false,
                    "required pod anti-affinity: pod %1$s matching " + escape(term) + " already runs in %2$s"));
        }
        existingAntiAffinity(pod, placed(pod, state, state.podsWithRequiredAntiAffinity()), state);
    }

    @Override
    public List<NodeProblem> evaluate(Node node) {
        Map<String, String> labels = NodeLabels.of(node);
        List<NodeProblem> problems = new ArrayList<>();
        for (DomainRule rule : rules) {
            String value = labels.get(rule.topologyKey());
            String domain = rule.topologyKey() + "=" + (value == null ? "<unset>" : value);
            boolean inDomain = value != null && rule.domains().containsKey(value);
            if (rule.mustBeIn() != inDomain) {
                String holder = inDomain ? rule.domains().get(value) : "";
                problems.add(NodeProblem.of(
                        SchedulingFailureCategory.PodAffinityConflict, String.format(rule.text(), holder, domain)));
            }
        }
        return problems;
    }

    private void existingAntiAffinity(Pod pod, List<Placed> placed, ClusterState state) {
        for (Placed other : placed) {
            for (PodAffinityTerm term : PodAffinityTerms.requiredAntiAffinity(other.pod())) {
                String value = other.nodeLabels().get(term.getTopologyKey());
                if (value != null
                        && PodAffinityTerms.selects(
                                term, other.pod().getMetadata().getNamespace(), pod, state)) {
                    rules.add(new DomainRule(
                            term.getTopologyKey(),
                            Map.of(value, other.name()),
                            false,
                            "existing pod %1$s in %2$s has a required anti-affinity that selects this pod"));
                }
            }
        }
    }

    /** topology value → one matching pod there (the first by name), for the term's topologyKey. */
    private static Map<String, String> domains(
            PodAffinityTerm term, String namespace, List<Placed> placed, ClusterState state) {
        Map<String, String> domains = new TreeMap<>();
        for (Placed other : placed) {
            String value = other.nodeLabels().get(term.getTopologyKey());
            if (value != null && PodAffinityTerms.selects(term, namespace, other.pod(), state)) {
                domains.merge(value, other.name(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }
        return domains;
    }

    /** Selector text goes into a format string; a literal percent sign must survive it. */
    private static String escape(PodAffinityTerm term) {
        return LabelSelectors.describe(term.getLabelSelector()).replace("%", "%%");
    }

    /** The bound, active pods among {@code candidates} (other than {@code pod}), with the labels of their nodes. */
    private static List<Placed> placed(Pod pod, ClusterState state, List<Pod> candidates) {
        List<Placed> placed = new ArrayList<>();
        Map<String, Map<String, String>> labelsByNode = new HashMap<>();
        for (Pod other : NodeAllocation.activePods(candidates, pod)) {
            String nodeName = other.getSpec().getNodeName();
            if (nodeName == null || nodeName.isEmpty()) {
                continue;
            }
            Map<String, String> labels = labelsByNode.computeIfAbsent(
                    nodeName, name -> state.node(name).map(NodeLabels::of).orElse(null));
            if (labels != null) {
                placed.add(new Placed(other, labels));
            }
        }
        return placed;
    }

    private record Placed(Pod pod, Map<String, String> nodeLabels) {
        String name() {
            return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        }
    }

    /**
     * @param mustBeIn true for affinity (node must be in one of the domains), false for anti-affinity (must not)
     * @param text     format string: %1$s the matching pod in the node's domain, %2$s the domain ({@code key=value})
     */
    private record DomainRule(String topologyKey, Map<String, String> domains, boolean mustBeIn, String text) {}
}
