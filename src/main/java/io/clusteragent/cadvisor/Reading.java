package io.clusteragent.cadvisor;

/**
 * One value read for one cgroup: the family, the value of its extra label ({@code cpu}, {@code device},
 * {@code interface}; null when the family has none) and the value as cAdvisor converts it.
 */
record Reading(ContainerFamily family, String extraLabel, double value) {

    static Reading of(ContainerFamily family, double value) {
        return new Reading(family, null, value);
    }
}
