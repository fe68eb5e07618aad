package io.clusteragent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the kubelet-compatible container families of {@code /metrics/cadvisor} are read from, and how often.
 *
 * @param nodeName   the node this agent runs on; the families are off without it, since only the pods of the
 *                   agent's own node have cgroups here
 * @param cgroupRoot the node's cgroup file system (v1 or v2), mounted from the host
 * @param procRoot   the node's {@code /proc}, for the network counters of each pod's sandbox
 * @param interval   how often the cgroups are read; a scrape serves the last reading
 */
public record CadvisorSettings(Optional<String> nodeName, Path cgroupRoot, Path procRoot, Duration interval) {

    static CadvisorSettings from(SettingValues values) {
        return new CadvisorSettings(
                values.text(Setting.NODE_NAME),
                Path.of(values.text(Setting.CGROUP_ROOT).orElse(Setting.CGROUP_ROOT.defaultValue())),
                Path.of(values.text(Setting.PROC_ROOT).orElse(Setting.PROC_ROOT.defaultValue())),
                values.duration(Setting.CADVISOR_INTERVAL));
    }

    @Override
    public String toString() {
        return nodeName.map(node -> "node=" + node + " ").orElse("") + "cgroupRoot=" + cgroupRoot + " procRoot="
                + procRoot + " interval=" + interval.toMillis() + "ms";
    }
}
