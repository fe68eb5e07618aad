package io.clusteragent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The agent's configuration, read once at start-up from the environment and the command line. */
public record AgentConfig(
        int port,
        String logLevel,
        String logFormat,
        Duration k8sTimeout,
        Duration readTimeout,
        Duration writeTimeout,
        Duration requestTimeout,
        int podRestartThreshold,
        long responseCacheBytes,
        Optional<Path> snapshot,
        Optional<Instant> analysisTime,
        Optional<String> kubeContext,
        Duration metricsRefreshInterval,
        Duration informerSyncTimeout,
        Duration watchGracePeriod,
        Duration drainPeriod,
        Duration shutdownTimeout,
        Duration pollInterval,
        DetectorSettings detection,
        boolean publishResolved,
        PublishSettings publishing,
        String clusterName,
        String environment,
        String serviceName,
        boolean leaderElection,
        Optional<String> watchedNode,
        KubeStateSettings kubeState,
        Set<String> kubeStateResources,
        boolean shardFromStatefulSet,
        ForwardingSettings forwarding,
        AuthSettings auth,
        CadvisorSettings cadvisor,
        // HTTPS and request limits.
        TlsSettings tls,
        LimitSettings limits) {

    /**
     * @throws ConfigException naming the first setting whose value cannot be used
     */
    public static AgentConfig fromMap(Map<String, String> env, List<String> args) {
        SettingValues values = new SettingValues(env, args);
        return new AgentConfig(
                values.integer(Setting.PORT, 0, 65535),
                values.oneOf(Setting.LOG_LEVEL, "debug", "info", "warn", "error"),
                values.oneOf(Setting.LOG_FORMAT, "json", "text"),
                values.duration(Setting.K8S_TIMEOUT),
                values.duration(Setting.READ_TIMEOUT),
                values.duration(Setting.WRITE_TIMEOUT),
                values.duration(Setting.REQUEST_TIMEOUT),
                values.integer(Setting.POD_RESTART_THRESHOLD, 0, Integer.MAX_VALUE),
                values.integer(Setting.RESPONSE_CACHE_SIZE, 0, 64 * 1024) * 1024L * 1024L,
                values.existingFile(Setting.CLUSTER_SNAPSHOT),
                values.instant(Setting.ANALYSIS_TIME),
                values.text(Setting.KUBE_CONTEXT),
                values.duration(Setting.METRICS_REFRESH_INTERVAL),
                values.duration(Setting.INFORMER_SYNC_TIMEOUT),
                values.duration(Setting.WATCH_GRACE_PERIOD),
                values.duration(Setting.DRAIN_PERIOD),
                values.duration(Setting.SHUTDOWN_TIMEOUT),
                values.duration(Setting.POLL_INTERVAL),
                detection(values),
                values.bool(Setting.PUBLISH_RESOLVED),
                publishing(values),
                values.text(Setting.CLUSTER_NAME).orElse("default"),
                values.text(Setting.ENVIRONMENT).orElse("production"),
                values.text(Setting.SERVICE_NAME).orElse("cluster-agent"),
                leaderElection(values, env),
                watchedNode(values),
                KubeStateSettings.from(values),
                KubeStateResources.read(values),
                shardFromStatefulSet(values),
                ForwardingSettings.from(
                        values, values.text(Setting.CLUSTER_SNAPSHOT).isPresent()),
                AuthSettings.from(values, env),
                CadvisorSettings.from(values),
                TlsSettings.read(values),
                LimitSettings.read(values));
    }

    private static DetectorSettings detection(SettingValues values) {
        return new DetectorSettings(
                values.positiveNumber(Setting.CPU_THRESHOLD),
                values.integer(Setting.CPU_WINDOW, 1, 1000),
                values.integer(Setting.MEMORY_THRESHOLD_PERCENT, 1, 100),
                values.integer(Setting.POD_RESTART_THRESHOLD, 0, Integer.MAX_VALUE),
                values.duration(Setting.PENDING_THRESHOLD),
                values.integer(Setting.BURST_THRESHOLD, 1, Integer.MAX_VALUE),
                values.duration(Setting.BURST_WINDOW),
                values.duration(Setting.INCIDENT_COOLDOWN),
                values.list(Setting.PLATFORM_NAMESPACES),
                values.text(Setting.NODE_NAME));
    }

    private static PublishSettings publishing(SettingValues values) {
        PublishSettings defaults = PublishSettings.defaults();
        return new PublishSettings(
                values.httpUrl(Setting.EVENT_SINK_URL),
                values.duration(Setting.EVENT_TIMEOUT),
                values.integer(Setting.PUBLISH_CONCURRENCY, 1, 1024),
                Path.of(values.text(Setting.SPOOL_DIR).orElse("spool")),
                defaults.spoolMaxEntries(),
                defaults.retryBase(),
                defaults.retryCap());
    }

    /**
     * kube-state-metrics' automatic sharding ({@code --pod}, {@code --pod-namespace}) reads the pod's StatefulSet,
     * which a dump does not have; and a shard set by hand as well would be silently overruled.
     */
    private static boolean shardFromStatefulSet(SettingValues values) {
        boolean fromStatefulSet = values.bool(Setting.SHARD_FROM_STATEFULSET);
        if (fromStatefulSet && values.text(Setting.CLUSTER_SNAPSHOT).isPresent()) {
            throw new ConfigException(
                    Setting.SHARD_FROM_STATEFULSET.env() + " reads this pod's StatefulSet from the live"
                            + " cluster; it cannot be used with " + Setting.CLUSTER_SNAPSHOT.env());
        }
        if (fromStatefulSet
                && (values.integer(Setting.SHARD, 0, Integer.MAX_VALUE) != 0
                        || values.integer(Setting.TOTAL_SHARDS, 1, Integer.MAX_VALUE) != 1)) {
            throw new ConfigException(Setting.SHARD_FROM_STATEFULSET.env() + " reads " + Setting.SHARD.env() + " and "
                    + Setting.TOTAL_SHARDS.env() + " from this pod's StatefulSet; leave them unset");
        }
        return fromStatefulSet;
    }

    /**
     * The node a {@code WATCH_SCOPE=node} agent is confined to. A dump is read whole, so the scope, which
     * exists to keep the rest of a live cluster out of memory, is refused there rather than half applied.
     */
    private static Optional<String> watchedNode(SettingValues values) {
        if (values.oneOf(Setting.WATCH_SCOPE, "cluster", "node").equals("cluster")) {
            return Optional.empty();
        }
        if (values.text(Setting.CLUSTER_SNAPSHOT).isPresent()) {
            throw new ConfigException(Setting.WATCH_SCOPE.env() + "=node narrows the watches of a live cluster;"
                    + " it cannot be used with " + Setting.CLUSTER_SNAPSHOT.env());
        }
        return Optional.of(values.text(Setting.NODE_NAME)
                .orElseThrow(() -> new ConfigException(Setting.WATCH_SCOPE.env() + "=node needs "
                        + Setting.NODE_NAME.env() + ", the node to watch (the downward API's spec.nodeName)")));
    }

    /** {@code auto}: elect a leader when running in a cluster (where replicas may run side by side), not elsewhere. */
    private static boolean leaderElection(SettingValues values, Map<String, String> env) {
        String mode = values.oneOf(Setting.LEADER_ELECTION, "auto", "true", "false");
        boolean inCluster = env.containsKey("KUBERNETES_SERVICE_HOST")
                && !values.text(Setting.CLUSTER_SNAPSHOT).isPresent();
        return mode.equals("auto") ? inCluster : Boolean.parseBoolean(mode);
    }

    /** The configuration with every default, for tests and tools that start the agent in-process. */
    public static AgentConfig defaults() {
        return fromMap(Map.of(), List.of());
    }

    public boolean snapshotMode() {
        return snapshot.isPresent();
    }

    /** One readable line for the start-up log: unset optional settings are left out. */
    @Override
    public String toString() {
        return "port=" + port + " logLevel=" + logLevel + " logFormat=" + logFormat
                + " k8sTimeout=" + millis(k8sTimeout) + " readTimeout=" + millis(readTimeout) + " writeTimeout="
                + millis(writeTimeout)
                + " requestTimeout=" + millis(requestTimeout) + " podRestartThreshold=" + podRestartThreshold
                + " responseCacheMiB=" + responseCacheBytes / (1024 * 1024)
                + snapshot.map(path -> " snapshot=" + path).orElse("")
                + analysisTime.map(time -> " now=" + time).orElse("")
                + kubeContext.map(context -> " context=" + context).orElse("")
                + " metricsRefreshInterval=" + millis(metricsRefreshInterval) + " informerSyncTimeout="
                + millis(informerSyncTimeout)
                + " watchGracePeriod=" + millis(watchGracePeriod) + " drainPeriod=" + millis(drainPeriod)
                + " shutdownTimeout=" + millis(shutdownTimeout) + " pollInterval=" + millis(pollInterval)
                + " eventSink=" + publishing.url().map(RedactedUrl::of).orElse("log") + " spoolDir="
                + publishing.spoolDir()
                + detection.nodeName().map(node -> " node=" + node).orElse("")
                + watchedNode.map(node -> " watchScope=node:" + node).orElse("")
                + " clusterName=" + clusterName + " environment=" + environment + " leaderElection=" + leaderElection
                + " kubeState=[" + kubeState + (shardFromStatefulSet ? " shardFromStatefulSet" : "") + "]"
                + " kubeStateResources="
                + (kubeStateResources.isEmpty() ? "none" : String.join(",", kubeStateResources))
                + " eventForwarding=" + forwarding
                + " auth=[" + auth + "]"
                + " cadvisor=[" + cadvisor + "]"
                + " tls=[" + tls + "] limits=[" + limits + "]";
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /** The flags and variables, for {@code --help}. */
    public static String usage() {
        StringBuilder text = new StringBuilder(
                "Usage: java -jar cluster-agent.jar [flags]\n\nEvery flag can also be set by its environment variable.\n\n");
        for (Setting setting : Setting.values()) {
            text.append(String.format(
                    "  %-28s %-26s default %-6s %s (%s)%n",
                    setting.flag(),
                    setting.env(),
                    setting.defaultValue().isEmpty() ? "-" : setting.defaultValue(),
                    setting.description(),
                    setting.accepted()));
        }
        return text.toString();
    }
}
