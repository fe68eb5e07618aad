package io.clusteragent.analysis.describe;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.EnvFromSource;

/**
 * A whole ConfigMap or Secret imported as environment variables: which one, never its keys or values.
 *
 * @param type {@code ConfigMap} or {@code Secret}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvFromDescription(String type, String name, String prefix, Boolean optional) {

    public static EnvFromDescription of(EnvFromSource source) {
        if (source.getSecretRef() != null) {
            return new EnvFromDescription(
                    "Secret",
                    source.getSecretRef().getName(),
                    source.getPrefix(),
                    source.getSecretRef().getOptional());
        }
        if (source.getConfigMapRef() != null) {
            return new EnvFromDescription(
                    "ConfigMap",
                    source.getConfigMapRef().getName(),
                    source.getPrefix(),
                    source.getConfigMapRef().getOptional());
        }
        return new EnvFromDescription("Unknown", null, source.getPrefix(), null);
    }
}
