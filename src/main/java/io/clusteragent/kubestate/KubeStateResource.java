package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.function.BiFunction;

/**
 * One kube-state-metrics resource: its plural as {@code --resources} and {@code ?resources=} name it, the fabric8
 * model class, and its families as a function of the resource's annotation and label allowlists, in that order,
 * as each {@code internal/store/<kind>.go} declares {@code <kind>MetricFamilies(allowAnnotationsList,
 * allowLabelsList)}.
 */
public record KubeStateResource<T extends HasMetadata>(
        String plural, Class<T> type, BiFunction<List<String>, List<String>, List<FamilyGenerator<T>>> families) {

    /** For a resource whose families take no allowlist. */
    public static <T extends HasMetadata> KubeStateResource<T> of(
            String plural, Class<T> type, List<FamilyGenerator<T>> families) {
        return new KubeStateResource<>(plural, type, (annotations, labels) -> families);
    }
}
