package io.clusteragent.monitoring.dashboards;

import java.util.List;

/** Every dashboard we ship, in deployments/monitoring/dashboards/. */
public final class Dashboards {

    public static final List<Dashboard> ALL = List.of(
            ClusterDashboard.definition(),
            WorkloadDashboard.definition(),
            NodeDashboard.definition(),
            PodDashboard.definition(),
            AgentDashboard.definition());

    private Dashboards() {}
}
