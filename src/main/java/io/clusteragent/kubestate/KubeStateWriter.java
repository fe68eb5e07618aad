package io.clusteragent.kubestate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes one scrape ({@code metrics_writer.go} {@code WriteAll}, {@code SanitizeHeaders}, and the handler's
 * {@code # EOF}): resource by resource, family by family, the HELP/TYPE lines and then every object's kept
 * bytes for that family. Headers are written only when the resource holds at least one object, and once per
 * metric name across resources; it walks no objects and builds no strings.
 */
final class KubeStateWriter {

    private static final byte[] EOF = "# EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final List<MetricsStore<?>> stores;

    /** @param stores in the order they are written (kube-state-metrics sorts its resources by name) */
    KubeStateWriter(List<MetricsStore<?>> stores) {
        this.stores = List.copyOf(stores);
    }

    void write(ResourceSelection selection, ExpositionFormat format, OutputStream out) throws IOException {
        Set<String> seenNames = new HashSet<>();
        for (MetricsStore<?> store : stores) {
            if (!selection.includes(store.resource())) {
                continue;
            }
            boolean hasObjects = !store.isEmpty();
            FamilyHeaders headers = store.headers();
            for (int family = 0; family < headers.count(); family++) {
                boolean firstOfName = seenNames.add(headers.name(family));
                if (firstOfName && hasObjects) {
                    out.write(headers.header(family, format));
                }
                store.writeFamily(family, out);
            }
        }
        if (format == ExpositionFormat.OPENMETRICS) {
            out.write(EOF);
        }
    }
}
