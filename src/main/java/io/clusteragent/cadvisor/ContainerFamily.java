package io.clusteragent.cadvisor;

/**
 * The families of {@code /metrics/cadvisor}, as cAdvisor declares them ({@code lib/metrics/prometheus.go}:
 * name, help, counter or gauge, extra label) and kubelet serves them. Declared in name order, which is the order
 * the Prometheus client writes families in. The spec families ({@code container_spec_*}) carry no timestamp, the
 * stats families the time of the reading, as cAdvisor's collector writes them.
 */
enum ContainerFamily {
    CPU_CFS_PERIODS("container_cpu_cfs_periods_total", true, "Number of elapsed enforcement period intervals."),
    CPU_CFS_THROTTLED_PERIODS(
            "container_cpu_cfs_throttled_periods_total", true, "Number of throttled period intervals."),
    CPU_CFS_THROTTLED_SECONDS(
            "container_cpu_cfs_throttled_seconds_total", true, "Total time duration the container has been throttled."),
    CPU_SYSTEM_SECONDS("container_cpu_system_seconds_total", true, "Cumulative system cpu time consumed in seconds."),
    CPU_USAGE_SECONDS("container_cpu_usage_seconds_total", true, "Cumulative cpu time consumed in seconds.", "cpu"),
    CPU_USER_SECONDS("container_cpu_user_seconds_total", true, "Cumulative user cpu time consumed in seconds."),
    FS_READS_BYTES("container_fs_reads_bytes_total", true, "Cumulative count of bytes read", "device"),
    FS_READS("container_fs_reads_total", true, "Cumulative count of reads completed", "device"),
    FS_WRITES_BYTES("container_fs_writes_bytes_total", true, "Cumulative count of bytes written", "device"),
    FS_WRITES("container_fs_writes_total", true, "Cumulative count of writes completed", "device"),
    MEMORY_CACHE("container_memory_cache", false, "Number of bytes of page cache memory."),
    MEMORY_FAILCNT("container_memory_failcnt", true, "Number of memory usage hits limits"),
    MEMORY_MAX_USAGE("container_memory_max_usage_bytes", false, "Maximum memory usage recorded in bytes"),
    MEMORY_RSS("container_memory_rss", false, "Size of RSS in bytes."),
    MEMORY_SWAP("container_memory_swap", false, "Container swap usage in bytes."),
    MEMORY_USAGE(
            "container_memory_usage_bytes",
            false,
            "Current memory usage in bytes, including all memory regardless of when it was accessed"),
    MEMORY_WORKING_SET("container_memory_working_set_bytes", false, "Current working set in bytes."),
    NETWORK_RECEIVE_BYTES(
            "container_network_receive_bytes_total", true, "Cumulative count of bytes received", "interface"),
    NETWORK_RECEIVE_ERRORS(
            "container_network_receive_errors_total",
            true,
            "Cumulative count of errors encountered while receiving",
            "interface"),
    NETWORK_RECEIVE_PACKETS_DROPPED(
            "container_network_receive_packets_dropped_total",
            true,
            "Cumulative count of packets dropped while receiving",
            "interface"),
    NETWORK_RECEIVE_PACKETS(
            "container_network_receive_packets_total", true, "Cumulative count of packets received", "interface"),
    NETWORK_TRANSMIT_BYTES(
            "container_network_transmit_bytes_total", true, "Cumulative count of bytes transmitted", "interface"),
    NETWORK_TRANSMIT_ERRORS(
            "container_network_transmit_errors_total",
            true,
            "Cumulative count of errors encountered while transmitting",
            "interface"),
    NETWORK_TRANSMIT_PACKETS_DROPPED(
            "container_network_transmit_packets_dropped_total",
            true,
            "Cumulative count of packets dropped while transmitting",
            "interface"),
    NETWORK_TRANSMIT_PACKETS(
            "container_network_transmit_packets_total", true, "Cumulative count of packets transmitted", "interface"),
    OOM_EVENTS("container_oom_events_total", true, "Count of out of memory events observed for the container"),
    PRESSURE_CPU_STALLED(
            "container_pressure_cpu_stalled_seconds_total",
            true,
            "Total time duration no tasks in the container could make progress due to CPU congestion."),
    PRESSURE_CPU_WAITING(
            "container_pressure_cpu_waiting_seconds_total",
            true,
            "Total time duration tasks in the container have waited due to CPU congestion."),
    PRESSURE_IO_STALLED(
            "container_pressure_io_stalled_seconds_total",
            true,
            "Total time duration no tasks in the container could make progress due to IO congestion."),
    PRESSURE_IO_WAITING(
            "container_pressure_io_waiting_seconds_total",
            true,
            "Total time duration tasks in the container have waited due to IO congestion."),
    PRESSURE_MEMORY_STALLED(
            "container_pressure_memory_stalled_seconds_total",
            true,
            "Total time duration no tasks in the container could make progress due to memory congestion."),
    PRESSURE_MEMORY_WAITING(
            "container_pressure_memory_waiting_seconds_total",
            true,
            "Total time duration tasks in the container have waited due to memory congestion."),
    SPEC_CPU_PERIOD("container_spec_cpu_period", false, "CPU period of the container."),
    SPEC_CPU_QUOTA("container_spec_cpu_quota", false, "CPU quota of the container."),
    SPEC_CPU_SHARES("container_spec_cpu_shares", false, "CPU share of the container."),
    SPEC_MEMORY_LIMIT("container_spec_memory_limit_bytes", false, "Memory limit for the container.");

    private final String metricName;
    private final boolean counter;
    private final String help;
    private final String extraLabel;

    ContainerFamily(String metricName, boolean counter, String help) {
        this(metricName, counter, help, null);
    }

    ContainerFamily(String metricName, boolean counter, String help, String extraLabel) {
        this.metricName = metricName;
        this.counter = counter;
        this.help = help;
        this.extraLabel = extraLabel;
    }

    String metricName() {
        return metricName;
    }

    /** The label a family adds to the six of every series ({@code cpu}, {@code device}, {@code interface}); or null. */
    String extraLabel() {
        return extraLabel;
    }

    /** cAdvisor writes the spec families without a timestamp ({@code collectContainersInfo}). */
    boolean timestamped() {
        return !metricName.startsWith("container_spec_");
    }

    String header() {
        return "# HELP " + metricName + " " + help + "\n# TYPE " + metricName + " " + (counter ? "counter" : "gauge")
                + "\n";
    }
}
