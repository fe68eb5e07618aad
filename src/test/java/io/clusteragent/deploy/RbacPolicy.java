package io.clusteragent.deploy;

import io.clusteragent.cluster.IncidentConfigMap;
import io.clusteragent.cluster.KubernetesAccessReviews;
import io.clusteragent.cluster.Leadership;
import io.clusteragent.cluster.WatchedResource;
import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Least privilege for the agent: read-only access to exactly what it caches and polls, create on
 * token and access reviews when it authenticates its callers, the Lease when it elects a leader, no wildcards, and Secrets only to list and watch their metadata when its
 * kube-state metrics cover them. Each broken rule is one line.
 */
final class RbacPolicy {

    static final Set<String> READ = Set.of("get", "list", "watch");
    /** What an informer does: the resources only kube-state metrics read need no more. */
    static final Set<String> INFORM = Set.of("list", "watch");
    /** metrics.k8s.io cannot be watched: the agent polls it (cluster/MetricsCache.java). */
    static final Map<String, Set<String>> METRICS =
            Map.of("metrics.k8s.io/pods", Set.of("get", "list"), "metrics.k8s.io/nodes", Set.of("get", "list"));
    /** What fabric8's LeaseLock does to the named Lease: reads it, and renews it with a JSON merge patch. */
    static final Set<String> LEASE_VERBS = Set.of("get", "patch");
    /** A TokenReview or SubjectAccessReview is only ever created: the answer comes back in the response. */
    static final Set<String> REVIEW = Set.of("create");

    private RbacPolicy() {}

    /**
     * The resources the agent watches with {@code config}, as "group/plural" ("" is the core group),
     * read from the code: those the API reads always, the others when kube-state metrics cover them.
     */
    static Map<String, Set<String>> required(AgentConfig config) {
        Map<String, Set<String>> required = new LinkedHashMap<>();
        for (WatchedResource resource : WatchedResource.values()) {
            if (resource.always()) {
                required.put(key(resource), READ);
            } else if (config.kubeStateResources().contains(resource.plural())) {
                required.put(key(resource), INFORM);
            }
        }
        required.putAll(METRICS);
        if (config.auth().enabled()) {
            // cluster/KubernetesAccessReviews.java asks who a caller is and what it may read, per request.
            KubernetesAccessReviews.RESOURCES.forEach(resource -> required.put(resource, REVIEW));
        }
        if (config.shardFromStatefulSet()) {
            // cluster/StatefulSetShard.java reads the agent's own pod and the StatefulSet that owns it, once.
            required.merge("/pods", Set.of("get"), RbacPolicy::union);
            required.merge("apps/statefulsets", Set.of("get"), RbacPolicy::union);
        }
        return required;
    }

    private static Set<String> union(Set<String> some, Set<String> more) {
        Set<String> all = new LinkedHashSet<>(some);
        all.addAll(more);
        return Set.copyOf(all);
    }

    private static String key(WatchedResource resource) {
        return resource.apiGroup() + "/" + resource.plural();
    }

    static List<String> violations(Manifests manifests, boolean leaderElection) {
        List<String> found = new ArrayList<>();
        Map<String, Set<String>> required = required(manifests.agentConfig());
        Workload agent = manifests.agent();
        String namespace = agent.owner().getMetadata().getNamespace();
        String account = agent.pod().getServiceAccountName();
        boolean secretsRead = required.containsKey("/secrets");
        manifests
                .all(ClusterRole.class)
                .forEach(role -> forbidden(
                        role.getKind() + "/" + role.getMetadata().getName(),
                        role.getRules(),
                        true,
                        secretsRead,
                        found));
        manifests
                .all(Role.class)
                .forEach(role -> forbidden(
                        role.getKind() + "/" + role.getMetadata().getName(), role.getRules(), false, false, found));
        clusterGrants(manifests, namespace, account, required, found);
        leaseGrants(manifests, namespace, account, leaderElection, found);
        return found;
    }

    /** Secrets: no access, or list and watch cluster-wide when kube-state metrics read their metadata; never get. */
    private static void forbidden(
            String role, List<PolicyRule> rules, boolean clusterScoped, boolean secretsRead, List<String> found) {
        for (PolicyRule rule : rules) {
            Stream.of(
                            rule.getApiGroups(),
                            rule.getResources(),
                            rule.getVerbs(),
                            rule.getResourceNames(),
                            rule.getNonResourceURLs())
                    .flatMap(List::stream)
                    .filter(value -> value.contains("*"))
                    .forEach(value -> found.add(role + " has a wildcard: " + value));
            rule.getResources().stream()
                    .filter(resource -> resource.equals("secrets") || resource.startsWith("secrets/"))
                    .filter(resource -> !(secretsRead
                            && clusterScoped
                            && resource.equals("secrets")
                            && INFORM.containsAll(rule.getVerbs())))
                    .forEach(resource -> found.add(role + " grants access to " + resource + " " + rule.getVerbs()));
            if (!rule.getNonResourceURLs().isEmpty()) {
                found.add(role + " grants non-resource URLs " + rule.getNonResourceURLs());
            }
            if (clusterScoped && !createsReviewsOnly(rule)) {
                rule.getVerbs().stream()
                        .filter(verb -> !READ.contains(verb))
                        .forEach(verb ->
                                found.add(role + " grants verb " + verb + " cluster-wide (only get, list, watch)"));
            }
        }
    }

    /** Creating TokenReviews and SubjectAccessReviews writes nothing: the only verb beyond reading allowed cluster-wide. */
    private static boolean createsReviewsOnly(PolicyRule rule) {
        return REVIEW.containsAll(rule.getVerbs())
                && rule.getApiGroups().stream()
                        .allMatch(group -> rule.getResources().stream()
                                .allMatch(resource ->
                                        KubernetesAccessReviews.RESOURCES.contains(group + "/" + resource)));
    }

    private static void clusterGrants(
            Manifests manifests,
            String namespace,
            String account,
            Map<String, Set<String>> required,
            List<String> found) {
        Map<String, Set<String>> granted = new LinkedHashMap<>();
        for (ClusterRoleBinding binding : manifests.all(ClusterRoleBinding.class)) {
            if (binds(binding.getSubjects(), namespace, account)) {
                rules(manifests, binding.getRoleRef(), null, found).forEach(rule -> add(rule, granted));
            }
        }
        required.forEach((resource, verbs) -> {
            Set<String> missing = new LinkedHashSet<>(verbs);
            missing.removeAll(granted.getOrDefault(resource, Set.of()));
            if (!missing.isEmpty()) {
                found.add(resource + " lacks " + missing + " for ServiceAccount " + namespace + "/" + account);
            }
            Set<String> extra = new LinkedHashSet<>(granted.getOrDefault(resource, Set.of()));
            extra.removeAll(verbs);
            if (!extra.isEmpty()) {
                found.add(resource + " is granted " + extra + ", which the agent does not use");
            }
        });
        granted.keySet().stream()
                .filter(resource -> !required.containsKey(resource))
                .forEach(resource -> found.add(resource + " is granted cluster-wide, but the agent does not read it"));
    }

    /** An object the detector leader writes in its own namespace: named rules for it, and create, which no name can limit. */
    record LeaderObject(String kind, String apiGroup, String resource, String name, Set<String> verbs) {

        /** A rule for its kind that names it, or that names nothing (create). */
        boolean governs(PolicyRule rule) {
            return rule.getApiGroups().equals(List.of(apiGroup))
                    && rule.getResources().equals(List.of(resource))
                    && (rule.getResourceNames().isEmpty()
                            || rule.getResourceNames().contains(name));
        }
    }

    /**
     * The Lease (cluster/Leadership.java), the incident state the leaders hand on and the event
     * forwarding checkpoint (cluster/IncidentConfigMap.java).
     */
    static final List<LeaderObject> LEADER_OBJECTS = List.of(
            new LeaderObject("Lease", "coordination.k8s.io", "leases", Leadership.LEASE_NAME, LEASE_VERBS),
            new LeaderObject("ConfigMap", "", "configmaps", IncidentConfigMap.NAME, Set.of("get", "update")),
            new LeaderObject(
                    "ConfigMap", "", "configmaps", IncidentConfigMap.FORWARDING_NAME, Set.of("get", "update")));

    private static void leaseGrants(
            Manifests manifests, String namespace, String account, boolean leaderElection, List<String> found) {
        List<PolicyRule> rules = new ArrayList<>();
        for (RoleBinding binding : manifests.all(RoleBinding.class)) {
            if (binding.getMetadata().getNamespace().equals(namespace)
                    && binds(binding.getSubjects(), namespace, account)) {
                rules.addAll(rules(manifests, binding.getRoleRef(), namespace, found));
            }
        }
        for (PolicyRule rule : rules) {
            Optional<LeaderObject> object =
                    LEADER_OBJECTS.stream().filter(o -> o.governs(rule)).findFirst();
            if (object.isEmpty()) {
                found.add("a namespaced rule grants more than the Lease and the incident state: " + rule);
            } else if (!rule.getResourceNames().isEmpty()
                    && !rule.getResourceNames().equals(List.of(object.get().name()))) {
                found.add("a " + object.get().kind() + " rule names others than "
                        + object.get().name() + ": " + rule.getResourceNames());
            } else if (rule.getResourceNames().isEmpty() && !rule.getVerbs().equals(List.of("create"))) {
                found.add("a " + object.get().kind() + " rule not limited to "
                        + object.get().name() + " grants more than create: " + rule.getVerbs());
            }
        }
        if (leaderElection) {
            for (LeaderObject object : LEADER_OBJECTS) {
                List<PolicyRule> governing =
                        rules.stream().filter(object::governs).toList();
                Set<String> named = verbs(governing, List.of(object.name()));
                object.verbs().stream()
                        .filter(verb -> !named.contains(verb))
                        .forEach(verb -> found.add(
                                "leader election needs " + verb + " on " + object.kind() + " " + object.name()));
                if (!verbs(governing, List.of()).contains("create")) {
                    found.add("leader election needs create on " + object.resource());
                }
            }
        } else if (!rules.isEmpty()) {
            found.add("leader election is off, yet the agent may write Leases or its incident state");
        }
    }

    private static Set<String> verbs(List<PolicyRule> rules, List<String> resourceNames) {
        Set<String> verbs = new LinkedHashSet<>();
        rules.stream()
                .filter(rule -> rule.getResourceNames().equals(resourceNames))
                .forEach(rule -> verbs.addAll(rule.getVerbs()));
        return verbs;
    }

    private static boolean binds(List<Subject> subjects, String namespace, String account) {
        return subjects.stream()
                .anyMatch(s -> s.getKind().equals("ServiceAccount")
                        && s.getName().equals(account)
                        && namespace.equals(s.getNamespace()));
    }

    private static List<PolicyRule> rules(Manifests manifests, RoleRef ref, String namespace, List<String> found) {
        Optional<List<PolicyRule>> rules = ref.getKind().equals("ClusterRole")
                ? manifests.named(ClusterRole.class, ref.getName()).map(ClusterRole::getRules)
                : manifests.all(Role.class).stream()
                        .filter(r -> r.getMetadata().getName().equals(ref.getName())
                                && r.getMetadata().getNamespace().equals(namespace))
                        .findFirst()
                        .map(Role::getRules);
        if (rules.isEmpty()) {
            found.add("a binding refers to " + ref.getKind() + "/" + ref.getName() + ", which is not rendered");
        }
        return rules.orElse(List.of());
    }

    /** A rule limited to named objects cannot list or watch: it does not count as a grant of the resource. */
    private static void add(PolicyRule rule, Map<String, Set<String>> granted) {
        if (!rule.getResourceNames().isEmpty()) {
            return;
        }
        for (String group : rule.getApiGroups()) {
            for (String resource : rule.getResources()) {
                granted.computeIfAbsent(group + "/" + resource, k -> new LinkedHashSet<>())
                        .addAll(rule.getVerbs());
            }
        }
    }
}
