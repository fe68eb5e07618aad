package io.clusteragent.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An object that runs pods, seen through its pod template. */
record Workload(HasMetadata owner, PodTemplateSpec template, LabelSelector selector) {

    PodSpec pod() {
        return template.getSpec();
    }

    /** The agent's container: the workload runs it alone. */
    Container agent() {
        List<Container> containers = pod().getContainers();
        if (containers.size() != 1) {
            throw new AssertionError(this + " should run the agent's container alone, runs " + containers.size());
        }
        return containers.get(0);
    }

    /** Containers, init containers and ephemeral containers alike. */
    List<SecuredContainer> allContainers() {
        List<SecuredContainer> all = new ArrayList<>();
        pod().getInitContainers()
                .forEach(c -> all.add(new SecuredContainer(c.getName(), c.getSecurityContext(), c.getPorts())));
        pod().getContainers()
                .forEach(c -> all.add(new SecuredContainer(c.getName(), c.getSecurityContext(), c.getPorts())));
        pod().getEphemeralContainers()
                .forEach(c -> all.add(new SecuredContainer(c.getName(), c.getSecurityContext(), c.getPorts())));
        return all;
    }

    Map<String, String> podLabels() {
        return template.getMetadata().getLabels();
    }

    @Override
    public String toString() {
        return owner.getKind() + "/" + owner.getMetadata().getName();
    }
}
