package io.clusteragent.kubestate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one scrape ({@code metrics_writer.go} {@code WriteAll}, {@code SanitizeHeaders}, and the handler's
 * {@code # EOF}): resource by resource, family by family, the HELP/TYPE lines and then each group's kept chunk
 * for that family. Headers are written only when the resource holds at least one object, and once per metric
 * name across resources. It copies no bytes, walks no objects and builds no strings: a scrape is the list of the
 * chunks, in order.
 */
final class KubeStateWriter {

    private static final TextChunk EOF = new TextChunk("# EOF\n".getBytes(StandardCharsets.US_ASCII));

    private final List<MetricsStore<?>> stores;
    /** Per store, per family, a number for the family's name, the same in every store that has that name. */
    private final int[][] nameIds;

    private final int names;
    /** How many chunks the largest scrape had, to size the next one's list; a race only misjudges a size. */
    private volatile int lastChunks = 256;

    /** @param stores in the order they are written (kube-state-metrics sorts its resources by name) */
    KubeStateWriter(List<MetricsStore<?>> stores) {
        this.stores = List.copyOf(stores);
        Map<String, Integer> ids = new HashMap<>();
        this.nameIds = new int[stores.size()][];
        for (int store = 0; store < stores.size(); store++) {
            FamilyHeaders headers = stores.get(store).headers();
            nameIds[store] = new int[headers.count()];
            for (int family = 0; family < headers.count(); family++) {
                nameIds[store][family] = ids.computeIfAbsent(headers.name(family), name -> ids.size());
            }
        }
        this.names = ids.size();
    }

    Scrape scrape(ResourceSelection selection, ExpositionFormat format) {
        List<TextChunk> chunks = new ArrayList<>(lastChunks);
        boolean[] seenNames = new boolean[names];
        for (int index = 0; index < stores.size(); index++) {
            MetricsStore<?> store = stores.get(index);
            if (!selection.includes(store.resource())) {
                continue;
            }
            RenderedGroup[] groups = store.current();
            boolean hasObjects = Arrays.stream(groups).anyMatch(group -> group.size() > 0);
            FamilyHeaders headers = store.headers();
            for (int family = 0; family < headers.count(); family++) {
                int name = nameIds[index][family];
                boolean firstOfName = !seenNames[name];
                seenNames[name] = true;
                if (firstOfName && hasObjects) {
                    chunks.add(headers.header(family, format));
                }
                for (RenderedGroup group : groups) {
                    TextChunk text = group.texts()[family];
                    if (text.length() > 0) {
                        chunks.add(text);
                    }
                }
            }
        }
        if (format == ExpositionFormat.OPENMETRICS) {
            chunks.add(EOF);
        }
        lastChunks = Math.max(lastChunks, chunks.size());
        return new Scrape(chunks);
    }
}
