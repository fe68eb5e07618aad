package io.clusteragent.analysis.pods;

import io.clusteragent.analysis.Rfc3339;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;

import java.time.Instant;

/**
 * How a container run ended.
 *
 * @param finishedAt null when the runtime did not report it
 */
public record Termination(int exitCode, int signal, String reason, String message, Instant finishedAt) {

    public static final String OOM_KILLED = "OOMKilled";

    static Termination of(ContainerStateTerminated terminated) {
        if (terminated == null) {
            return null;
        }
        return new Termination(
                terminated.getExitCode() == null ? 0 : terminated.getExitCode(),
                terminated.getSignal() == null ? 0 : terminated.getSignal(),
                terminated.getReason() == null ? "" : terminated.getReason(),
                terminated.getMessage() == null ? "" : terminated.getMessage().strip(),
                Rfc3339.parse(terminated.getFinishedAt()));
    }

    public boolean oomKilled() {
        return OOM_KILLED.equals(reason);
    }

    public boolean failed() {
        return exitCode != 0 || signal != 0 || oomKilled();
    }

    /** "Container app exited with code 1 (application error)", "Container app was OOMKilled (memory limit 256Mi)". */
    public String describe(String container, String memoryLimit) {
        if (oomKilled()) {
            return "Container " + container + " was OOMKilled"
                    + (memoryLimit == null
                            ? " (no memory limit: the node ran out of memory)"
                            : " (memory limit " + memoryLimit + ")");
        }
        if (signal != 0 && exitCode == 0) {
            return "Container " + container + " was killed by signal " + signal;
        }
        String text =
                "Container " + container + " exited with code " + exitCode + " (" + ExitCodeMeaning.of(exitCode) + ")";
        boolean informativeReason = !reason.isEmpty() && !"Error".equals(reason) && !"Completed".equals(reason);
        return informativeReason ? text + ", reason " + reason : text;
    }
}
