package io.clusteragent.cadvisor;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.clusteragent.cadvisor.NodeFixtures.A;
import static io.clusteragent.cadvisor.NodeFixtures.collector;
import static io.clusteragent.cadvisor.NodeFixtures.pod;
import static io.clusteragent.cadvisor.NodeFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each fixture node's page, with every number derived by hand from the fixture files the way runc
 * ({@code opencontainers/cgroups} {@code fs2/*.go}, {@code fs/*.go}) reads them and cAdvisor
 * ({@code lib/container/libcontainer/handler.go}, {@code lib/container/common/helpers.go},
 * {@code lib/metrics/prometheus.go}) converts them.
 */
class CadvisorCollectorTest {

    private static final String WEB = "/kubepods.slice/kubepods-burstable.slice/"
            + "kubepods-burstable-pod3f2a1b4c_5d6e_4f70_8a9b_0c1d2e3f4a5b.slice";
    private static final String NGINX = "{container=\"nginx\",id=\"" + WEB + "/cri-containerd-" + A
            + ".scope\",image=\"docker.io/library/nginx:1.27\",name=\"" + A + "\",namespace=\"shop\",pod=\"web-0\"}";

    /**
     * The whole page, byte for byte. The nginx container's figures (fixture {@code cri-containerd-aaa…scope}):
     * <ul>
     *   <li>{@code cpu.stat usage_usec 123456789}: runc keeps {@code v * 1000} ns ({@code fs2/cpu.go statCpu}),
     *       cAdvisor writes {@code float64(ns) / float64(time.Second)} = 123.456789, {@code cpu="total"} (v2 has no
     *       per-CPU figures); {@code user_usec 100000000} = 100, {@code system_usec 23456789} = 23.456789.
     *   <li>{@code cpu.max "max 100000"}: period 100000, no quota, so no {@code container_spec_cpu_quota} and no CFS
     *       families ({@code condition: s.Cpu.Quota != 0}); {@code cpu.weight 4}: shares
     *       {@code 2 + ((4-1)*262142)/9999} = 80 ({@code convertCPUWeightToCPULimit}), which is what kubelet's
     *       shares 102 (100m) came from, through its lossy conversion.
     *   <li>{@code memory.current 52428800} = 5.24288e+07; working set {@code 52428800 - inactive_file 10485760}
     *       = 41943040 = 4.194304e+07 ({@code setMemoryStats}); cache {@code file} 20971520, RSS {@code anon}
     *       31457280; swap {@code memory.swap.current} 4096 ({@code (swap+mem)-mem}); max usage
     *       {@code memory.peak} 62914560; failcnt 0 (v2 has none); {@code memory.max "max"} is MaxUint64, above
     *       {@code 1 << 62}, so the limit is written 0 ({@code specMemoryValue}).
     *   <li>{@code memory.events oom_kill 1} ({@code fs2.OOMKillCount}).
     *   <li>{@code io.stat 8:0 rbytes=1048576 wbytes=2097152 rios=256 wios=512} on {@code /dev/sda}
     *       ({@code sys/dev/block/8:0/uevent DEVNAME=sda}); {@code 253:7} names no device and is left out.
     *   <li>PSI {@code total=} microseconds / 1e6 ({@code asMicrosecondsToSeconds}): cpu some 1500000 = 1.5,
     *       full 250000 = 0.25; memory 2000 = 0.002 and 1000 = 0.001; io 3000000 = 3 and 2500000 = 2.5.
     * </ul>
     * The postgres container (Guaranteed, {@code cpu.max "200000 100000"}): quota 200000, so the CFS families
     * {@code nr_periods 600}, {@code nr_throttled 25}, {@code throttled_usec 1250000} = 1.25 s; shares from
     * {@code cpu.weight 79}: {@code 2 + (78*262142)/9999} = 2046; working set {@code 314572800 - 419430400}
     * floored at 0; limit {@code memory.max 1073741824} = 1.073741824e+09. Its pod runs on the host network, so
     * its sandbox has no network series. The web pod's sandbox ({@code bbb…}, process 4242 is {@code pause})
     * carries the pod's {@code eth0} counters ({@code lo} skipped): rx bytes 9876543, packets 12345, errors 1,
     * drops 2; tx 1234567, 9876, 4, 5. Left out: the container {@code ccc…} no status names (process
     * {@code sh}: just started), the {@code .mount} unit, the pod of UID {@code 00000000-…} the cache does not
     * hold, and cgroups outside kubepods.
     */
    @Test
    void v2SystemdContainerdNodeRendersTheGoldenPage() throws Exception {
        byte[] page = collector("v2-systemd-containerd", NodeFixtures.systemdContainerdPods())
                .collect()
                .text();

        assertThat(new String(page, StandardCharsets.UTF_8))
                .isEqualTo(Files.readString(NodeFixtures.ROOT.resolve("v2-systemd-containerd.prom")));
    }

    @Test
    void v2SeriesCarryKubeletsLabelsSortedAndTheReadingsTime() {
        String page = text("v2-systemd-containerd", NodeFixtures.systemdContainerdPods());

        assertThat(page)
                .contains("container_memory_working_set_bytes" + NGINX + " 4.194304e+07 1764500000000\n")
                .contains("container_cpu_usage_seconds_total{container=\"nginx\",cpu=\"total\",id=\"" + WEB)
                .contains("container_spec_cpu_shares" + NGINX + " 80\n")
                .doesNotContain("cccccccc")
                .doesNotContain("00000000_0000")
                .doesNotContain("interface=\"lo\"");
    }

    /**
     * cgroupfs names pods {@code pod<uid>} with dashes and containers by their bare id. Container {@code 222…} was
     * exiting while it was read: its {@code cpu.stat} ends mid-line ({@code user_u}), which
     * {@code fscommon.ParseKeyValue} refuses, and it has no {@code memory.stat} any more: both are left out, and
     * the scrape goes on. Container {@code 111…}: {@code inactive_file} 16777216 exceeds {@code memory.current}
     * 8388608, so the working set is 0; {@code cpu.weight 1} is shares 2.
     */
    @Test
    void v2CgroupfsNodeLeavesOutWhatAnExitingContainerLeftHalfWritten() {
        String uid = "7c6b5a49-3827-4160-9f8e-7d6c5b4a3928";
        String pod = "/kubepods/besteffort/pod" + uid;
        List<Pod> pods = List.of(pod(
                "batch",
                "report-x1",
                uid,
                false,
                status("worker", "containerd://" + "1".repeat(64), "ghcr.io/acme/report:2", 1),
                status("uploader", "containerd://" + "2".repeat(64), "ghcr.io/acme/upload:1", 0)));

        String page = text("v2-cgroupfs", pods);

        String worker = "{container=\"worker\",id=\"" + pod + "/" + "1".repeat(64)
                + "\",image=\"ghcr.io/acme/report:2\",name=\"" + "1".repeat(64)
                + "\",namespace=\"batch\",pod=\"report-x1\"}";
        assertThat(page)
                .contains("container_cpu_usage_seconds_total{container=\"worker\",cpu=\"total\",id=\"" + pod + "/"
                        + "1".repeat(64) + "\"")
                .contains("container_memory_working_set_bytes" + worker + " 0 1764500000000\n")
                .contains("container_spec_cpu_shares" + worker + " 2\n")
                .contains("container_cpu_user_seconds_total{container=\"\",id=\"" + pod + "\",image=\"\",name=\"\","
                        + "namespace=\"batch\",pod=\"report-x1\"} 3 1764500000000\n")
                .contains("container_network_receive_bytes_total{container=\"\",id=\"" + pod + "/" + "3".repeat(64)
                        + "\",image=\"\",interface=\"eth0\",name=\"" + "3".repeat(64)
                        + "\",namespace=\"batch\",pod=\"report-x1\"} 9.876543e+06 1764500000000\n");
        List<String> uploader = page.lines()
                .filter(line -> line.contains("container=\"uploader\""))
                .toList();
        assertThat(uploader)
                .as("only the values whose files were whole")
                .extracting(line -> line.substring(0, line.indexOf('{')))
                .containsExactlyInAnyOrder("container_spec_cpu_period", "container_spec_cpu_shares");
    }

    /**
     * cgroup v1 under systemd with CRI-O: {@code crio-<id>.scope}, the {@code crio-conmon-<id>.scope} monitor
     * skipped; the {@code name} label is CRI-O's {@code k8s_<container>_<pod>_<namespace>_<uid>_<restarts>}.
     * <ul>
     *   <li>{@code cpuacct.usage 2500000000} ns = 2.5; {@code cpuacct.stat user 150 system 75} ticks:
     *       {@code ticks * 1e9 / 100} ({@code fs/cpuacct.go getCpuUsageBreakdown}) = 1.5 and 0.75.
     *   <li>{@code cpu.cfs_quota_us 50000}: quota set, so {@code cpu.stat nr_periods 1000}, {@code nr_throttled 40},
     *       {@code throttled_time 2000000000} ns = 2.
     *   <li>{@code memory.use_hierarchy 1}: cache {@code total_cache} 20971520, RSS {@code total_rss} 73400320 (not
     *       {@code cache 999}, {@code rss 1}); working set {@code 104857600 - total_inactive_file 8388608} =
     *       96468992 = 9.6468992e+07; failcnt 2; max usage 157286400; limit 268435456.
     *   <li>{@code memory.oom_control oom_kill 2}.
     *   <li>blkio: the CFQ files hold only {@code Total 0}, which {@code getBlkioStat} skips, so the recursive
     *       throttle files are read: {@code 8:0 Read 10 / Write 20} operations, {@code Read 40960 / Write 81920}
     *       bytes.
     * </ul>
     */
    @Test
    void v1SystemdCrioNodeReadsTicksHierarchicalMemoryAndTheThrottleFiles() {
        String uid = "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
        String id =
                "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5a4b3c2d_1e0f_4a9b_8c7d_6e5f4a3b2c1d"
                        + ".slice/crio-" + "4".repeat(64) + ".scope";
        List<Pod> pods = List.of(pod(
                "pay", "api-7f9c", uid, false, status("api", "cri-o://" + "4".repeat(64), "quay.io/acme/api:3.1", 2)));

        String page = text("v1-systemd-crio", pods);

        String api = "container=\"api\",id=\"" + id + "\",image=\"quay.io/acme/api:3.1\",name=\"k8s_api_api-7f9c_pay_"
                + uid + "_2\",namespace=\"pay\",pod=\"api-7f9c\"}";
        String stamp = " 1764500000000\n";
        assertThat(page)
                .contains("container_cpu_usage_seconds_total{container=\"api\",cpu=\"total\",id=\"" + id + "\"")
                .contains("container_cpu_user_seconds_total{" + api + " 1.5" + stamp)
                .contains("container_cpu_system_seconds_total{" + api + " 0.75" + stamp)
                .contains("container_cpu_cfs_periods_total{" + api + " 1000" + stamp)
                .contains("container_cpu_cfs_throttled_periods_total{" + api + " 40" + stamp)
                .contains("container_cpu_cfs_throttled_seconds_total{" + api + " 2" + stamp)
                .contains("container_spec_cpu_quota{" + api + " 50000\n")
                .contains("container_spec_cpu_shares{" + api + " 256\n")
                .contains("container_memory_cache{" + api + " 2.097152e+07" + stamp)
                .contains("container_memory_rss{" + api + " 7.340032e+07" + stamp)
                .contains("container_memory_working_set_bytes{" + api + " 9.6468992e+07" + stamp)
                .contains("container_memory_failcnt{" + api + " 2" + stamp)
                .contains("container_memory_max_usage_bytes{" + api + " 1.572864e+08" + stamp)
                .contains("container_spec_memory_limit_bytes{" + api + " 2.68435456e+08\n")
                .contains("container_oom_events_total{" + api + " 2" + stamp)
                .contains("container_fs_reads_total{container=\"api\",device=\"/dev/sda\",id=\"" + id)
                .contains("container_fs_writes_bytes_total{container=\"api\",device=\"/dev/sda\",id=\"" + id + "\","
                        + api.substring(api.indexOf("image=")) + " 81920" + stamp)
                .contains("name=\"k8s_POD_api-7f9c_pay_" + uid + "_0\"")
                .doesNotContain("conmon")
                .doesNotContain("container_pressure_");
    }

    /**
     * cgroup v1, cgroupfs, Docker (cri-dockerd): a Guaranteed pod directly under {@code kubepods}. With
     * {@code memory.use_hierarchy 0}, cache, RSS and swap are the cgroup's own keys ({@code cache 1024},
     * {@code rss 2048}, {@code swap 512}), but the working set still subtracts {@code total_inactive_file} (8192,
     * above the usage 4096: 0). {@code cpu.cfs_quota_us -1} is no quota: no CFS families. The limit
     * 9223372036854771712 (v1's "unlimited") is above {@code 1 << 62}: 0. A best-effort container whose
     * {@code cpuacct.usage} is 0 has no {@code container_cpu_usage_seconds_total} series, as in cAdvisor.
     */
    @Test
    void v1CgroupfsDockerNodeReadsTheCgroupsOwnMemoryKeysWithoutHierarchy() {
        String guaranteed = "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091";
        String bestEffort = "8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d";
        List<Pod> pods = List.of(
                pod("cache", "redis-0", guaranteed, false, status("redis", "docker://" + "6".repeat(64), "redis:7", 0)),
                pod(
                        "cache",
                        "sleeper",
                        bestEffort,
                        false,
                        status("sleep", "docker://" + "7".repeat(64), "busybox:1.36", 0)));

        String page = text("v1-cgroupfs-docker", pods);

        String redis = "container=\"redis\",id=\"/kubepods/pod" + guaranteed + "/" + "6".repeat(64)
                + "\",image=\"redis:7\",name=\"k8s_redis_redis-0_cache_" + guaranteed
                + "_0\",namespace=\"cache\",pod=\"redis-0\"}";
        String stamp = " 1764500000000\n";
        assertThat(page)
                .contains("container_memory_cache{" + redis + " 1024" + stamp)
                .contains("container_memory_rss{" + redis + " 2048" + stamp)
                .contains("container_memory_swap{" + redis + " 512" + stamp)
                .contains("container_memory_working_set_bytes{" + redis + " 0" + stamp)
                .contains("container_spec_memory_limit_bytes{" + redis + " 0\n")
                .contains("container_cpu_usage_seconds_total{container=\"redis\",cpu=\"total\"")
                .contains("container_cpu_user_seconds_total{" + redis + " 0.33" + stamp)
                .doesNotContain("container_cpu_cfs_")
                .doesNotContain("container_spec_cpu_quota")
                .doesNotContain("container_cpu_usage_seconds_total{container=\"sleep\"")
                .contains("container_cpu_user_seconds_total{container=\"sleep\"");
    }

    /** A static pod's cgroup carries the UID its mirror pod keeps in the {@code kubernetes.io/config.mirror} annotation. */
    @Test
    void aStaticPodIsFoundThroughItsMirrorPodsAnnotation() {
        Pod web = NodeFixtures.systemdContainerdPods().get(0);
        Pod mirror = new PodBuilder(web)
                .editMetadata()
                .withUid("11111111-2222-4333-8444-555555555555")
                .addToAnnotations(
                        "kubernetes.io/config.mirror", web.getMetadata().getUid())
                .endMetadata()
                .build();

        String page = text("v2-systemd-containerd", List.of(mirror));

        assertThat(page).contains("container_memory_working_set_bytes" + NGINX + " 4.194304e+07 1764500000000\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2-systemd-containerd", "v2-cgroupfs", "v1-systemd-crio", "v1-cgroupfs-docker"})
    void everyFixturePagePassesPromtoolAsKubeletsPageDoes(String node) throws Exception {
        Assumptions.assumeTrue(Promtool.installed(), "promtool is not installed");
        List<Pod> everyPod = List.of(
                NodeFixtures.systemdContainerdPods().get(0),
                pod(
                        "batch",
                        "report-x1",
                        "7c6b5a49-3827-4160-9f8e-7d6c5b4a3928",
                        false,
                        status("worker", "containerd://" + "1".repeat(64), "ghcr.io/acme/report:2", 1)),
                pod(
                        "pay",
                        "api-7f9c",
                        "5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d",
                        false,
                        status("api", "cri-o://" + "4".repeat(64), "quay.io/acme/api:3.1", 2)),
                pod(
                        "cache",
                        "redis-0",
                        "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091",
                        false,
                        status("redis", "docker://" + "6".repeat(64), "redis:7", 0)));

        byte[] page = collector(node, everyPod).collect().text();

        assertThat(page).isNotEmpty();
        Promtool.assertAcceptsAsKubeletsPage(page);
    }

    /** This machine's own cgroups (v1 or v2, whatever it runs): no pod of the cache is there, nothing fails. */
    @Test
    void thisMachinesOwnCgroupsAreReadWithoutError() throws Exception {
        Path root = Path.of("/sys/fs/cgroup");
        Assumptions.assumeTrue(Files.isReadable(root), "no cgroup file system here");
        CadvisorCollector collector =
                CadvisorCollector.of(root, Path.of("/proc"), NodeFixtures::systemdContainerdPods, NodeFixtures.CLOCK);

        Rendering rendering = collector.collect();

        assertThat(rendering.cgroups()).isZero();
        assertThat(rendering.text()).isEmpty();
        if (Promtool.installed()) {
            Promtool.assertAcceptsAsKubeletsPage(rendering.text());
        }
    }

    private static String text(String node, List<Pod> pods) {
        return new String(collector(node, pods).collect().text(), StandardCharsets.UTF_8);
    }
}
