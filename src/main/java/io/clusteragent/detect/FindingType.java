package io.clusteragent.detect;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a detector found; the label is the {@code type} the Agent Service receives. */
public enum FindingType {
    CPU_SPIKE("cpu_spike"),
    MEMORY_HIGH("memory_high"),
    OOM_KILLED("oom_killed"),
    CRASH_LOOP("crash_loop"),
    IMAGE_PULL_FAILURE("image_pull_failure"),
    POD_PENDING("pod_pending"),
    NODE_NOT_READY("node_not_ready"),
    EVENT_BURST("event_burst");

    private final String label;

    FindingType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
