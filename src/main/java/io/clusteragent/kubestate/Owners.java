package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code kube_<kind>_owner} families: one sample per owner reference, or one with empty owner labels for an
 * object nobody owns, so that a join on the owner never loses the object.
 */
final class Owners {

    private static final List<String> KIND_NAME = List.of("owner_kind", "owner_name");
    private static final List<String> KIND_NAME_CONTROLLER = List.of("owner_kind", "owner_name", "owner_is_controller");

    private Owners() {}

    /** {@code owner_kind, owner_name} (deployments). */
    static List<Metric> kindAndName(HasMetadata object) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return List.of(new Metric(KIND_NAME, List.of("", ""), 1));
        }
        List<Metric> metrics = new ArrayList<>(owners.size());
        for (OwnerReference owner : owners) {
            metrics.add(new Metric(KIND_NAME, values(owner.getKind(), owner.getName()), 1));
        }
        return metrics;
    }

    /** {@code owner_kind, owner_name, owner_is_controller}; an unset controller flag is {@code false}. */
    static List<Metric> withController(HasMetadata object) {
        List<OwnerReference> owners = object.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return List.of(new Metric(KIND_NAME_CONTROLLER, List.of("", "", ""), 1));
        }
        List<Metric> metrics = new ArrayList<>(owners.size());
        for (OwnerReference owner : owners) {
            List<String> values = values(owner.getKind(), owner.getName());
            values.add(Boolean.toString(Boolean.TRUE.equals(owner.getController())));
            metrics.add(new Metric(KIND_NAME_CONTROLLER, values, 1));
        }
        return metrics;
    }

    private static List<String> values(String kind, String name) {
        List<String> values = new ArrayList<>(3);
        Collections.addAll(values, kind, name);
        return values;
    }
}
