package io.clusteragent.monitoring.dashboards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A dashboard in Grafana's JSON model (schema 39, Grafana 10 and later). Every panel and variable
 * queries the data source chosen in the {@code datasource} variable, so the dashboard works with
 * whatever the Prometheus data source is called where it is imported.
 */
public final class DashboardJson {

    static final int SCHEMA_VERSION = 39;
    private static final int GRID_WIDTH = 24;
    private static final int PANEL_HEIGHT = 8;
    private static final int ROW_HEIGHT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DashboardJson() {}

    public static String render(Dashboard dashboard) {
        ObjectNode root = NODES.objectNode();
        root.put("uid", dashboard.uid());
        root.put("title", dashboard.title());
        root.set("tags", NODES.arrayNode().add("cluster-agent").add("kubernetes"));
        root.put("timezone", "utc");
        root.put("editable", true);
        root.put("graphTooltip", 1);
        root.put("refresh", "30s");
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("version", 1);
        root.set("time", NODES.objectNode().put("from", "now-1h").put("to", "now"));
        root.set("templating", NODES.objectNode().set("list", variables(dashboard.variables())));
        root.set("panels", panels(dashboard.rows()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write dashboard " + dashboard.uid(), e);
        }
    }

    private static ArrayNode variables(List<Variable> variables) {
        ArrayNode list = NODES.arrayNode();
        list.addObject()
                .put("name", "datasource")
                .put("label", "Data source")
                .put("type", "datasource")
                .put("query", "prometheus")
                .put("hide", 0)
                .put("refresh", 1)
                .put("regex", "")
                .set("current", NODES.objectNode());
        for (Variable variable : variables) {
            ObjectNode node = list.addObject()
                    .put("name", variable.name())
                    .put("label", variable.label())
                    .put("type", "query")
                    .put("definition", variable.query())
                    .put("hide", 0)
                    .put("refresh", 2)
                    .put("sort", 1)
                    .put("includeAll", false)
                    .put("multi", false);
            node.set("datasource", datasource());
            node.set(
                    "query",
                    NODES.objectNode()
                            .put("query", variable.query())
                            .put("refId", "PrometheusVariableQueryEditor-VariableQuery"));
            node.set("current", NODES.objectNode());
        }
        return list;
    }

    private static ArrayNode panels(List<Dashboard.Row> rows) {
        ArrayNode panels = NODES.arrayNode();
        int id = 1;
        int y = 0;
        for (Dashboard.Row row : rows) {
            panels.addObject()
                    .put("id", id++)
                    .put("type", "row")
                    .put("title", row.title())
                    .put("collapsed", false)
                    .set("gridPos", gridPos(0, y, GRID_WIDTH, ROW_HEIGHT));
            y += ROW_HEIGHT;
            int width = GRID_WIDTH / row.panels().size();
            int x = 0;
            for (Panel panel : row.panels()) {
                panels.add(panel(panel, id++, gridPos(x, y, width, PANEL_HEIGHT)));
                x += width;
            }
            y += PANEL_HEIGHT;
        }
        return panels;
    }

    private static ObjectNode panel(Panel panel, int id, ObjectNode gridPos) {
        ObjectNode node = NODES.objectNode()
                .put("id", id)
                .put("type", panel.kind().grafanaType)
                .put("title", panel.title())
                .put("description", panel.description());
        node.set("datasource", datasource());
        node.set("gridPos", gridPos);
        node.set(
                "fieldConfig",
                NODES.objectNode()
                        .<ObjectNode>set("defaults", NODES.objectNode().put("unit", panel.unit()))
                        .set("overrides", NODES.arrayNode()));
        node.set("options", options(panel.kind()));
        ArrayNode targets = node.putArray("targets");
        char refId = 'A';
        for (Panel.Query query : panel.queries()) {
            ObjectNode target = targets.addObject()
                    .put("refId", String.valueOf(refId++))
                    .put("expr", query.expr())
                    .put("legendFormat", query.legend().isEmpty() ? "__auto" : query.legend())
                    .put("instant", panel.kind() != Panel.Kind.TIMESERIES)
                    .put("range", panel.kind() == Panel.Kind.TIMESERIES);
            if (panel.kind() == Panel.Kind.TABLE) {
                target.put("format", "table");
            }
            target.set("datasource", datasource());
        }
        if (panel.kind() == Panel.Kind.TABLE) {
            node.putArray("transformations")
                    .addObject()
                    .put("id", "organize")
                    .set(
                            "options",
                            NODES.objectNode()
                                    .set("excludeByName", NODES.objectNode().put("Time", true)));
        }
        return node;
    }

    private static ObjectNode options(Panel.Kind kind) {
        return switch (kind) {
            case STAT ->
                NODES.objectNode()
                        .put("colorMode", "value")
                        .put("graphMode", "none")
                        .<ObjectNode>set(
                                "reduceOptions",
                                NODES.objectNode()
                                        .set("calcs", NODES.arrayNode().add("lastNotNull")));
            case TIMESERIES ->
                NODES.objectNode()
                        .<ObjectNode>set(
                                "legend",
                                NODES.objectNode()
                                        .put("displayMode", "table")
                                        .put("placement", "right")
                                        .put("showLegend", true))
                        .set("tooltip", NODES.objectNode().put("mode", "multi").put("sort", "desc"));
            case TABLE -> NODES.objectNode().put("showHeader", true);
        };
    }

    private static ObjectNode datasource() {
        return NODES.objectNode().put("type", "prometheus").put("uid", "${datasource}");
    }

    private static ObjectNode gridPos(int x, int y, int w, int h) {
        return NODES.objectNode().put("x", x).put("y", y).put("w", w).put("h", h);
    }
}
