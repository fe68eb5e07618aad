package io.clusteragent.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The resources kube-state metrics can cover, by the names kube-state-metrics' {@code --resources}
 * takes. Secrets are left out of the default: reporting on them takes RBAC that users grant on purpose.
 */
public final class KubeStateResources {

    public static final List<String> ALL = List.of(
            "pods",
            "nodes",
            "namespaces",
            "deployments",
            "replicasets",
            "statefulsets",
            "daemonsets",
            "jobs",
            "cronjobs",
            "services",
            "endpointslices",
            "persistentvolumeclaims",
            "persistentvolumes",
            "horizontalpodautoscalers",
            "ingresses",
            "configmaps",
            "leases",
            "poddisruptionbudgets",
            "storageclasses",
            "resourcequotas",
            "limitranges",
            "secrets");

    static final String DEFAULT =
            ALL.stream().filter(name -> !name.equals("secrets")).collect(Collectors.joining(","));

    private KubeStateResources() {}

    /** The names listed, in the order given; none when the setting is empty on purpose. */
    static Set<String> read(SettingValues values) {
        Set<String> names = new LinkedHashSet<>();
        for (String name : values.listOrNone(Setting.KUBE_STATE_RESOURCES)) {
            if (!ALL.contains(name)) {
                throw new ConfigException(SettingValues.describe(Setting.KUBE_STATE_RESOURCES) + ": unknown resource '"
                        + name + "', expected a comma-separated list of " + String.join(", ", ALL)
                        + ", or an empty value for none");
            }
            names.add(name);
        }
        return Collections.unmodifiableSet(names);
    }
}
