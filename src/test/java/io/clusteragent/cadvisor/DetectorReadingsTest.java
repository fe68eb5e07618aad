package io.clusteragent.cadvisor;

import io.clusteragent.detect.CgroupReadings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Instant;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** What the detectors take from a page of /metrics/cadvisor: each container's figures, by the names the pods have. */
class DetectorReadingsTest {

    @Test
    void eachContainersWorkingSetCpuAndOomCountersFromTheGoldenPage() throws Exception {
        String page = Files.readString(NodeFixtures.ROOT.resolve("v2-systemd-containerd.prom"));

        CgroupReadings readings = DetectorReadings.parse(page).orElseThrow();

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
    void anEmptyPageIsNoReading() {
        assertThat(DetectorReadings.parse("")).isEmpty();
    }

    @Test
    void escapedLabelValuesAreReadBack() {
        String line = "container_memory_working_set_bytes{container=\"app\",id=\"/a\\\"b\",image=\"x\\\\y\",name=\"\","
                + "namespace=\"shop\",pod=\"web\"} 1024 1764500000000\n";

        assertThat(DetectorReadings.parse(line).orElseThrow().container("shop", "web", "app"))
                .hasValueSatisfying(app -> {
                    assertThat(app.cgroup()).isEqualTo("/a\"b");
                    assertThat(app.workingSetBytes()).isEqualTo(OptionalLong.of(1024));
                });
    }
}
