package io.clusteragent.analysis.describe;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;

/**
 * One environment variable, showing where its value comes from but never a referenced value.
 *
 * <p>The agent has no authentication of its own and never reads Secrets or ConfigMaps, so a
 * {@code secretKeyRef} is shown as the secret's name and key only: the value is in the Secret, not
 * in the pod, and must not reach a response. Literal values are part of the pod spec and are shown
 * as kubectl shows them.
 *
 * @param source where the value comes from: {@code literal}, {@code secret}, {@code configMap},
 *               {@code field}, {@code resourceField} or {@code file}
 * @param value  the literal value; null for every other source
 * @param path   the pod field ({@code metadata.name}), the container resource ({@code limits.memory})
 *               or the file path the value is read from
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVarDescription(
        String name,
        String source,
        String value,
        String secretName,
        String configMapName,
        String volumeName,
        String key,
        String path,
        Boolean optional) {

    public static EnvVarDescription of(EnvVar env) {
        EnvVarSource from = env.getValueFrom();
        if (from == null) {
            return new EnvVarDescription(
                    env.getName(),
                    "literal",
                    env.getValue() == null ? "" : env.getValue(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        if (from.getSecretKeyRef() != null) {
            var ref = from.getSecretKeyRef();
            return new EnvVarDescription(
                    env.getName(), "secret", null, ref.getName(), null, null, ref.getKey(), null, ref.getOptional());
        }
        if (from.getConfigMapKeyRef() != null) {
            var ref = from.getConfigMapKeyRef();
            return new EnvVarDescription(
                    env.getName(), "configMap", null, null, ref.getName(), null, ref.getKey(), null, ref.getOptional());
        }
        if (from.getFieldRef() != null) {
            return reference(env, "field", from.getFieldRef().getFieldPath());
        }
        if (from.getResourceFieldRef() != null) {
            return reference(env, "resourceField", from.getResourceFieldRef().getResource());
        }
        if (from.getFileKeyRef() != null) {
            var ref = from.getFileKeyRef();
            return new EnvVarDescription(
                    env.getName(),
                    "file",
                    null,
                    null,
                    null,
                    ref.getVolumeName(),
                    ref.getKey(),
                    ref.getPath(),
                    ref.getOptional());
        }
        return reference(env, "unknown", null);
    }

    private static EnvVarDescription reference(EnvVar env, String source, String path) {
        return new EnvVarDescription(env.getName(), source, null, null, null, null, null, path, null);
    }
}
