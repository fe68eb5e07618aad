package io.clusteragent.config;

import java.util.List;

/**
 * Every setting the agent reads: its environment variable, command-line flag, default, accepted
 * form and meaning. This enum is the only list; the README's configuration table mirrors it.
 */
public enum Setting {
    PORT(
            "PORT",
            List.of("HTTP_PORT"),
            "--port",
            "8080",
            "integer 0-65535",
            "HTTP port for the API, probes and /metrics (0 picks a free port)"),
    LOG_LEVEL("LOG_LEVEL", "--log-level", "info", "debug | info | warn | error", "Minimum level of log lines"),
    LOG_FORMAT("LOG_FORMAT", "--log-format", "json", "json | text", "JSON lines for log pipelines, text for humans"),
    K8S_TIMEOUT(
            "K8S_TIMEOUT",
            "--k8s-timeout",
            "30s",
            "duration",
            "Timeout of each Kubernetes API call (informer lists, metrics reads)"),
    READ_TIMEOUT(
            "READ_TIMEOUT",
            "--read-timeout",
            "10s",
            "duration",
            "A client connection must send each request head within this long of opening or of its previous answer, and is closed otherwise"),
    WRITE_TIMEOUT(
            "WRITE_TIMEOUT",
            "--write-timeout",
            "10s",
            "duration",
            "Closes a client connection that accepts nothing written for this long"),
    REQUEST_TIMEOUT(
            "REQUEST_TIMEOUT",
            "--request-timeout",
            "500ms",
            "duration",
            "Budget of each /api request; past it the answer is 504 REQUEST_TIMEOUT"),
    POD_RESTART_THRESHOLD(
            "POD_RESTART_THRESHOLD",
            "--pod-restart-threshold",
            "5",
            "integer >= 0",
            "Restarts above which namespace analysis reports HighRestarts"),
    RESPONSE_CACHE_SIZE(
            "RESPONSE_CACHE_SIZE",
            "--response-cache-size",
            "64",
            "integer >= 0 (MiB)",
            "Memory for answers kept until the cluster changes; 0 turns the cache off"),
    CLUSTER_SNAPSHOT(
            "CLUSTER_SNAPSHOT",
            "--snapshot",
            "",
            "file path",
            "Serve a cluster dump (kubectl get ... -o yaml|json) instead of a live cluster"),
    ANALYSIS_TIME(
            "ANALYSIS_TIME",
            "--now",
            "",
            "RFC 3339 time",
            "Fixed analysis clock, for reading a dump as of when it was taken; the wall clock otherwise"),
    KUBE_CONTEXT(
            "KUBE_CONTEXT", "--context", "", "context name", "kubeconfig context to use instead of the current one"),
    METRICS_REFRESH_INTERVAL(
            "METRICS_REFRESH_INTERVAL",
            "--metrics-refresh-interval",
            "30s",
            "duration",
            "How often node and pod metrics are read from metrics.k8s.io"),
    INFORMER_SYNC_TIMEOUT(
            "INFORMER_SYNC_TIMEOUT",
            "--informer-sync-timeout",
            "2m",
            "duration",
            "How long start-up waits for the initial list of every watched resource before failing"),
    WATCH_GRACE_PERIOD(
            "WATCH_GRACE_PERIOD",
            "--watch-grace-period",
            "30s",
            "duration",
            "How long a watch may stay down (reconnecting) before /readyz and /api answer 503"),
    DRAIN_PERIOD(
            "DRAIN_PERIOD",
            "--drain-period",
            "5s",
            "duration",
            "On SIGTERM, how long the API keeps serving with /readyz at 503 while load balancers stop sending to it"),
    SHUTDOWN_TIMEOUT(
            "SHUTDOWN_TIMEOUT",
            "--shutdown-timeout",
            "10s",
            "duration",
            "After the drain, how long in-flight requests and the stop of detection and publishing may take"),
    POLL_INTERVAL(
            "POLL_INTERVAL",
            "--poll-interval",
            "30s",
            "duration",
            "How often detectors run over the cache and the latest metrics"),
    CPU_THRESHOLD(
            "CPU_THRESHOLD",
            "--cpu-threshold",
            "50.0",
            "number > 0 (millicores)",
            "cpu_spike fires when a pod's average CPU usage is above this"),
    CPU_WINDOW("CPU_WINDOW", "--cpu-window", "3", "integer >= 1", "Metrics samples averaged by cpu_spike"),
    MEMORY_THRESHOLD_PERCENT(
            "MEMORY_THRESHOLD_PERCENT",
            "--memory-threshold-percent",
            "90",
            "integer 1-100",
            "memory_high fires when a container's working set reaches this share of its memory limit"),
    PENDING_THRESHOLD(
            "PENDING_THRESHOLD",
            "--pending-threshold",
            "5m",
            "duration",
            "pod_pending fires for pods unschedulable longer than this"),
    BURST_THRESHOLD(
            "BURST_THRESHOLD",
            "--burst-threshold",
            "10",
            "integer >= 1",
            "event_burst fires at this many Warning events of one reason for one object within BURST_WINDOW"),
    BURST_WINDOW("BURST_WINDOW", "--burst-window", "5m", "duration", "Window of event_burst"),
    INCIDENT_COOLDOWN(
            "INCIDENT_COOLDOWN",
            "--incident-cooldown",
            "30m",
            "duration",
            "A persisting incident is published again after this long (or at once when its severity rises)"),
    PUBLISH_RESOLVED(
            "PUBLISH_RESOLVED",
            "--publish-resolved",
            "true",
            "true | false",
            "Publish a resolved notification when a condition clears"),
    PLATFORM_NAMESPACES(
            "PLATFORM_NAMESPACES",
            "--platform-namespaces",
            "kube-system,kube-public,kube-node-lease,*-system",
            "comma-separated globs",
            "Namespaces whose incidents are classified Platform (the rest are Customer)"),
    EVENT_SINK_URL(
            "EVENT_SINK_URL",
            "--event-sink-url",
            "",
            "http(s) URL",
            "Agent Service endpoint incidents are POSTed to; unset, incidents are written to the log"),
    EVENT_TIMEOUT("EVENT_TIMEOUT", "--event-timeout", "180s", "duration", "Timeout of one POST to the Agent Service"),
    PUBLISH_CONCURRENCY(
            "PUBLISH_CONCURRENCY",
            "--publish-concurrency",
            "4",
            "integer >= 1",
            "POSTs in flight to the Agent Service at most"),
    SPOOL_DIR(
            "SPOOL_DIR",
            "--spool-dir",
            "spool",
            "directory path",
            "Where incidents wait until the Agent Service has accepted them; survives restarts"),
    CLUSTER_NAME("CLUSTER_NAME", "--cluster-name", "default", "text", "Cluster id in incident metadata (cluster_id)"),
    ENVIRONMENT("ENVIRONMENT", "--environment", "production", "text", "Environment in incident metadata"),
    SERVICE_NAME(
            "SERVICE_NAME",
            "--service-name",
            "cluster-agent",
            "text",
            "Source of incidents (the payload's source field)"),
    NODE_NAME(
            "NODE_NAME",
            "--node-name",
            "",
            "node name",
            "Scope detectors to this node and its pods (one agent per node, as a DaemonSet)"),
    WATCH_SCOPE(
            "WATCH_SCOPE",
            "--watch-scope",
            "cluster",
            "cluster | node",
            "node: watch only the Node NODE_NAME names and the pods bound to it (one agent per node), so the rest of"
                    + " the cluster never reaches memory; the API, detectors and metrics then cover that node only"),
    LEADER_ELECTION(
            "LEADER_ELECTION",
            "--leader-election",
            "auto",
            "auto | true | false",
            "Run detectors only on the replica holding the Lease; auto is on in a cluster, off elsewhere"),
    // The kube-state-metrics-compatible families (/metrics/kubestate), with kube-state-metrics' flag names and syntax.
    METRIC_ALLOWLIST(
            "METRIC_ALLOWLIST",
            "--metric-allowlist",
            "",
            "comma-separated family names or regexes",
            "Only these kubestate families are served; exclusive with METRIC_DENYLIST"),
    METRIC_DENYLIST(
            "METRIC_DENYLIST",
            "--metric-denylist",
            "",
            "comma-separated family names or regexes",
            "These kubestate families are not served; exclusive with METRIC_ALLOWLIST"),
    METRIC_OPT_IN_LIST(
            "METRIC_OPT_IN_LIST",
            "--metric-opt-in-list",
            "",
            "comma-separated family names or regexes",
            "Opt-in kubestate families to serve, such as kube_pod_nodeselectors"),
    METRIC_LABELS_ALLOWLIST(
            "METRIC_LABELS_ALLOWLIST",
            "--metric-labels-allowlist",
            "",
            "resource=[key,...],... such as pods=[app,team],namespaces=[*]",
            "Kubernetes label keys the kube_<kind>_labels families carry, per resource"),
    METRIC_ANNOTATIONS_ALLOWLIST(
            "METRIC_ANNOTATIONS_ALLOWLIST",
            "--metric-annotations-allowlist",
            "",
            "resource=[key,...],... such as pods=[app,team],namespaces=[*]",
            "Annotation keys the kube_<kind>_annotations families carry, per resource"),
    NAMESPACES(
            "NAMESPACES",
            "--namespaces",
            "",
            "comma-separated namespaces",
            "Only objects of these namespaces appear in the kubestate families; all when empty"),
    NAMESPACES_DENYLIST(
            "NAMESPACES_DENYLIST",
            "--namespaces-denylist",
            "",
            "comma-separated namespaces",
            "Objects of these namespaces do not appear in the kubestate families"),
    SHARD("SHARD", "--shard", "0", "integer >= 0, below TOTAL_SHARDS", "This replica's shard of the kubestate objects"),
    TOTAL_SHARDS(
            "TOTAL_SHARDS",
            "--total-shards",
            "1",
            "integer >= 1",
            "Replicas the kubestate objects are split between (by UID); 1 serves every object"),
    SHARD_FROM_STATEFULSET(
            "SHARD_FROM_STATEFULSET",
            "--shard-from-statefulset",
            "false",
            "true | false",
            "Read the shard and total shards at start from this pod's ordinal and its StatefulSet's replicas (live cluster only; exclusive with SHARD and TOTAL_SHARDS)"),
    KUBE_STATE_RESOURCES(
            "KUBE_STATE_RESOURCES",
            "--kube-state-resources",
            KubeStateResources.DEFAULT,
            "comma-separated kube-state-metrics resource names (" + String.join(", ", KubeStateResources.ALL)
                    + "), or empty for none",
            "Resources kube-state metrics report on, each watched only when listed; secrets as metadata only"),
    // Forwarding Kubernetes Event occurrences to Kafka (io.clusteragent.forwarding, README "Forwarding events to
    // Kafka").
    EVENT_FORWARDING(
            "EVENT_FORWARDING",
            "--event-forwarding",
            "off",
            "off | kafka",
            "Forward Event occurrences (count increases) to Kafka from the leader; needs the live cluster"),
    // Kafka, shared by the event forwarder and the fleet analyzer (`cluster-agent fleet`).
    KAFKA_BOOTSTRAP_SERVERS(
            "KAFKA_BOOTSTRAP_SERVERS",
            "--kafka-bootstrap-servers",
            "",
            "comma-separated host:port",
            "Kafka brokers: where the leader forwards events (required with EVENT_FORWARDING=kafka) and what `fleet` reads (required)"),
    KAFKA_TOPIC_EVENTS(
            "KAFKA_TOPIC_EVENTS",
            "--kafka-topic-events",
            "k8s.events",
            "topic name",
            "Topic of the event records (docs/event-records.md), keyed by cluster id (CLUSTER_NAME)"),
    KAFKA_SECURITY_PROTOCOL(
            "KAFKA_SECURITY_PROTOCOL",
            "--kafka-security-protocol",
            "PLAINTEXT",
            "PLAINTEXT | SSL | SASL_PLAINTEXT | SASL_SSL",
            "Kafka's security.protocol"),
    KAFKA_SASL_MECHANISM(
            "KAFKA_SASL_MECHANISM",
            "--kafka-sasl-mechanism",
            "",
            "SASL mechanism (PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER, ...)",
            "Kafka's sasl.mechanism, for the SASL protocols"),
    KAFKA_SASL_JAAS_CONFIG(
            "KAFKA_SASL_JAAS_CONFIG",
            "--kafka-sasl-jaas-config",
            "",
            "JAAS login module line",
            "Kafka's sasl.jaas.config; a secret, never logged: set it from a Secret"),
    KAFKA_PROPERTIES_FILE(
            "KAFKA_PROPERTIES_FILE",
            "--kafka-properties-file",
            "",
            "file path (Java properties)",
            "More Kafka producer properties (TLS stores, timeouts); the settings above and the delivery guarantees win"),
    EVENT_NORMAL_ALLOWLIST(
            "EVENT_NORMAL_ALLOWLIST",
            "--event-normal-allowlist",
            "NodeReady,NodeNotReady,NodeNotSchedulable,NodeSchedulable,NodeHasDiskPressure,NodeHasInsufficientMemory,NodeHasInsufficientPID,RegisteredNode,RemovingNode,Rebooted,Killing,Preempted",
            "comma-separated reasons",
            "Normal events of these reasons are forwarded; other Normal events are not"),
    EVENT_CATEGORY_RULES(
            "EVENT_CATEGORY_RULES",
            "--event-category-rules",
            "",
            "rules separated by ; such as Platform:namespaceLabel.tier=infra;platform-namespaces;Customer:namespace~tenant-.*",
            "Ordered Platform/Customer rules over namespace, namespaceLabel.<key> and controller; first match wins, unmatched is Customer"),
    EVENT_RATE_LIMIT_PER_REASON(
            "EVENT_RATE_LIMIT_PER_REASON",
            "--event-rate-limit-per-reason",
            "30/1m",
            "count/duration",
            "Event records per namespace and reason: a burst of count, refilled at count per duration"),
    EVENT_RATE_LIMIT_GLOBAL(
            "EVENT_RATE_LIMIT_GLOBAL",
            "--event-rate-limit-global",
            "200/1s",
            "count/duration",
            "Event records of the whole cluster: a burst of count, refilled at count per duration"),
    EVENT_RATE_LIMIT_SUMMARY_INTERVAL(
            "EVENT_RATE_LIMIT_SUMMARY_INTERVAL",
            "--event-rate-limit-summary-interval",
            "1m",
            "duration",
            "How often one summary record per namespace and reason counts what the rate limits held back"),
    EVENT_HEARTBEAT_INTERVAL(
            "EVENT_HEARTBEAT_INTERVAL",
            "--event-heartbeat-interval",
            "30s",
            "duration",
            "How often the leader sends a heartbeat record, so windows close on quiet partitions"),
    EVENT_SPOOL_MAX_ENTRIES(
            "EVENT_SPOOL_MAX_ENTRIES",
            "--event-spool-max-entries",
            "20000",
            "integer >= 1",
            "Event records kept on disk (SPOOL_DIR/events) while Kafka is away; past it the oldest are dropped and counted"),
    EVENT_CHECKPOINT_INTERVAL(
            "EVENT_CHECKPOINT_INTERVAL",
            "--event-checkpoint-interval",
            "5s",
            "duration",
            "How often the leader records what it has forwarded, in ConfigMap cluster-agent-event-forwarding"),
    // Who may call the API: Kubernetes-delegated authentication (TokenReview) and authorization (SubjectAccessReview).
    AUTH_MODE(
            "AUTH_MODE",
            "--auth-mode",
            "auto",
            "auto | kubernetes | none",
            "kubernetes: callers present a bearer token or client certificate and need RBAC for each route; auto is kubernetes in a cluster and none with a snapshot or outside a cluster"),
    AUTH_AUDIENCES(
            "AUTH_AUDIENCES",
            "--auth-audiences",
            "",
            "comma-separated audiences",
            "Audiences a bearer token must be issued for; empty accepts the API server's own"),
    AUTH_CACHE_ALLOWED_TTL(
            "AUTH_CACHE_ALLOWED_TTL",
            "--auth-cache-allowed-ttl",
            "1m",
            "duration",
            "How long an accepted token and an allowed access review are reused"),
    AUTH_CACHE_DENIED_TTL(
            "AUTH_CACHE_DENIED_TTL",
            "--auth-cache-denied-ttl",
            "10s",
            "duration",
            "How long a rejected token and a denied access review are reused"),
    AUTH_CACHE_SIZE(
            "AUTH_CACHE_SIZE",
            "--auth-cache-size",
            "10000",
            "integer >= 1",
            "Token reviews and access decisions kept at most, each"),
    AUTH_REVIEW_TIMEOUT(
            "AUTH_REVIEW_TIMEOUT",
            "--auth-review-timeout",
            "5s",
            "duration",
            "Longest wait for one token or access review (K8S_TIMEOUT if shorter); past it the answer is 503"),
    RATE_LIMIT_PER_USER(
            "RATE_LIMIT_PER_USER",
            "--rate-limit-per-user",
            "0",
            "integer >= 0 (requests per second)",
            "Requests per second each caller may make (each authenticated user; with AUTH_MODE=none, each client"
                    + " address), past which the answer is 429, held back a second; 0 turns it off"),
    // The fleet analyzer (`cluster-agent fleet`), beside the KAFKA_* settings above.
    FLEET_APPLICATION_ID(
            "FLEET_APPLICATION_ID",
            "--fleet-application-id",
            "cluster-agent-fleet",
            "text",
            "Kafka Streams application id: instances sharing it share the work; prefixes internal topics"),
    FLEET_RULES_FILE(
            "FLEET_RULES_FILE",
            "--fleet-rules-file",
            "",
            "file path (YAML or JSON)",
            "Anomaly rules of `fleet` (docs/anomaly-records.md); the built-in rules when unset"),
    FLEET_TOPIC_ANOMALIES(
            "FLEET_TOPIC_ANOMALIES",
            "--fleet-topic-anomalies",
            "telemetry.anomalies",
            "topic name",
            "Where `fleet` writes every anomaly"),
    FLEET_TOPIC_PLATFORM(
            "FLEET_TOPIC_PLATFORM",
            "--fleet-topic-platform",
            "telemetry.anomalies.platform",
            "topic name",
            "Where `fleet` also writes Platform anomalies"),
    FLEET_TOPIC_CUSTOMER(
            "FLEET_TOPIC_CUSTOMER",
            "--fleet-topic-customer",
            "telemetry.anomalies.customer",
            "topic name",
            "Where `fleet` also writes Customer anomalies"),
    FLEET_STATE_DIR(
            "FLEET_STATE_DIR",
            "--fleet-state-dir",
            "",
            "directory path",
            "Kafka Streams' state directory (locks and checkpoints; windows are in memory); <tmpdir>/kafka-streams when unset"),
    FLEET_STREAM_THREADS(
            "FLEET_STREAM_THREADS",
            "--fleet-stream-threads",
            "1",
            "integer 1-64",
            "Stream threads of one `fleet` instance"),
    FLEET_AGENT_SERVICE_URL(
            "FLEET_AGENT_SERVICE_URL",
            "--fleet-agent-service-url",
            "",
            "http(s) URL",
            "Agent Service endpoint `fleet` also POSTs every anomaly to (as incidents are, EVENT_TIMEOUT and PUBLISH_CONCURRENCY apply); unset, anomalies stay on Kafka"),
    FLEET_SPOOL_DIR(
            "FLEET_SPOOL_DIR",
            "--fleet-spool-dir",
            "fleet-spool",
            "directory path",
            "Where anomalies wait until the Agent Service has accepted them (with FLEET_AGENT_SERVICE_URL); survives restarts"),
    // The kubelet-compatible container families (/metrics/cadvisor), read from this node's cgroups (DaemonSet mode).
    CGROUP_ROOT(
            "CGROUP_ROOT",
            "--cgroup-root",
            "/sys/fs/cgroup",
            "directory path",
            "The node's cgroup file system; /metrics/cadvisor is served when it is readable and NODE_NAME is set"),
    PROC_ROOT(
            "PROC_ROOT",
            "--proc-root",
            "/proc",
            "directory path",
            "The node's /proc, for each pod's network counters (/proc/<pid>/net/dev of its sandbox)"),
    CADVISOR_INTERVAL(
            "CADVISOR_INTERVAL",
            "--cadvisor-interval",
            "10s",
            "duration",
            "How often the container families of /metrics/cadvisor are read from the cgroups"),
    // HTTPS and the limits that keep one abusive caller from starving the others (TlsSettings, LimitSettings).
    TLS_CERT_FILE(
            "TLS_CERT_FILE",
            "--tls-cert-file",
            "",
            "PEM file path",
            "Serve HTTPS only, with this certificate chain (leaf first); reloaded when it changes; needs TLS_KEY_FILE"),
    TLS_KEY_FILE(
            "TLS_KEY_FILE",
            "--tls-key-file",
            "",
            "PEM file path (PKCS#8, PKCS#1 or SEC1)",
            "Private key of TLS_CERT_FILE; reloaded with it"),
    TLS_CLIENT_CA_FILE(
            "TLS_CLIENT_CA_FILE",
            "--tls-client-ca-file",
            "",
            "PEM file path",
            "Ask clients for a certificate and accept only those issued by these CAs (a client without one still connects); needs TLS_CERT_FILE"),
    TLS_RELOAD_INTERVAL(
            "TLS_RELOAD_INTERVAL",
            "--tls-reload-interval",
            "10s",
            "duration",
            "How often the TLS files are read for a new certificate, key or client CA"),
    MAX_CONCURRENT_REQUESTS(
            "MAX_CONCURRENT_REQUESTS",
            "--max-concurrent-requests",
            "512",
            "integer >= 1",
            "Requests in flight at once across the agent; beyond it 503 SERVICE_UNAVAILABLE with Retry-After (probes exempt)"),
    MAX_HEADER_SIZE(
            "MAX_HEADER_SIZE",
            "--max-header-size",
            "8192",
            "integer 1024-1048576 (bytes)",
            "Largest request header block accepted; larger gets 431 HEADERS_TOO_LARGE"),
    MAX_URL_LENGTH(
            "MAX_URL_LENGTH",
            "--max-url-length",
            "4096",
            "integer 256-1048576 (bytes)",
            "Longest request line (method, URL, version) accepted; longer gets 414 URI_TOO_LONG");

    private final String env;
    private final List<String> aliases;
    private final String flag;
    private final String defaultValue;
    private final String accepted;
    private final String description;

    Setting(String env, String flag, String defaultValue, String accepted, String description) {
        this(env, List.of(), flag, defaultValue, accepted, description);
    }

    Setting(String env, List<String> aliases, String flag, String defaultValue, String accepted, String description) {
        this.env = env;
        this.aliases = aliases;
        this.flag = flag;
        this.defaultValue = defaultValue;
        this.accepted = accepted;
        this.description = description;
    }

    public String env() {
        return env;
    }

    public List<String> aliases() {
        return aliases;
    }

    public String flag() {
        return flag;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String accepted() {
        return accepted;
    }

    public String description() {
        return description;
    }
}
