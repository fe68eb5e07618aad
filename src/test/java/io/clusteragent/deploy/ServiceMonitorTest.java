package io.clusteragent.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * components/service-monitor, on the sharded overlay as a user's overlay adds it: the Prometheus Operator scrapes
 * every agent pod's /metrics as job cluster-agent and its /metrics/kubestate as job kube-state-metrics.
 */
class ServiceMonitorTest {

    private static final Manifests RENDERED =
            Manifests.parse(Kubectl.kustomize(Path.of("src/test/resources/deploy/with-service-monitor")));

    @Test
    void selectsTheAgentsServiceInItsNamespaceThroughAPortTheServiceNames() {
        Map<String, Object> spec = spec(serviceMonitor());
        Service service = RENDERED.one(Service.class);

        assertThat(serviceMonitor().getMetadata().getNamespace())
                .isEqualTo(service.getMetadata().getNamespace());
        Map<String, Object> selector = map(map(spec.get("selector")).get("matchLabels"));
        assertThat(selector).isNotEmpty();
        assertThat(service.getMetadata().getLabels().entrySet())
                .containsAll(Map.copyOf(selector).entrySet().stream()
                        .map(entry -> Map.entry(entry.getKey(), String.valueOf(entry.getValue())))
                        .toList());
        assertThat(endpoints())
                .extracting(endpoint -> endpoint.get("port"))
                .containsOnly(service.getSpec().getPorts().stream()
                        .map(ServicePort::getName)
                        .toArray());
    }

    @Test
    void scrapesTheAgentsMetricsUnderTheServicesJobAndTheKubeStateFamiliesAsKubeStateMetrics() {
        assertThat(endpoints())
                .extracting(endpoint -> endpoint.get("path"))
                .containsExactly("/metrics", "/metrics/kubestate");

        assertThat(endpoints().get(0)).doesNotContainKey("relabelings");
        Map<String, Object> kubeState = endpoints().get(1);
        assertThat(kubeState).containsEntry("honorLabels", true);
        assertThat(list(kubeState.get("relabelings")))
                .contains(Map.of("action", "replace", "targetLabel", "job", "replacement", "kube-state-metrics"));
    }

    @Test
    void leavesTheAgentsPermissionsAsTheOverlayHasThem() {
        assertThat(RbacPolicy.violations(RENDERED, RENDERED.agentConfig().leaderElection()))
                .isEmpty();
    }

    private static GenericKubernetesResource serviceMonitor() {
        return RENDERED.all(GenericKubernetesResource.class).stream()
                .filter(object -> object.getKind().equals("ServiceMonitor")
                        && object.getApiVersion().equals("monitoring.coreos.com/v1"))
                .reduce((one, another) -> {
                    throw new AssertionError("more than one ServiceMonitor");
                })
                .orElseThrow(() -> new AssertionError("no ServiceMonitor rendered: " + RENDERED));
    }

    private static Map<String, Object> spec(GenericKubernetesResource object) {
        return map(object.getAdditionalProperties().get("spec"));
    }

    private static List<Map<String, Object>> endpoints() {
        return list(spec(serviceMonitor()).get("endpoints")).stream()
                .map(ServiceMonitorTest::map)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
