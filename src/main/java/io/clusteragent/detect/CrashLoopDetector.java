package io.clusteragent.detect;

import io.clusteragent.analysis.namespace.IssueType;
import io.clusteragent.analysis.pods.ContainerSnapshot;
import io.clusteragent.analysis.pods.Termination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * crash_loop: a container, init containers included, waiting in CrashLoopBackOff, or restarted at
 * least the restart threshold. The latter catches a loop between back-offs, while the container is
 * briefly running. Always critical: the workload is not serving.
 */
public final class CrashLoopDetector implements Detector {

    private static final Predicate<ContainerSnapshot> BACKING_OFF =
            PodContainers.waitingWith(IssueType.CrashLoopBackOff);
    /** The container to describe: one backing off first, then the most restarted. */
    private static final Comparator<ContainerSnapshot> MOST_TELLING = Comparator.comparing(BACKING_OFF::test)
            .thenComparingInt(ContainerSnapshot::restartCount)
            .reversed();

    private final int restartThreshold;

    public CrashLoopDetector(int restartThreshold) {
        this.restartThreshold = restartThreshold;
    }

    @Override
    public FindingType type() {
        return FindingType.CRASH_LOOP;
    }

    @Override
    public List<Finding> detect(DetectionInput input) {
        List<Finding> findings = new ArrayList<>();
        for (PodContainers pod : input.podContainers()) {
            List<ContainerSnapshot> looping = pod.matching(BACKING_OFF.or(c -> c.restartCount() >= restartThreshold));
            if (!looping.isEmpty()) {
                findings.add(finding(pod, looping, input));
            }
        }
        return findings;
    }

    private Finding finding(PodContainers pod, List<ContainerSnapshot> looping, DetectionInput input) {
        ContainerSnapshot container =
                looping.stream().sorted(MOST_TELLING).findFirst().orElseThrow();
        String state = BACKING_OFF.test(container)
                ? " is in " + container.waitingReason() + " after " + container.restartCount() + " restarts"
                : " has restarted " + container.restartCount() + " times (threshold " + restartThreshold + ")";
        String cause = container.terminationSummary();
        Termination last = container.latestTermination();
        return Finding.of(
                type(),
                IncidentSeverity.CRITICAL,
                Subject.pod(pod.pod(), input.state()),
                pod.describe(container) + state + (cause == null ? "" : ": " + cause),
                Details.of()
                        .put("container", container.name())
                        .put("reason", container.waitingReason())
                        .put("restarts", container.restartCount())
                        .put("restart_threshold", restartThreshold)
                        .put("last_exit_code", last == null ? null : last.exitCode())
                        .put("last_termination_reason", last == null ? null : last.reason())
                        .put(
                                "containers",
                                looping.stream().map(ContainerSnapshot::name).collect(Collectors.joining(",")))
                        .build());
    }
}
