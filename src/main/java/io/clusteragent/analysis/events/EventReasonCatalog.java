package io.clusteragent.analysis.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static io.clusteragent.analysis.events.EventCategory.Configuration;
import static io.clusteragent.analysis.events.EventCategory.ContainerCrash;
import static io.clusteragent.analysis.events.EventCategory.ImagePull;
import static io.clusteragent.analysis.events.EventCategory.Lifecycle;
import static io.clusteragent.analysis.events.EventCategory.Network;
import static io.clusteragent.analysis.events.EventCategory.Node;
import static io.clusteragent.analysis.events.EventCategory.Other;
import static io.clusteragent.analysis.events.EventCategory.Probe;
import static io.clusteragent.analysis.events.EventCategory.Resource;
import static io.clusteragent.analysis.events.EventCategory.Scheduling;
import static io.clusteragent.analysis.events.EventCategory.Volume;
import static io.clusteragent.analysis.events.Severity.CRITICAL;
import static io.clusteragent.analysis.events.Severity.INFO;
import static io.clusteragent.analysis.events.Severity.WARNING;

/**
 * What an event reason means: the one table the failure-event endpoint and the detectors share.
 *
 * <p>A reason is matched exactly, never as a substring: {@code ImagePullBackOff} contains
 * {@code BackOff} but is its own entry. Some reasons are shared by unrelated problems (the
 * kubelet's {@code BackOff} means either a crash loop or an image pull back-off, and its
 * {@code Failed} covers pulls, configuration and start failures), so an entry may also require
 * its message to match a pattern. Entries of one reason are tried in declaration order, the
 * narrow patterns first and the catch-all (no pattern) last, which makes the result the same on
 * every run. Messages in the patterns are the ones the kubelet and controllers write.
 */
public enum EventReasonCatalog {

    // spotless:off: one row per reason, aligned to read as a table
    // Scheduling
    FAILED_SCHEDULING("FailedScheduling", null, Scheduling, CRITICAL,
            "Read the scheduler message: it counts the nodes rejected by each constraint; relax that constraint or add capacity",
            "Insufficient CPU, memory or other resources on every node", "Node selector or node affinity matches no node",
            "Node taints not tolerated by the pod", "Pod affinity, anti-affinity or topology spread constraints cannot be met",
            "PersistentVolumeClaim unbound or bound to a volume in another zone"),
    NODE_AFFINITY_REJECTED("NodeAffinity", null, Scheduling, CRITICAL,
            "Compare the pod's node selector and affinity with the node's current labels",
            "The kubelet rejected the pod because the node's labels no longer match its node selector or affinity"),
    PREEMPTED("Preempted", null, Scheduling, WARNING,
            "Check the pod's PriorityClass and the cluster's spare capacity",
            "A pod with higher priority needed the node's resources", "The pod runs with a low or default priority"),

    // Image pull. Real kubelet reasons are BackOff and Failed (below); the waiting reasons are listed too,
    // because some event writers and exporters use them as event reasons.
    BACK_OFF_PULLING_IMAGE("BackOff", "^Back-off pulling image", ImagePull, CRITICAL,
            "Verify the image name and tag, the registry's reachability and the pod's imagePullSecrets",
            "Image or tag does not exist", "Registry authentication failed or imagePullSecrets missing",
            "Registry unreachable or rate limited"),
    FAILED_PULLING_IMAGE("Failed", "Failed to pull image|ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull",
            ImagePull, CRITICAL,
            "Verify the image name and tag, the registry's reachability and the pod's imagePullSecrets",
            "Image or tag does not exist", "Registry authentication failed or imagePullSecrets missing",
            "Registry unreachable or rate limited"),
    IMAGE_PULL_BACK_OFF("ImagePullBackOff", null, ImagePull, CRITICAL,
            "Verify the image name and tag, the registry's reachability and the pod's imagePullSecrets",
            "Image or tag does not exist", "Registry authentication failed or imagePullSecrets missing",
            "Registry unreachable or rate limited"),
    ERR_IMAGE_PULL("ErrImagePull", null, ImagePull, CRITICAL,
            "Verify the image name and tag, the registry's reachability and the pod's imagePullSecrets",
            "Image or tag does not exist", "Registry authentication failed or imagePullSecrets missing",
            "Registry unreachable"),
    INVALID_IMAGE_NAME("InvalidImageName", null, ImagePull, CRITICAL,
            "Fix the image reference in the pod template",
            "The image reference is malformed (upper-case letters, bad tag or digest)"),
    INSPECT_FAILED("InspectFailed", null, ImagePull, CRITICAL,
            "Fix the image reference in the pod template",
            "The image reference is malformed and could not be parsed", "The container runtime could not inspect the image"),
    ERR_IMAGE_NEVER_PULL("ErrImageNeverPull", null, ImagePull, CRITICAL,
            "Preload the image on the node or change imagePullPolicy from Never",
            "imagePullPolicy is Never and the image is not present on the node"),

    // Container crashes
    BACK_OFF_RESTARTING("BackOff", null, ContainerCrash, CRITICAL,
            "Read the logs of the previous run (kubectl logs --previous) and fix the startup failure",
            "The application exits or crashes soon after starting", "Missing dependency, configuration or environment variable",
            "Command or arguments wrong for the image"),
    CRASH_LOOP_BACK_OFF("CrashLoopBackOff", null, ContainerCrash, CRITICAL,
            "Read the logs of the previous run (kubectl logs --previous) and fix the startup failure",
            "Repeated application crashes", "Startup failure", "Missing configuration"),
    BACKOFF_LIMIT_EXCEEDED("BackoffLimitExceeded", null, ContainerCrash, CRITICAL,
            "Read the logs of the Job's failed pods",
            "The Job's pods failed more often than its backoffLimit allows"),

    // Configuration: the kubelet reports these with reason Failed and the error as message.
    FAILED_CONTAINER_CONFIG("Failed",
            "CreateContainerConfigError|(configmap|secret) \"[^\"]*\" not found|couldn't find key|runAsNonRoot"
                    + "|failed to sync (configmap|secret) cache|failed to prepare subPath",
            Configuration, CRITICAL,
            "Create the missing ConfigMap, Secret or key, or fix the reference in the pod template",
            "A ConfigMap or Secret referenced by env or envFrom does not exist",
            "A referenced key is missing from its ConfigMap or Secret",
            "The security context cannot be satisfied by the image (runAsNonRoot with a root image)"),
    FAILED_TO_START("Failed",
            "failed to (create|start)|RunContainerError|CreateContainerError|executable file not found|OCI runtime",
            ContainerCrash, CRITICAL,
            "Check the container's command, entrypoint and mounts against the image",
            "Command or entrypoint not found in the image", "A mount or device the runtime could not set up",
            "The container runtime failed to create the container"),
    FAILED("Failed", null, Other, WARNING,
            "Read the event message and the kubelet logs on the node",
            "The kubelet failed an operation on the pod's containers"),
    FAILED_VALIDATION("FailedValidation", null, Configuration, CRITICAL,
            "Fix the pod spec named in the message",
            "The kubelet rejected the pod spec"),
    FAILED_CREATE_QUOTA("FailedCreate", "exceeded quota", Resource, CRITICAL,
            "Raise the namespace ResourceQuota or lower the workload's requests",
            "The namespace ResourceQuota does not allow another pod"),
    FAILED_CREATE("FailedCreate", null, Configuration, CRITICAL,
            "Read the message: an admission webhook, PodSecurity or a LimitRange rejected the pod",
            "PodSecurity admission rejected the pod template", "An admission webhook denied or failed the request",
            "LimitRange or ResourceQuota constraints not met", "ServiceAccount missing"),

    // Volumes
    FAILED_ATTACH_VOLUME("FailedAttachVolume", null, Volume, CRITICAL,
            "Check the volume's attachment (VolumeAttachment objects) and the node's availability zone",
            "Volume still attached to another node (Multi-Attach error)", "Volume not found in the cloud provider",
            "Volume and node are in different zones"),
    FAILED_MOUNT("FailedMount", null, Volume, CRITICAL,
            "Check that every volume's source exists and is bound, and read the kubelet message for the failing volume",
            "A ConfigMap, Secret or PersistentVolumeClaim used as a volume does not exist or is not bound",
            "The volume did not attach in time", "Mount permissions or filesystem errors"),
    FAILED_MAP_VOLUME("FailedMapVolume", null, Volume, CRITICAL,
            "Check the block volume's attachment and the CSI driver on the node",
            "A block-mode volume could not be mapped on the node"),
    FAILED_UNMOUNT("FailedUnMount", null, Volume, WARNING,
            "Check the CSI driver on the node; a stuck unmount blocks the volume's next attachment",
            "The volume could not be unmounted from the node"),
    VOLUME_RESIZE_FAILED("VolumeResizeFailed", null, Volume, WARNING,
            "Check that the StorageClass allows expansion and the CSI driver supports it",
            "The storage backend refused or failed the resize"),
    FILE_SYSTEM_RESIZE_FAILED("FileSystemResizeFailed", null, Volume, WARNING,
            "Check the kubelet and CSI node plugin logs",
            "The volume grew but its filesystem could not be resized on the node"),
    PROVISIONING_FAILED("ProvisioningFailed", null, Volume, CRITICAL,
            "Check the StorageClass, its provisioner and the storage backend's quota",
            "The StorageClass or its provisioner is missing or failing", "Storage backend quota exhausted"),
    FAILED_BINDING("FailedBinding", null, Volume, WARNING,
            "Create a matching PersistentVolume or set a StorageClass on the claim",
            "No PersistentVolume matches the claim and no StorageClass can provision one"),

    // Probes
    UNHEALTHY_LIVENESS("Unhealthy", "^Liveness probe", Probe, WARNING,
            "Check the liveness endpoint and its timeouts; a failing liveness probe restarts the container",
            "The application stopped answering its liveness endpoint", "Probe timeout too short for the application's load",
            "The application is deadlocked or overloaded"),
    UNHEALTHY_STARTUP("Unhealthy", "^Startup probe", Probe, WARNING,
            "Give the application more time to start (failureThreshold x periodSeconds) or find what slows its start",
            "The application starts more slowly than the startup probe allows"),
    UNHEALTHY_READINESS("Unhealthy", "^Readiness probe", Probe, WARNING,
            "Check the readiness endpoint and the dependencies it checks; an unready pod gets no Service traffic",
            "A dependency checked by the readiness endpoint is down", "The application is overloaded or still warming up"),
    UNHEALTHY("Unhealthy", null, Probe, WARNING,
            "Review the probe configuration and the application's health endpoints",
            "Probe failure", "Application not responding"),
    PROBE_WARNING("ProbeWarning", null, Probe, INFO,
            "Review the probe's endpoint; the probe passed with a warning",
            "The probe endpoint answered with a redirect or a warning"),

    // Resources
    OOM_KILLED("OOMKilled", null, Resource, CRITICAL,
            "Raise the container's memory limit or reduce the application's memory use",
            "Memory limit exceeded", "Memory leak", "Memory limit set too low for the workload"),
    OOM_KILLING("OOMKilling", null, Resource, CRITICAL,
            "Raise the memory limit of the killed process's container or reduce its memory use",
            "A process exceeded its container's memory limit", "The node ran out of memory"),
    SYSTEM_OOM("SystemOOM", null, Resource, WARNING,
            "Set memory requests and limits that match actual use, so the scheduler does not overcommit the node",
            "The node ran out of memory"),
    EVICTED("Evicted", null, Resource, WARNING,
            "Check the node's memory and disk pressure and set requests that match actual use",
            "The node was low on memory or disk and evicted pods using more than they requested",
            "The pod exceeded its ephemeral-storage limit"),
    OUT_OF_CPU("OutOfcpu", null, Resource, CRITICAL,
            "Compare the node's allocatable CPU with the pods bound to it",
            "The kubelet rejected the pod: the node had not enough CPU left when the pod arrived"),
    OUT_OF_MEMORY("OutOfmemory", null, Resource, CRITICAL,
            "Compare the node's allocatable memory with the pods bound to it",
            "The kubelet rejected the pod: the node had not enough memory left when the pod arrived"),
    OUT_OF_EPHEMERAL_STORAGE("OutOfephemeral-storage", null, Resource, CRITICAL,
            "Compare the node's allocatable ephemeral storage with the pods bound to it",
            "The kubelet rejected the pod: the node had not enough ephemeral storage left"),
    OUT_OF_PODS("OutOfpods", null, Resource, CRITICAL,
            "Check the node's maximum pod count",
            "The kubelet rejected the pod: the node already runs its maximum number of pods"),
    UNEXPECTED_ADMISSION_ERROR("UnexpectedAdmissionError", null, Resource, CRITICAL,
            "Check the device plugins on the node",
            "A device plugin could not allocate the devices the pod requested"),

    // Network
    FAILED_CREATE_POD_SANDBOX("FailedCreatePodSandBox", null, Network, CRITICAL,
            "Check the CNI plugin pods and logs on the node",
            "The CNI plugin failed to set up the pod network", "The subnet ran out of pod IP addresses",
            "The container runtime could not create the sandbox"),
    NETWORK_NOT_READY("NetworkNotReady", null, Network, WARNING,
            "Check that the CNI plugin runs on the node",
            "The CNI plugin is not initialized on the node", "The node is still starting"),
    SANDBOX_CHANGED("SandboxChanged", null, Network, INFO,
            "If it repeats, check the container runtime and CNI plugin on the node",
            "The pod sandbox died or its network changed, so all containers were restarted"),
    DNS_CONFIG_FORMING("DNSConfigForming", null, Network, INFO,
            "Reduce the nameservers or search domains in the node's resolv.conf or the pod's dnsConfig",
            "The node's resolv.conf has more nameservers or search domains than a pod can use"),

    // Lifecycle
    KILLING_FAILED_LIVENESS("Killing", "failed liveness probe", Probe, WARNING,
            "Check the liveness endpoint and its timeouts",
            "The container failed its liveness probe and is restarted"),
    KILLING_FAILED_STARTUP("Killing", "failed startup probe", Probe, WARNING,
            "Give the application more time to start or find what slows its start",
            "The container did not pass its startup probe in time and is restarted"),
    KILLING("Killing", null, Lifecycle, INFO,
            "If it repeats, find who stops the container: probes, evictions or rollouts",
            "The container is being stopped"),
    FAILED_KILL_POD("FailedKillPod", null, Lifecycle, WARNING,
            "Check the container runtime on the node",
            "The container runtime could not stop the pod's containers or sandbox"),
    FAILED_PRE_STOP_HOOK("FailedPreStopHook", null, Lifecycle, WARNING,
            "Fix the preStop hook: the container is stopped without it",
            "The preStop hook failed or its command is missing from the image"),
    FAILED_POST_START_HOOK("FailedPostStartHook", null, Lifecycle, CRITICAL,
            "Fix the postStart hook: the kubelet kills the container when it fails",
            "The postStart hook failed or its command is missing from the image"),
    EXCEEDED_GRACE_PERIOD("ExceededGracePeriod", null, Lifecycle, WARNING,
            "Make the application exit on SIGTERM or raise terminationGracePeriodSeconds",
            "The container did not stop within its termination grace period"),
    DEADLINE_EXCEEDED("DeadlineExceeded", null, Lifecycle, WARNING,
            "Raise activeDeadlineSeconds or make the pod finish sooner",
            "The pod ran longer than its activeDeadlineSeconds"),
    FAILED_SYNC("FailedSync", null, Lifecycle, WARNING,
            "Read the kubelet logs on the node",
            "The kubelet could not determine or apply the pod's state"),

    // Node
    NODE_NOT_READY("NodeNotReady", null, Node, WARNING,
            "Check the node's Ready condition and its kubelet",
            "The pod's node stopped reporting Ready; its pods will be evicted if it does not recover"),
    TAINT_MANAGER_EVICTION("TaintManagerEviction", "^Marking for deletion", Node, WARNING,
            "Check the NoExecute taint on the node (often not-ready or unreachable) and the pod's tolerations",
            "The node has a NoExecute taint the pod does not tolerate"),
    EVICTION_THRESHOLD_MET("EvictionThresholdMet", null, Node, WARNING,
            "Free memory or disk on the node, or move workloads",
            "The node crossed an eviction threshold and is reclaiming resources"),
    REBOOTED("Rebooted", null, Node, WARNING,
            "Check why the node rebooted",
            "The node rebooted and its pods restarted"),

    /** Not a reason: what an unknown Warning event is filed under. */
    UNCATEGORIZED_WARNING("", null, Other, WARNING,
            "Investigate based on the event message",
            "Check the event message for details");
    // spotless:on

    private static final Map<String, List<EventReasonCatalog>> BY_REASON = byReason();

    private final String reason;
    private final Pattern messagePattern;
    private final EventCategory category;
    private final Severity severity;
    private final String suggestedAction;
    private final List<String> possibleCauses;

    EventReasonCatalog(
            String reason,
            String messageRegex,
            EventCategory category,
            Severity severity,
            String suggestedAction,
            String... possibleCauses) {
        this.reason = reason;
        this.messagePattern = messageRegex == null ? null : Pattern.compile(messageRegex, Pattern.CASE_INSENSITIVE);
        this.category = category;
        this.severity = severity;
        this.suggestedAction = suggestedAction;
        this.possibleCauses = List.of(possibleCauses);
    }

    /** The entry for an event, matching its reason exactly; empty for reasons the catalog does not know. */
    public static Optional<EventReasonCatalog> lookup(String reason, String message) {
        String text = message == null ? "" : message;
        for (EventReasonCatalog entry : BY_REASON.getOrDefault(reason, List.of())) {
            if (entry.messagePattern == null
                    || entry.messagePattern.matcher(text).find()) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    public static Optional<EventReasonCatalog> lookup(ObservedEvent event) {
        return lookup(event.reason(), event.message());
    }

    public String reason() {
        return reason;
    }

    public EventCategory category() {
        return category;
    }

    public Severity severity() {
        return severity;
    }

    public String suggestedAction() {
        return suggestedAction;
    }

    public List<String> possibleCauses() {
        return possibleCauses;
    }

    /** True when the entry takes any message of its reason; such an entry must come last among its reason's entries. */
    boolean isCatchAll() {
        return messagePattern == null;
    }

    private static Map<String, List<EventReasonCatalog>> byReason() {
        Map<String, List<EventReasonCatalog>> map = new HashMap<>();
        for (EventReasonCatalog entry : values()) {
            if (!entry.reason.isEmpty()) {
                map.computeIfAbsent(entry.reason, r -> new ArrayList<>()).add(entry);
            }
        }
        map.replaceAll((r, entries) -> Collections.unmodifiableList(entries));
        return Map.copyOf(map);
    }
}
