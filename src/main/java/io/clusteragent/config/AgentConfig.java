package io.clusteragent.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        Duration shutdownTimeout) {

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
                values.duration(Setting.SHUTDOWN_TIMEOUT));
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
                + " k8sTimeout=" + millis(k8sTimeout) + " readTimeout=" + millis(readTimeout) + " writeTimeout=" + millis(writeTimeout)
                + " requestTimeout=" + millis(requestTimeout) + " podRestartThreshold=" + podRestartThreshold
                + " responseCacheMiB=" + responseCacheBytes / (1024 * 1024)
                + snapshot.map(path -> " snapshot=" + path).orElse("")
                + analysisTime.map(time -> " now=" + time).orElse("")
                + kubeContext.map(context -> " context=" + context).orElse("")
                + " metricsRefreshInterval=" + millis(metricsRefreshInterval) + " informerSyncTimeout=" + millis(informerSyncTimeout)
                + " shutdownTimeout=" + millis(shutdownTimeout);
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /** The flags and variables, for {@code --help}. */
    public static String usage() {
        StringBuilder text = new StringBuilder("Usage: java -jar cluster-agent.jar [flags]\n\nEvery flag can also be set by its environment variable.\n\n");
        for (Setting setting : Setting.values()) {
            text.append(String.format("  %-28s %-26s default %-6s %s (%s)%n", setting.flag(), setting.env(),
                    setting.defaultValue().isEmpty() ? "-" : setting.defaultValue(), setting.description(), setting.accepted()));
        }
        return text.toString();
    }
}
