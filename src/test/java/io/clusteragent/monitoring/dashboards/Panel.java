package io.clusteragent.monitoring.dashboards;

import java.util.List;

/**
 * One Grafana panel.
 *
 * @param unit Grafana's unit id: short, percentunit, bytes, s, cores, reqps, ...
 */
public record Panel(Kind kind, String title, String description, String unit, List<Query> queries) {

    public enum Kind {
        STAT("stat"),
        TIMESERIES("timeseries"),
        /** Instant queries shown as rows: the objects in a state right now. */
        TABLE("table");

        final String grafanaType;

        Kind(String grafanaType) {
            this.grafanaType = grafanaType;
        }
    }

    /** @param legend Grafana's legend format, {{label}} placeholders; empty for the series' labels */
    public record Query(String expr, String legend) {}

    public static Panel stat(String title, String description, String unit, String expr) {
        return new Panel(Kind.STAT, title, description, unit, List.of(new Query(expr, "")));
    }

    public static Panel timeseries(String title, String description, String unit, Query... queries) {
        return new Panel(Kind.TIMESERIES, title, description, unit, List.of(queries));
    }

    public static Panel table(String title, String description, String expr) {
        return new Panel(Kind.TABLE, title, description, "short", List.of(new Query(expr, "")));
    }

    public static Query query(String expr, String legend) {
        return new Query(expr, legend);
    }
}
