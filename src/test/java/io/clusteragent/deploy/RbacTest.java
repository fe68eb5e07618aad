package io.clusteragent.deploy;

import io.clusteragent.cluster.IncidentConfigMap;
import io.clusteragent.cluster.Leadership;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.PolicyRuleBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The agent's RBAC is least privilege: get/list/watch on exactly what the code watches for the API
 * ({@code WatchedResource}), list/watch on what it watches only for the kube-state metrics its
 * configuration enables, get/list on metrics, the one Lease and the one incident-state ConfigMap
 * when leader election is on; no wildcards anywhere, and Secrets only to list and watch when the
 * kube-state metrics cover them.
 */
class RbacTest {

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void grantsExactlyWhatTheAgentReadsAndNothingElse(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        assertThat(RbacPolicy.violations(manifests, manifests.agentConfig().leaderElection()))
                .isEmpty();
    }

    @Test
    void secretsAreListedAndWatchedOnlyWhereTheKubeStateMetricsCoverThem() {
        Manifests manifests = Kustomization.WITH_KUBE_STATE_SECRETS.render();

        assertThat(manifests.agentConfig().kubeStateResources()).contains("secrets");
        assertThat(RbacPolicy.violations(manifests, true)).isEmpty();
        assertThat(manifests.all(ClusterRole.class).stream()
                        .flatMap(role -> role.getRules().stream())
                        .filter(rule -> rule.getResources().contains("secrets")))
                .singleElement()
                .satisfies(rule -> assertThat(rule.getVerbs()).containsExactlyInAnyOrder("list", "watch"));
    }

    @Test
    void getOnSecretsIsReportedEvenWhereTheyAreWatched() {
        Manifests manifests = Kustomization.WITH_KUBE_STATE_SECRETS.render();
        manifests
                .named(ClusterRole.class, "cluster-agent-secrets-metadata")
                .orElseThrow()
                .getRules()
                .get(0)
                .getVerbs()
                .add("get");

        assertThat(RbacPolicy.violations(manifests, true))
                .anySatisfy(violation -> assertThat(violation).contains("grants access to secrets [list, watch, get]"));
    }

    @Test
    void secretsListedWhereTheKubeStateMetricsLeaveThemOutAreReported() {
        Manifests manifests = Kustomization.WITH_KUBE_STATE_SECRETS.render();
        manifests.one(ConfigMap.class).getData().put("KUBE_STATE_RESOURCES", "pods");

        assertThat(RbacPolicy.violations(manifests, true))
                .anySatisfy(violation -> assertThat(violation).contains("grants access to secrets [list, watch]"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Kustomization.class,
            names = {"BASE", "PRODUCTION", "SHARDED", "DAEMONSET"})
    void authenticatingAgentsMayCreateTokenAndAccessReviewsAndNothingMore(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        assertThat(manifests.agentConfig().auth().enabled()).isTrue();
        assertThat(manifests
                        .named(ClusterRole.class, "cluster-agent-auth-delegator")
                        .orElseThrow()
                        .getRules())
                .extracting(rule -> rule.getApiGroups().get(0) + "/" + rule.getResources() + " " + rule.getVerbs())
                .containsExactlyInAnyOrder(
                        "authentication.k8s.io/[tokenreviews] [create]",
                        "authorization.k8s.io/[subjectaccessreviews] [create]");
    }

    @Test
    void theDevelopmentOverlayAuthenticatesNobodyAndMayCreateNoReviews() {
        Manifests manifests = Kustomization.DEVELOPMENT.render();

        assertThat(manifests.agentConfig().auth().enabled()).isFalse();
        assertThat(manifests.named(ClusterRole.class, "cluster-agent-auth-delegator"))
                .isEmpty();
        assertThat(manifests.all(ClusterRoleBinding.class))
                .noneMatch(binding -> binding.getRoleRef().getName().equals("cluster-agent-auth-delegator"));
    }

    @ParameterizedTest
    @EnumSource(
            value = Kustomization.class,
            names = {"BASE", "PRODUCTION", "SHARDED"})
    void withLeaderElectionTheRoleIsLimitedToTheDetectorLeaseAndTheIncidentState(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        assertThat(manifests.agentConfig().leaderElection()).isTrue();
        assertThat(manifests.one(Role.class).getRules())
                .extracting(PolicyRule::getResourceNames)
                .containsExactlyInAnyOrder(
                        List.of(Leadership.LEASE_NAME),
                        List.of(),
                        List.of(IncidentConfigMap.NAME),
                        List.of(),
                        List.of(IncidentConfigMap.FORWARDING_NAME));
    }

    @ParameterizedTest
    @EnumSource(
            value = Kustomization.class,
            names = {"DEVELOPMENT", "DAEMONSET"})
    void withoutLeaderElectionThereIsNoLeaseAccess(Kustomization kustomization) {
        Manifests manifests = kustomization.render();

        assertThat(manifests.agentConfig().leaderElection()).isFalse();
        assertThat(manifests.all(Role.class)).isEmpty();
    }

    /** Each way of breaking the rules is caught, so the checks above cannot pass vacuously. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void aBrokenRuleIsReported(String change, Consumer<Manifests> breakIt, String expected) {
        Manifests manifests = Kustomization.PRODUCTION.render();
        breakIt.accept(manifests);

        assertThat(RbacPolicy.violations(manifests, true))
                .anySatisfy(violation -> assertThat(violation).contains(expected));
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(
                broken(
                        "Secrets readable",
                        m -> reader(m).getRules().get(0).getResources().add("secrets"),
                        "access to secrets"),
                broken(
                        "a write verb cluster-wide",
                        m -> reader(m).getRules().get(0).getVerbs().add("delete"),
                        "grants verb delete cluster-wide"),
                broken("a wildcard resource", m -> reader(m).getRules().add(rule("apps", "*", "get")), "wildcard: *"),
                broken(
                        "a wildcard verb",
                        m -> reader(m).getRules().get(1).getVerbs().add("*"),
                        "wildcard: *"),
                broken(
                        "a watched resource missing",
                        m -> reader(m).getRules().get(2).getResources().remove("jobs"),
                        "batch/jobs lacks"),
                broken(
                        "watch missing",
                        m -> reader(m).getRules().get(0).getVerbs().remove("watch"),
                        "/pods lacks [watch]"),
                broken(
                        "metrics not listable",
                        m -> reader(m).getRules().get(3).getVerbs().remove("list"),
                        "metrics.k8s.io/nodes lacks [list]"),
                broken(
                        "a resource the agent does not read",
                        m -> reader(m).getRules().add(rule("", "serviceaccounts", "get")),
                        "/serviceaccounts is granted cluster-wide, but the agent does not read it"),
                broken(
                        "a kube-state resource the configuration leaves out",
                        m -> m.one(ConfigMap.class).getData().put("KUBE_STATE_RESOURCES", "pods"),
                        "batch/cronjobs is granted cluster-wide, but the agent does not read it"),
                broken(
                        "a kube-state resource not watchable",
                        m -> reader(m).getRules().get(5).getVerbs().remove("watch"),
                        "batch/cronjobs lacks [watch]"),
                broken(
                        "get on a resource only listed and watched",
                        m -> reader(m).getRules().get(5).getVerbs().add("get"),
                        "batch/cronjobs is granted [get]"),
                broken(
                        "token reviews not creatable",
                        m -> delegator(m).getRules().remove(0),
                        "authentication.k8s.io/tokenreviews lacks [create]"),
                broken(
                        "access reviews readable as well",
                        m -> delegator(m).getRules().get(1).getVerbs().add("list"),
                        "authorization.k8s.io/subjectaccessreviews is granted [list]"),
                broken(
                        "create beyond the reviews",
                        m -> delegator(m).getRules().get(0).getResources().add("serviceaccounts"),
                        "grants verb create cluster-wide"),
                broken(
                        "reviews granted where authentication is off",
                        m -> m.one(ConfigMap.class).getData().put("AUTH_MODE", "none"),
                        "authentication.k8s.io/tokenreviews is granted cluster-wide, but the agent does not read it"),
                broken(
                        "the binding names another account",
                        m -> m.named(ClusterRoleBinding.class, "cluster-agent-reader")
                                .orElseThrow()
                                .getSubjects()
                                .get(0)
                                .setNamespace("default"),
                        "for ServiceAccount cluster-agent/cluster-agent"),
                broken(
                        "the Lease not renewable",
                        m -> m.one(Role.class).getRules().get(0).getVerbs().remove("patch"),
                        "needs patch on Lease " + Leadership.LEASE_NAME),
                broken(
                        "every Lease writable",
                        m -> m.one(Role.class).getRules().get(1).getVerbs().add("update"),
                        "grants more than create"),
                broken(
                        "a namespaced rule beyond the leader's objects",
                        m -> m.one(Role.class).getRules().add(rule("", "pods", "delete")),
                        "grants more than the Lease and the incident state"),
                broken(
                        "the incident state not writable",
                        m -> m.one(Role.class).getRules().get(2).getVerbs().remove("update"),
                        "needs update on ConfigMap " + IncidentConfigMap.NAME),
                broken(
                        "every ConfigMap readable",
                        m -> m.one(Role.class).getRules().get(3).getVerbs().add("get"),
                        "grants more than create"),
                broken(
                        "the forwarding checkpoint not writable",
                        m -> m.one(Role.class).getRules().get(4).getVerbs().remove("update"),
                        "needs update on ConfigMap " + IncidentConfigMap.FORWARDING_NAME),
                broken(
                        "no way to create the incident state",
                        m -> m.one(Role.class).getRules().remove(3),
                        "needs create on configmaps"));
    }

    private static Arguments broken(String change, Consumer<Manifests> breakIt, String expected) {
        return Arguments.of(change, breakIt, expected);
    }

    private static ClusterRole delegator(Manifests manifests) {
        return manifests
                .named(ClusterRole.class, "cluster-agent-auth-delegator")
                .orElseThrow();
    }

    private static ClusterRole reader(Manifests manifests) {
        return manifests.named(ClusterRole.class, "cluster-agent-reader").orElseThrow();
    }

    private static PolicyRule rule(String group, String resource, String verb) {
        return new PolicyRuleBuilder()
                .withApiGroups(group)
                .withResources(resource)
                .withVerbs(verb)
                .build();
    }
}
