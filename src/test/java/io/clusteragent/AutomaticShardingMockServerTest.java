package io.clusteragent;

import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A live agent with SHARD_FROM_STATEFULSET reads its pod and StatefulSet before it watches anything. The agent is
 * its hostname, which here is not a StatefulSet pod's name, so these tests see the refusals; the shard read from a
 * StatefulSet pod is {@code StatefulSetShardMockServerTest}'s, and what a replica does with it {@code KubeStateReplicaTest}'s.
 */
@EnableKubernetesMockClient(crud = true)
class AutomaticShardingMockServerTest {

    private static final List<String> CLIENT_PROPERTIES = List.of(
            "kubernetes.master",
            "kubernetes.namespace",
            "kubernetes.trust.certificates",
            "kubernetes.auth.tryKubeConfig",
            "kubernetes.auth.tryServiceAccount");

    KubernetesMockServer server;
    KubernetesClient client;

    private final Vertx vertx = Vertx.vertx(Main.vertxOptions());

    @TempDir
    Path spool;

    @BeforeEach
    void pointTheAgentAtTheMockServer() {
        // Config.autoConfigure, which the agent uses, reads these last and above any kubeconfig.
        System.setProperty("kubernetes.master", client.getConfiguration().getMasterUrl());
        System.setProperty("kubernetes.namespace", "monitoring");
        System.setProperty("kubernetes.trust.certificates", "true");
        System.setProperty("kubernetes.auth.tryKubeConfig", "false");
        System.setProperty("kubernetes.auth.tryServiceAccount", "false");
    }

    @AfterEach
    void close() throws Exception {
        CLIENT_PROPERTIES.forEach(System::clearProperty);
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    @Test
    void anAgentThatIsNotAPodOfTheClusterRefusesToStartRatherThanServeEveryObject() throws Exception {
        assertThatThrownBy(this::start)
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining(
                        "cannot shard from a StatefulSet: pod monitoring/" + hostname() + " does not exist");

        assertThat(requests())
                .as("the pod is read, and nothing is listed or watched before the shard is known")
                .containsExactly("GET /api/v1/namespaces/monitoring/pods/" + hostname());
    }

    @Test
    void aPodOfADeploymentRefusesToStartNamingItsOwner() throws Exception {
        client.apps()
                .statefulSets()
                .inNamespace("monitoring")
                .resource(new StatefulSetBuilder()
                        .withNewMetadata()
                        .withName("cluster-agent")
                        .endMetadata()
                        .withNewSpec()
                        .withReplicas(3)
                        .endSpec()
                        .build())
                .create();
        client.pods()
                .inNamespace("monitoring")
                .resource(new PodBuilder()
                        .withNewMetadata()
                        .withName(hostname())
                        .addNewOwnerReference()
                        .withApiVersion("apps/v1")
                        .withKind("ReplicaSet")
                        .withName("cluster-agent-7d9f")
                        .withUid("rs-uid")
                        .endOwnerReference()
                        .endMetadata()
                        .build())
                .create();
        requests();

        assertThatThrownBy(this::start).hasMessageContaining("pod monitoring/" + hostname() + " is not owned by one");
    }

    private void start() throws Exception {
        AgentConfig config = AgentConfig.fromMap(
                Map.of(
                        "SHARD_FROM_STATEFULSET",
                        "true",
                        "LEADER_ELECTION",
                        "false",
                        "PORT",
                        "0",
                        "DRAIN_PERIOD",
                        "1ms",
                        "SPOOL_DIR",
                        spool.toString()),
                List.of());
        Agent agent = new Agent(vertx, config);
        try {
            agent.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } finally {
            agent.stop().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
    }

    /** The requests the mock server has answered since the last call, as "METHOD path". */
    private List<String> requests() throws InterruptedException {
        List<String> seen = new ArrayList<>();
        RecordedRequest request;
        while ((request = server.takeRequest(10, TimeUnit.MILLISECONDS)) != null) {
            seen.add(request.getMethod() + " " + request.getPath());
        }
        return seen;
    }

    private static String hostname() throws Exception {
        return InetAddress.getLocalHost().getHostName();
    }
}
