package io.clusteragent.deploy;

import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Probes, the Service, Prometheus and the NetworkPolicy all point at the port the agent listens on:
 * its PORT as the container's environment sets it (the code's default otherwise), and at the paths
 * the agent serves (api/ApiRouter.java).
 */
class ServingPortTest {

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void theContainerDeclaresThePortTheAgentListensOn(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        int port = manifests.agentConfig().port();

        assertThat(manifests.agent().agent().getPorts())
                .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                .containsExactly(tuple("http", port));
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void probesAskTheAgentsHealthRoutesOnItsPort(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        Container agent = manifests.agent().agent();
        int port = manifests.agentConfig().port();

        String scheme = manifests.agentConfig().tls().enabled() ? "HTTPS" : "HTTP";
        for (Probe probe : List.of(agent.getLivenessProbe(), agent.getReadinessProbe(), agent.getStartupProbe())) {
            assertThat(Optional.ofNullable(probe.getHttpGet().getScheme()).orElse("HTTP"))
                    .as("scheme of the probe on " + probe.getHttpGet().getPath())
                    .isEqualTo(scheme);
        }
        assertThat(probe(agent, agent.getLivenessProbe(), port)).isEqualTo("/healthz");
        assertThat(probe(agent, agent.getReadinessProbe(), port)).isEqualTo("/readyz");
        assertThat(probe(agent, agent.getStartupProbe(), port)).isEqualTo("/healthz");
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void theServiceAndPrometheusReachTheAgentsPort(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        Workload workload = manifests.agent();
        int port = manifests.agentConfig().port();
        Service service = manifests.one(Service.class);

        assertThat(service.getSpec().getPorts())
                .singleElement()
                .satisfies(servicePort -> assertThat(resolve(workload.agent(), servicePort.getTargetPort()))
                        .isEqualTo(port));
        Map<String, String> annotations = workload.template().getMetadata().getAnnotations();
        String scheme = manifests.agentConfig().tls().enabled() ? "https" : "http";
        assertThat(annotations.getOrDefault("prometheus.io/scheme", "http")).isEqualTo(scheme);
        assertThat(service.getMetadata().getAnnotations().getOrDefault("prometheus.io/scheme", "http"))
                .isEqualTo(scheme);
        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(port))
                .containsEntry("prometheus.io/path", "/metrics");
        assertThat(service.getMetadata().getAnnotations())
                .as("the kube-state families, scraped through the Service's endpoints")
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", String.valueOf(port))
                .containsEntry("prometheus.io/path", "/metrics/kubestate");
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void networkPoliciesLetClientsInOnTheAgentsPortOnly(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        int port = manifests.agentConfig().port();

        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            policy.getSpec()
                    .getIngress()
                    .forEach(rule -> assertThat(rule.getPorts())
                            .extracting(NetworkPolicyPort::getPort)
                            .extracting(target -> resolve(manifests.agent().agent(), target))
                            .containsOnly(port));
        }
    }

    @ParameterizedTest
    @EnumSource(Kustomization.class)
    void thePodIsGivenTimeToShutDownCleanly(Kustomization kustomization) {
        Manifests manifests = kustomization.render();
        AgentConfig config = manifests.agentConfig();

        assertThat(manifests.agent().pod().getTerminationGracePeriodSeconds())
                .as("the drain period, then the stop, must fit before the kubelet kills the agent")
                .isGreaterThan(
                        config.drainPeriod().plus(config.shutdownTimeout()).toSeconds());
    }

    /** The path a probe asks, after checking that it asks on the agent's port. */
    private static String probe(Container container, Probe probe, int port) {
        assertThat(probe).as("probe of " + container.getName()).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as("an HTTP probe").isNotNull();
        assertThat(resolve(container, get.getPort()))
                .as("port of the probe on " + get.getPath())
                .isEqualTo(port);
        return get.getPath();
    }

    /** A port given by number, or by the name of one of the container's ports. */
    static int resolve(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream()
                .filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container port is named " + port.getStrVal()));
    }
}
