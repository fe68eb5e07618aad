package io.clusteragent.detect;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one run of some or all detectors found.
 *
 * @param evaluated the types whose detector completed: only their incidents may be resolved by this run
 * @param failures  detectors that threw, by type, so that the caller can log them; their incidents stay as they were
 */
public record CycleResult(
        Set<FindingType> evaluated, List<Finding> findings, Map<FindingType, RuntimeException> failures) {

    public CycleResult {
        evaluated = Set.copyOf(evaluated);
        findings = List.copyOf(findings);
        failures = Map.copyOf(failures);
    }
}
