package io.clusteragent.analysis.pods;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Reads the YAML fixtures under src/test/resources, written as {@code kubectl get -o yaml} prints objects. */
public final class Fixtures {

    private Fixtures() {}

    public static List<HasMetadata> load(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return Serialization.unmarshal(in, KubernetesList.class).getItems();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T extends HasMetadata> List<T> load(String resource, Class<T> type) {
        return load(resource).stream().filter(type::isInstance).map(type::cast).toList();
    }

    public static String annotation(HasMetadata object, String key) {
        return object.getMetadata().getAnnotations().get(key);
    }
}
