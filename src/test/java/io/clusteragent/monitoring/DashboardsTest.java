package io.clusteragent.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusteragent.deploy.Kubectl;
import io.clusteragent.monitoring.dashboards.Dashboard;
import io.clusteragent.monitoring.dashboards.Dashboards;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboards as Grafana's sidecar loads them: from one labelled ConfigMap, each on any Prometheus data source. */
class DashboardsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** kubectl apply (client side) keeps the whole object in an annotation, which may not exceed 256 KiB. */
    private static final int LAST_APPLIED_LIMIT_BYTES = 262_144;

    @Test
    void kustomizePackagesEveryDashboardInOneConfigMapTheSidecarPicksUp() throws Exception {
        List<JsonNode> objects = rendered();
        JsonNode configMap = objects.stream()
                .filter(object -> object.path("kind").asText().equals("ConfigMap"))
                .findFirst()
                .orElseThrow();

        assertThat(objects)
                .extracting(object -> object.path("kind").asText())
                .containsExactlyInAnyOrder("ConfigMap", "PrometheusRule");
        assertThat(configMap.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(fieldNames(configMap.get("data")))
                .containsExactlyInAnyOrderElementsOf(
                        Dashboards.ALL.stream().map(Dashboard::file).toList());
        assertThat(JSON.writeValueAsString(configMap).length()).isLessThan(LAST_APPLIED_LIMIT_BYTES);
        for (String file : fieldNames(configMap.get("data"))) {
            assertThat(JSON.readTree(configMap.get("data").get(file).asText()))
                    .isEqualTo(JSON.readTree(
                            MonitoringFiles.DASHBOARDS.resolve(file).toFile()));
        }
    }

    @Test
    void everyPanelAndVariableQueriesTheChosenDataSource() throws Exception {
        for (Dashboard dashboard : Dashboards.ALL) {
            JsonNode json = JSON.readTree(
                    MonitoringFiles.DASHBOARDS.resolve(dashboard.file()).toFile());
            JsonNode variables = json.at("/templating/list");

            assertThat(variables.get(0).get("name").asText()).isEqualTo("datasource");
            assertThat(variables.get(0).get("type").asText()).isEqualTo("datasource");
            assertThat(variables.get(0).get("query").asText()).isEqualTo("prometheus");
            assertThat(json.get("schemaVersion").asInt()).as(dashboard.file()).isGreaterThanOrEqualTo(36);
            for (JsonNode node : queriesAndVariables(json)) {
                assertThat(node.at("/datasource/uid").asText())
                        .as(dashboard.file() + ": " + node)
                        .isEqualTo("${datasource}");
            }
        }
    }

    @Test
    void dashboardsAndPanelsHaveUniqueIdsAndEveryVariableIsUsed() throws Exception {
        Set<String> uids = new HashSet<>();
        for (Dashboard dashboard : Dashboards.ALL) {
            JsonNode json = JSON.readTree(
                    MonitoringFiles.DASHBOARDS.resolve(dashboard.file()).toFile());
            List<Integer> ids = new ArrayList<>();
            json.get("panels").forEach(panel -> ids.add(panel.get("id").asInt()));
            String queries = json.get("panels").toString();

            assertThat(uids.add(json.get("uid").asText())).as(dashboard.file()).isTrue();
            assertThat(ids).as(dashboard.file()).doesNotHaveDuplicates();
            assertThat(dashboard.variables())
                    .allSatisfy(
                            variable -> assertThat(queries).as(dashboard.file()).contains("$" + variable.name()));
        }
    }

    private static List<JsonNode> rendered() throws Exception {
        List<JsonNode> objects = new ArrayList<>();
        for (String document : Kubectl.kustomize(MonitoringFiles.DIR).split("(?m)^---$")) {
            objects.add(RulesFile.YAML.readTree(document));
        }
        return objects;
    }

    private static List<JsonNode> queriesAndVariables(JsonNode dashboard) {
        List<JsonNode> nodes = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            if (!panel.get("type").asText().equals("row")) {
                nodes.add(panel);
                panel.get("targets").forEach(nodes::add);
            }
        });
        StreamSupport.stream(dashboard.at("/templating/list").spliterator(), false)
                .skip(1)
                .forEach(nodes::add);
        return nodes;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
