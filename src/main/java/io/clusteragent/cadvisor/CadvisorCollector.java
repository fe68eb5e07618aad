package io.clusteragent.cadvisor;

import io.clusteragent.cadvisor.PodCgroups.ContainerCgroup;
import io.clusteragent.cadvisor.PodCgroups.PodCgroup;
import io.fabric8.kubernetes.api.model.Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * Reads every pod and container cgroup of the node and renders them, as kubelet reports them:
 * <ul>
 *   <li>the pod's cgroup with {@code container=""} and {@code name=""} (kubelet finds the pod by its cgroup,
 *       {@code GetPodByCgroupfs});
 *   <li>each container whose id a pod status reports, with its name and image;
 *   <li>the pod's sandbox (the pause container, which no status reports) with {@code container=""}, and the pod's
 *       network counters on it alone, as cAdvisor's containerd handler keeps them only for the sandbox. Not for a
 *       {@code hostNetwork} pod: its namespace is the node's, and its counters would be the node's.
 * </ul>
 * A cgroup of a pod the cache does not (yet) hold, or of a container no status names and that is no sandbox (just
 * started, or exiting), is left out until the status says what it is.
 */
public final class CadvisorCollector {

    private static final Logger LOG = LoggerFactory.getLogger(CadvisorCollector.class);
    private static final String SANDBOX_CONTAINER = "POD";

    private final CgroupReader reader;
    private final NetworkDevices network;
    private final Supplier<? extends List<Pod>> pods;
    private final Clock clock;
    private final CadvisorRenderer renderer = new CadvisorRenderer();

    /**
     * @param cgroupRoot the node's cgroup file system
     * @param procRoot   the node's {@code /proc}
     * @param pods       the pods of the node, as the cache holds them at each reading
     */
    public static CadvisorCollector of(
            Path cgroupRoot, Path procRoot, Supplier<? extends List<Pod>> pods, Clock clock) {
        CgroupFiles files = new CgroupFiles(OpenFiles.withinDescriptorLimit());
        return new CadvisorCollector(
                CgroupReader.of(cgroupRoot, BlockDevices.beside(cgroupRoot), files),
                new NetworkDevices(procRoot, files),
                pods,
                clock);
    }

    CadvisorCollector(CgroupReader reader, NetworkDevices network, Supplier<? extends List<Pod>> pods, Clock clock) {
        this.reader = reader;
        this.network = network;
        this.pods = pods;
        this.clock = clock;
    }

    /** Reads the cgroups and renders them: one reading, as a scrape serves it until the next. */
    public Rendering collect() {
        long now = clock.millis();
        List<CgroupSeries> series = read();
        return Rendering.of(renderer.render(series, now), series.size(), DetectorReadings.of(series, now));
    }

    /** Renders a reading again (the benchmark's render alone). */
    byte[] render(List<CgroupSeries> series, long timestampMillis) {
        return renderer.render(series, timestampMillis);
    }

    List<CgroupSeries> read() {
        try {
            return readCgroups();
        } finally {
            reader.files().endReading();
        }
    }

    private List<CgroupSeries> readCgroups() {
        NodePods known = new NodePods(pods.get());
        List<CgroupSeries> series = new ArrayList<>();
        for (PodCgroup cgroup : PodCgroups.find(reader.hierarchy())) {
            Optional<Pod> pod = known.pod(cgroup.uid());
            if (pod.isEmpty()) {
                LOG.debug("cgroup {} is of no pod on this node in the cache", cgroup.id());
                continue;
            }
            String namespace = pod.get().getMetadata().getNamespace();
            String name = pod.get().getMetadata().getName();
            add(
                    series,
                    new CgroupSeries(
                            new SeriesLabels("", cgroup.id(), "", "", namespace, name), reader.read(cgroup.id())));
            for (ContainerCgroup container : cgroup.containers()) {
                containerSeries(known, pod.get(), cgroup, container).ifPresent(found -> add(series, found));
            }
        }
        return series;
    }

    /** A cgroup that was gone by the time it was read has no values, and no series. */
    private static void add(List<CgroupSeries> series, CgroupSeries cgroup) {
        if (!cgroup.readings().isEmpty()) {
            series.add(cgroup);
        }
    }

    private Optional<CgroupSeries> containerSeries(
            NodePods known, Pod pod, PodCgroup cgroup, ContainerCgroup container) {
        String namespace = pod.getMetadata().getNamespace();
        String podName = pod.getMetadata().getName();
        String uid = pod.getMetadata().getUid();
        Optional<NodePods.Container> status =
                known.container(container.containerId()).filter(c -> c.pod() == pod);
        if (status.isPresent()) {
            NodePods.Container c = status.get();
            Runtime runtime = container.runtime().or(c::runtime).orElse(Runtime.CONTAINERD);
            String alias = runtime.alias(container.containerId(), c.name(), podName, namespace, uid, c.restartCount());
            return Optional.of(new CgroupSeries(
                    new SeriesLabels(c.name(), container.id(), c.image(), alias, namespace, podName),
                    reader.read(container.id())));
        }
        OptionalInt pid = reader.anyProcess(container.id());
        if (pid.isEmpty() || !network.isPause(pid.getAsInt())) {
            LOG.debug("cgroup {} is of no container the status of pod {}/{} names", container.id(), namespace, podName);
            return Optional.empty();
        }
        Runtime runtime =
                container.runtime().or(() -> podRuntime(known, cgroup)).orElse(Runtime.CONTAINERD);
        List<Reading> readings = new ArrayList<>(reader.read(container.id()));
        if (pod.getSpec() == null || !Boolean.TRUE.equals(pod.getSpec().getHostNetwork())) {
            readings.addAll(network.read(pid.getAsInt()));
        }
        String alias = runtime.alias(container.containerId(), SANDBOX_CONTAINER, podName, namespace, uid, 0);
        return Optional.of(
                new CgroupSeries(new SeriesLabels("", container.id(), "", alias, namespace, podName), readings));
    }

    /** Under the cgroupfs driver a directory name says nothing of the runtime; the pod's containers' ids do. */
    private static Optional<Runtime> podRuntime(NodePods known, PodCgroup cgroup) {
        return cgroup.containers().stream()
                .flatMap(c -> known.container(c.containerId()).flatMap(NodePods.Container::runtime).stream())
                .findFirst();
    }
}
