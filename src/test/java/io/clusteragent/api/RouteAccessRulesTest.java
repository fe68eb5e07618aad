package io.clusteragent.api;

import io.clusteragent.auth.AccessCheck;
import io.clusteragent.auth.AccessControl;
import io.clusteragent.auth.AccessRule;
import io.clusteragent.cadvisor.CadvisorMetrics;
import io.clusteragent.config.AgentConfig;
import io.clusteragent.health.Probes;
import io.clusteragent.testing.ShopCluster;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every route of the route table says who may call it, and each says what the API server's RBAC must allow. */
class RouteAccessRulesTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void everyRouteWithAPathDeclaresItsAccessRule() {
        List<Route> routes = routes();

        assertThat(routes).isNotEmpty();
        assertThat(routes)
                .allSatisfy(route -> assertThat(ApiRouter.accessRule(route))
                        .as("access rule of %s", route.getPath())
                        .isPresent());
    }

    @Test
    void eachRouteAsksWhatItReads() {
        Map<String, List<String>> asked = new TreeMap<>();
        for (Route route : routes()) {
            AccessRule rule = ApiRouter.accessRule(route).orElseThrow();
            String example = route.getPath()
                    .replace(":namespace", "shop")
                    .replace(":pod", "web-1")
                    .replace(":node", "worker-1");
            asked.put(
                    route.getPath(),
                    rule.authenticates()
                            ? rule
                                    .checks(
                                            name -> Map.of("namespace", "shop", "pod", "web-1", "node", "worker-1")
                                                    .get(name),
                                            example)
                                    .stream()
                                    .map(AccessCheck::describe)
                                    .toList()
                            : List.of("open"));
        }

        List<String> pod = List.of("get pods \"web-1\" in namespace \"shop\"", "list events in namespace \"shop\"");
        assertThat(asked)
                .containsEntry("/api/v1/pods/:namespace/:pod/describe", pod)
                .containsEntry("/api/v1/pods/:namespace/:pod/resources", pod)
                .containsEntry("/api/v1/pods/:namespace/:pod/scheduling", pod)
                .containsEntry("/api/v1/pods/:namespace/:pod/failure-events", pod)
                .containsEntry(
                        "/api/v1/namespace/:namespace/error",
                        List.of("list pods in namespace \"shop\"", "list events in namespace \"shop\""))
                .containsEntry(
                        "/api/v1/nodes/:node/utilization",
                        List.of("get nodes \"worker-1\"", "get nodes/metrics \"worker-1\""))
                .containsEntry("/healthz", List.of("open"))
                .containsEntry("/readyz", List.of("open"))
                .containsEntry("/metrics", List.of("get /metrics"))
                .containsEntry("/metrics/kubestate", List.of("get /metrics/kubestate"));
        assertThat(asked).as("every /metrics path is a non-resource URL").allSatisfy((path, checks) -> {
            if (path.startsWith("/metrics")) {
                assertThat(checks).containsExactly("get " + path);
            }
        });
    }

    private List<Route> routes() {
        AgentConfig defaults = AgentConfig.defaults();
        Router router = ApiRouter.create(
                vertx,
                ShopCluster.withOneRunningPod(),
                Clock.systemUTC(),
                vertx.createSharedWorkerExecutor("route-rules"),
                defaults,
                new ResponseCache(defaults.responseCacheBytes()),
                new Probes(vertx, ShopCluster.withOneRunningPod()),
                Optional.empty(),
                AccessControl.none(),
                CadvisorMetrics.create(defaults.cadvisor(), ShopCluster.withOneRunningPod(), Clock.systemUTC()));
        return router.getRoutes().stream()
                .filter(route -> route.getPath() != null)
                .toList();
    }
}
