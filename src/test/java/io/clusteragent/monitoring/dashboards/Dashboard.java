package io.clusteragent.monitoring.dashboards;

import java.util.List;

/**
 * A Grafana dashboard as we define it: rows of panels over Prometheus queries, and the variables those
 * queries use besides the data source, which every dashboard has.
 *
 * @param file the name of its JSON file, and of its key in the dashboards' ConfigMap
 */
public record Dashboard(String file, String uid, String title, List<Variable> variables, List<Row> rows) {

    /** Panels side by side, sharing the grid's width. */
    public record Row(String title, List<Panel> panels) {
        public Row(String title, Panel... panels) {
            this(title, List.of(panels));
        }
    }
}
