package io.clusteragent.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The production NetworkPolicy lets in only labelled clients and the monitoring namespace, and
 * lets out only what the agent needs: the API server, DNS and the Agent Service.
 */
class NetworkPolicyTest {

    static final Map<String, String> CLIENT = Map.of("clusteragent.io/client", "true");
    static final Map<String, String> AGENT_SERVICE = Map.of("clusteragent.io/agent-service", "true");
    static final Map<String, String> MONITORING = Map.of("kubernetes.io/metadata.name", "monitoring");
    static final Map<String, String> KUBE_SYSTEM = Map.of("kubernetes.io/metadata.name", "kube-system");
    static final Map<String, String> KUBE_DNS = Map.of("k8s-app", "kube-dns");

    private final NetworkPolicy policy = Kustomization.PRODUCTION.render().one(NetworkPolicy.class);

    @Test
    void policesBothDirections() {
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
    }

    @Test
    void letsInOnlyLabelledClientsAndMonitoring() {
        List<NetworkPolicyPeer> peers = policy.getSpec().getIngress().stream()
                .flatMap(rule -> {
                    assertThat(rule.getFrom())
                            .as("a rule without peers lets everyone in")
                            .isNotEmpty();
                    return rule.getFrom().stream();
                })
                .toList();

        assertThat(peers).allSatisfy(peer -> {
            assertThat(peer.getIpBlock()).isNull();
            assertThat(labels(peer.getNamespaceSelector()).isEmpty()
                            && labels(peer.getPodSelector()).isEmpty())
                    .as("a peer without labels lets everyone in: " + peer)
                    .isFalse();
        });
        assertThat(peers)
                .extracting(peer -> labels(peer.getNamespaceSelector()), peer -> labels(peer.getPodSelector()))
                .containsExactlyInAnyOrder(
                        tuple(CLIENT, Map.of()), tuple(Map.of(), CLIENT), tuple(MONITORING, Map.of()));
    }

    /**
     * The API server is reached through the kubernetes Service, rewritten to the control plane's
     * addresses, which no pod selector matches (on managed clusters it is not a pod at all).
     */
    @Test
    void letsOutToTheApiServerByPortNotBySelector() {
        assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> {
            assertThat(rule.getTo())
                    .allSatisfy(peer -> assertThat(peer.getIpBlock())
                            .as("only address blocks, or anywhere")
                            .isNotNull());
            assertThat(ports(rule)).contains("TCP/443", "TCP/6443");
        });
    }

    @Test
    void letsOutToClusterDnsOverUdpAndTcp() {
        assertThat(policy.getSpec().getEgress()).anySatisfy(rule -> {
            assertThat(rule.getTo()).singleElement().satisfies(peer -> {
                assertThat(labels(peer.getNamespaceSelector())).isEqualTo(KUBE_SYSTEM);
                assertThat(labels(peer.getPodSelector())).isEqualTo(KUBE_DNS);
            });
            assertThat(ports(rule)).containsExactlyInAnyOrder("UDP/53", "TCP/53");
        });
    }

    @Test
    void letsOutToTheAgentServicesNamespace() {
        assertThat(policy.getSpec().getEgress())
                .anySatisfy(rule -> assertThat(rule.getTo())
                        .singleElement()
                        .satisfies(peer ->
                                assertThat(labels(peer.getNamespaceSelector())).isEqualTo(AGENT_SERVICE)));
    }

    @Test
    void theLabelsThatOpenThePolicyAreDocumented() throws Exception {
        String readme = Files.readString(Path.of("deployments/README.md"));

        for (Map<String, String> label : List.of(CLIENT, AGENT_SERVICE)) {
            label.forEach((key, value) -> assertThat(readme).contains(key + "=" + value));
        }
        assertThat(readme).contains("monitoring");
    }

    private static Map<String, String> labels(LabelSelector selector) {
        if (selector == null) {
            return Map.of();
        }
        assertThat(selector.getMatchExpressions()).isEmpty();
        return selector.getMatchLabels();
    }

    private static List<String> ports(NetworkPolicyEgressRule rule) {
        return rule.getPorts().stream().map(NetworkPolicyTest::port).toList();
    }

    private static String port(NetworkPolicyPort port) {
        IntOrString number = port.getPort();
        return port.getProtocol() + "/" + (number.getIntVal() != null ? number.getIntVal() : number.getStrVal());
    }
}
