package io.clusteragent.analysis.resources;

import io.clusteragent.quantity.PodRequests;

import java.util.List;
import java.util.Map;

/**
 * Body of {@code GET /pods/{ns}/{pod}/resources}. Quantities are kubectl text ({@code 250m}, {@code 512Mi});
 * maps are never null.
 *
 * @param containers regular containers first, then init containers in spec order
 * @param total      what the scheduler reserves for the pod (see {@link PodRequests})
 * @param overhead   the RuntimeClass overhead added on top of the containers
 * @param qosClass   Guaranteed, Burstable or BestEffort
 */
public record PodResources(
        List<ContainerResources> containers, Total total, Map<String, String> overhead, String qosClass) {

    public static final String CONTAINER = "container";
    public static final String INIT = "init";
    public static final String SIDECAR = "sidecar";

    /** @param type {@code container}, {@code init}, or {@code sidecar} for an init container with restartPolicy Always */
    public record ContainerResources(
            String name, String type, Map<String, String> requests, Map<String, String> limits) {}

    /**
     * The pod's effective requests and limits. The four named fields repeat cpu and memory from the maps
     * for callers that only want those; {@code "0"} means none.
     */
    public record Total(
            String cpuRequest,
            String cpuLimit,
            String memoryRequest,
            String memoryLimit,
            Map<String, String> requests,
            Map<String, String> limits) {}
}
