package io.clusteragent.analysis.events;

/**
 * What kind of trouble an event reports. The name is the API value.
 *
 * @see EventReasonCatalog
 */
public enum EventCategory {
    Scheduling("Pod scheduling failures", Evidence.NONE),
    ImagePull("Image pull errors (ImagePullBackOff, ErrImagePull, InvalidImageName)", Evidence.WAITING_REASON),
    ContainerCrash("Container crashes and restarts (CrashLoopBackOff, BackOff)", Evidence.TERMINATIONS),
    Configuration(
            "Missing or invalid container configuration (CreateContainerConfigError, missing ConfigMap or Secret)",
            Evidence.WAITING_REASON),
    Volume("Volume attachment and mounting issues", Evidence.NONE),
    Resource("Resource limits exceeded or node pressure (OOMKilled, Evicted)", Evidence.TERMINATIONS),
    Probe("Liveness, readiness and startup probe failures", Evidence.TERMINATIONS),
    Network("Pod sandbox and network setup failures", Evidence.NONE),
    Lifecycle("Container stop and lifecycle hook problems", Evidence.TERMINATIONS),
    Node("The pod's node is unhealthy or being drained", Evidence.NONE),
    Other("Uncategorized failures", Evidence.NONE);

    /** Which part of the containers' state explains events of a category, and so is added to their possible causes. */
    public enum Evidence {
        /** Exit codes, OOM kills, restart counts and termination messages. */
        TERMINATIONS,
        /** The reason and message a container is waiting with. */
        WAITING_REASON,
        NONE
    }

    private final String description;
    private final Evidence evidence;

    EventCategory(String description, Evidence evidence) {
        this.description = description;
        this.evidence = evidence;
    }

    public String description() {
        return description;
    }

    public Evidence evidence() {
        return evidence;
    }
}
