package io.clusteragent.cadvisor;

import io.clusteragent.cluster.ClusterState;
import io.clusteragent.config.CadvisorSettings;
import io.clusteragent.config.Setting;
import io.clusteragent.detect.CgroupReadings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The families of {@code /metrics/cadvisor}: the node's cgroups read every {@code CADVISOR_INTERVAL} on a worker
 * of its own (never on an event loop; a reading still running when the next is due makes that one skip), rendered
 * once, and served as those bytes until the next reading. Off, with the reason, unless {@code NODE_NAME} is set
 * and {@code CGROUP_ROOT} is readable.
 */
public final class CadvisorMetrics {

    private static final Logger LOG = LoggerFactory.getLogger(CadvisorMetrics.class);

    private final Optional<CadvisorCollector> collector;
    private final String offReason;
    private final long intervalMillis;
    private final AtomicBoolean collecting = new AtomicBoolean();
    private volatile Rendering latest = Rendering.EMPTY;
    private Timer collections;
    private WorkerExecutor worker;
    private long timer = -1;

    private CadvisorMetrics(Optional<CadvisorCollector> collector, String offReason, long intervalMillis) {
        this.collector = collector;
        this.offReason = offReason;
        this.intervalMillis = intervalMillis;
    }

    public static CadvisorMetrics create(CadvisorSettings settings, ClusterState state, Clock clock) {
        if (settings.nodeName().isEmpty()) {
            return off(Setting.NODE_NAME.env() + " is not set: the container metrics are read from the cgroups of the"
                    + " node the agent runs on, as a DaemonSet");
        }
        if (!Files.isDirectory(settings.cgroupRoot()) || !Files.isReadable(settings.cgroupRoot())) {
            return off(Setting.CGROUP_ROOT.env() + " " + settings.cgroupRoot()
                    + " is not a readable directory: mount the node's /sys/fs/cgroup there");
        }
        String node = settings.nodeName().get();
        CadvisorCollector collector =
                CadvisorCollector.of(settings.cgroupRoot(), settings.procRoot(), () -> state.podsOnNode(node), clock);
        return new CadvisorMetrics(
                Optional.of(collector), "", settings.interval().toMillis());
    }

    static CadvisorMetrics off(String reason) {
        return new CadvisorMetrics(Optional.empty(), reason, 0);
    }

    /** The last reading; empty when the families are off. */
    public Optional<Rendering> latest() {
        return collector.map(on -> latest);
    }

    /** The containers' figures of the last reading, as the detectors use them; empty when there are none. */
    public Optional<CgroupReadings> readings() {
        return latest().flatMap(Rendering::readings);
    }

    /** Why the families are off; empty when they are on. */
    public String offReason() {
        return offReason;
    }

    /** Reads once, then every interval; completes when the first reading is rendered (or failed, which is logged). */
    public Future<Void> start(Vertx vertx, MeterRegistry registry) {
        if (collector.isEmpty()) {
            LOG.info("container metrics (/metrics/cadvisor) are off: {}", offReason);
            return Future.succeededFuture();
        }
        collections = Timer.builder("cluster_agent_cadvisor_collection")
                .description("Time to read the node's cgroups and render /metrics/cadvisor")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("cluster_agent_cadvisor_cgroups", this, metrics -> metrics.latest.cgroups())
                .description("Pod and container cgroups in the last reading of /metrics/cadvisor")
                .register(registry);
        Gauge.builder("cluster_agent_cadvisor_scrape_bytes", this, metrics -> metrics.latest.textLength())
                .description("Size of the last rendering of /metrics/cadvisor, uncompressed")
                .baseUnit("bytes")
                .register(registry);
        worker = vertx.createSharedWorkerExecutor("cadvisor-collector", 1);
        return collect()
                .onComplete(first -> timer = vertx.setPeriodic(intervalMillis, intervalMillis, id -> collect()));
    }

    public void stop(Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        if (worker != null) {
            worker.close();
        }
    }

    private Future<Void> collect() {
        if (!collecting.compareAndSet(false, true)) {
            LOG.debug("the previous reading of the cgroups is still running: this one is skipped");
            return Future.succeededFuture();
        }
        return worker.executeBlocking(() -> collections.recordCallable(collector.get()::collect), false)
                .onSuccess(rendering -> latest = rendering)
                .onFailure(failure -> LOG.warn("reading the cgroups failed: {}", failure.toString(), failure))
                .onComplete(done -> collecting.set(false))
                .<Void>mapEmpty()
                .otherwiseEmpty();
    }
}
