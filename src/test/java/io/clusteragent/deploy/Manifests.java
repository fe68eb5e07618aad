package io.clusteragent.deploy;

import io.clusteragent.config.AgentConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The objects one kustomization renders, parsed into fabric8's typed model classes. */
record Manifests(List<HasMetadata> objects) {

    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    static Manifests parse(String rendered) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : rendered.split("(?m)^---\\s*$")) {
            if (!document.isBlank()) {
                KubernetesResource object = SERIALIZATION.unmarshal(document);
                if (!(object instanceof HasMetadata withMetadata)) {
                    throw new AssertionError("not a Kubernetes object: " + document);
                }
                objects.add(withMetadata);
            }
        }
        return new Manifests(List.copyOf(objects));
    }

    Manifests copy() {
        return new Manifests(objects.stream().map(SERIALIZATION::clone).toList());
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = all(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", rendered " + found.size());
        }
        return found.get(0);
    }

    <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return all(type).stream()
                .filter(o -> o.getMetadata().getName().equals(name))
                .findFirst();
    }

    /** The pod-running objects, with their pod template. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class)
                .forEach(d -> workloads.add(
                        new Workload(d, d.getSpec().getTemplate(), d.getSpec().getSelector())));
        all(DaemonSet.class)
                .forEach(d -> workloads.add(
                        new Workload(d, d.getSpec().getTemplate(), d.getSpec().getSelector())));
        all(StatefulSet.class)
                .forEach(s -> workloads.add(
                        new Workload(s, s.getSpec().getTemplate(), s.getSpec().getSelector())));
        return workloads;
    }

    /** The one workload running the agent. */
    Workload agent() {
        List<Workload> workloads = workloads();
        if (workloads.size() != 1) {
            throw new AssertionError("expected one workload running the agent, rendered " + workloads.size());
        }
        return workloads.get(0);
    }

    /** The configuration the agent starts with in a cluster, from its container's environment. */
    AgentConfig agentConfig() {
        Map<String, String> env = new LinkedHashMap<>(environment(agent().agent()));
        env.put("KUBERNETES_SERVICE_HOST", "10.96.0.1");
        return AgentConfig.fromMap(env, List.of());
    }

    /**
     * The environment a container starts with: its ConfigMaps, then its own variables. A variable
     * from the downward API has its field path as value.
     */
    Map<String, String> environment(Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                ConfigMap configMap = named(
                                ConfigMap.class, from.getConfigMapRef().getName())
                        .orElseThrow(
                                () -> new AssertionError("envFrom names a ConfigMap that is not rendered: " + from));
                Optional.ofNullable(configMap.getData())
                        .orElse(Map.of())
                        .forEach((key, value) -> env.put(prefix + key, value));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            env.put(variable.getName(), variable.getValue() != null ? variable.getValue() : downwardApiPath(variable));
        }
        return env;
    }

    private static String downwardApiPath(EnvVar variable) {
        if (variable.getValueFrom() == null || variable.getValueFrom().getFieldRef() == null) {
            throw new AssertionError(variable.getName() + " has neither a value nor a downward API field: " + variable);
        }
        return variable.getValueFrom().getFieldRef().getFieldPath();
    }

    @Override
    public String toString() {
        return Arrays.toString(objects.stream()
                .map(o -> o.getKind() + "/" + o.getMetadata().getName())
                .toArray());
    }
}
