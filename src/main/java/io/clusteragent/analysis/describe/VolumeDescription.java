package io.clusteragent.analysis.describe;

import io.fabric8.kubernetes.api.model.Volume;

import java.util.Arrays;
import java.util.Map;

/**
 * One pod volume: its kind and a small summary of where it comes from.
 *
 * @param type   the volume kind as kubectl names it: {@code ConfigMap}, {@code Secret},
 *               {@code PersistentVolumeClaim}, {@code EmptyDir}, ... ({@code Unknown} for kinds this agent does not know)
 * @param source one entry keyed by the pod spec's field name ({@code configMap}, {@code persistentVolumeClaim}, ...)
 *               holding the summary from {@link VolumeSources}; null for kinds with no summary
 */
public record VolumeDescription(String name, String type, Map<String, Object> source) {

    static VolumeDescription of(Volume volume) {
        return Arrays.stream(VolumeType.values())
                .filter(type -> type.matches(volume))
                .findFirst()
                .map(type -> new VolumeDescription(volume.getName(), type.typeName(), sourceOf(type, volume)))
                .orElseGet(() -> new VolumeDescription(volume.getName(), "Unknown", null));
    }

    private static Map<String, Object> sourceOf(VolumeType type, Volume volume) {
        Object summary = type.summarize(volume);
        return summary == null ? null : Map.of(type.sourceKey(), summary);
    }
}
