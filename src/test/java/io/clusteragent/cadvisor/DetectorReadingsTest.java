package io.clusteragent.cadvisor;

import io.clusteragent.detect.CgroupReadings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the detectors take from a reading of the node's cgroups: each container's figures, by the names the pods
 * have, the same values the reading's page serves (the golden page of this fixture says nginx's working set is
 * 40 MiB, its CPU 123.456789 s, one OOM kill).
 */
class DetectorReadingsTest {

    @Test
    void eachContainersWorkingSetCpuAndOomCountersFromTheFixtureNode() {
        Rendering reading = NodeFixtures.collector("v2-systemd-containerd", NodeFixtures.systemdContainerdPods())
                .collect();

        CgroupReadings readings = reading.readings().orElseThrow();

        assertThat(readings.readAt()).isEqualTo(Instant.ofEpochMilli(NodeFixtures.NOW));
        // Only named containers: the pods' own cgroups and their sandboxes carry container="".
        assertThat(readings.pods().get(new CgroupReadings.PodName("shop", "web-0")))
                .containsOnlyKeys("nginx");
        assertThat(readings.container("shop", "web-0", "nginx")).hasValueSatisfying(nginx -> {
            assertThat(nginx.cgroup())
                    .isEqualTo("/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod3f2a1b4c_5d6e_4f70_"
                            + "8a9b_0c1d2e3f4a5b.slice/cri-containerd-" + NodeFixtures.A + ".scope");
            assertThat(nginx.workingSetBytes()).isEqualTo(OptionalLong.of(40L << 20));
            assertThat(nginx.cpuSeconds()).isEqualTo(123.456789);
            assertThat(nginx.oomKills()).isEqualTo(OptionalLong.of(1));
        });
        assertThat(readings.container("shop", "db-0", "postgres")).hasValueSatisfying(postgres -> {
            assertThat(postgres.workingSetBytes()).isEqualTo(OptionalLong.of(0));
            assertThat(postgres.cpuSeconds()).isEqualTo(7.5);
            assertThat(postgres.oomKills()).isEqualTo(OptionalLong.of(0));
        });
    }

    @Test
    void aReadingOfNoContainerIsNoReading() {
        Rendering reading =
                NodeFixtures.collector("v2-systemd-containerd", List.of()).collect();

        assertThat(reading.readings()).isEmpty();
    }
}
