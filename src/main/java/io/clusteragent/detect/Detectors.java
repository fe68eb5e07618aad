package io.clusteragent.detect;

import io.clusteragent.config.DetectorSettings;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The one place detectors are registered, and how a cycle runs them. */
public final class Detectors {

    private Detectors() {}

    /** A fresh set of every detector; stateful ones start with no history. */
    public static List<Detector> all(DetectorSettings settings) {
        return List.of(
                new CpuSpikeDetector(settings.cpuThreshold(), settings.cpuWindow()),
                new MemoryHighDetector(settings.memoryThresholdPercent()),
                new OomKilledDetector(settings.cooldown()),
                new CrashLoopDetector(settings.podRestartThreshold()),
                new ImagePullFailureDetector(),
                new PodPendingDetector(settings.pendingThreshold()),
                new NodeNotReadyDetector(),
                new EventBurstDetector(settings.burstThreshold(), settings.burstWindow()));
    }

    /** Runs each detector in turn; one that throws is reported in the result and does not stop the others. */
    public static CycleResult run(List<? extends Detector> detectors, DetectionInput input) {
        Set<FindingType> evaluated = EnumSet.noneOf(FindingType.class);
        Map<FindingType, RuntimeException> failures = new EnumMap<>(FindingType.class);
        List<Finding> findings = new ArrayList<>();
        for (Detector detector : detectors) {
            try {
                findings.addAll(detector.detect(input));
                evaluated.add(detector.type());
            } catch (RuntimeException e) {
                failures.put(detector.type(), e);
            }
        }
        return new CycleResult(evaluated, findings, failures);
    }
}
