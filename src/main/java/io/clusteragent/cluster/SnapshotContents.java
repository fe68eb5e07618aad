package io.clusteragent.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * What a dump turned out to hold: the objects the agent keeps, typed, and a tally of everything
 * else. The objects of the resources an {@link ObjectFeed} covers go to its listener as they are
 * read; those the REST API does not read are not kept. An object of a kind the agent uses but cannot look up (no metadata, no name, no namespace)
 * fails the load, as does a dump with nothing to use: either would otherwise start an agent that
 * answers 404 to questions the user knows the answer to.
 */
final class SnapshotContents implements Consumer<SnapshotEntry> {

    private static final Logger LOG = LoggerFactory.getLogger(SnapshotContents.class);
    private static final int PROBLEMS_SHOWN = 10;

    private final Path file;
    private final ObjectFeed feed;
    private final SnapshotKinds kinds;
    private final List<HasMetadata> objects = new ArrayList<>();
    private int delivered;
    private final Map<String, Integer> kept = new TreeMap<>();
    private final Map<String, Integer> skipped = new TreeMap<>();
    private final Map<String, Integer> notObjects = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;
    private SnapshotEntry firstNotObject;

    SnapshotContents(Path file, ObjectFeed feed) {
        this.file = file;
        this.feed = feed;
        this.kinds = new SnapshotKinds(feed.needed());
    }

    @Override
    public void accept(SnapshotEntry entry) {
        if (!entry.tree().isObject() || entry.kind() == null) {
            notObject(entry);
            return;
        }
        Optional<Class<? extends HasMetadata>> type = kinds.type(entry.apiVersion(), entry.kind());
        if (type.isEmpty()) {
            skipped.merge(entry.apiVersion() + " " + entry.kind(), 1, Integer::sum);
            return;
        }
        HasMetadata object;
        try {
            object = kinds.read(entry, type.get());
        } catch (IllegalArgumentException e) {
            problem(entry, e.getMessage());
            return;
        }
        Optional<String> missing = SnapshotKinds.missingIdentity(object);
        if (missing.isPresent()) {
            problem(entry, missing.get());
            return;
        }
        keep(CachedObjects.slim(object), entry.kind());
    }

    private void keep(HasMetadata object, String kind) {
        WatchedResource resource = WatchedResource.of(object.getClass()).orElse(null);
        if (resource != null && feed.covers(resource)) {
            feed.listener().upsert(resource, object);
            delivered++;
        }
        if (resource == null || resource.always()) {
            objects.add(object);
        }
        kept.merge(kind, 1, Integer::sum);
    }

    /** The objects to serve, once the whole file is read; or why there are none worth serving. */
    List<HasMetadata> objects() {
        if (problemCount > 0) {
            throw new SnapshotException("cluster snapshot " + file + " holds " + problemCount
                    + " object(s) the agent cannot use: "
                    + String.join("; ", problems)
                    + (problemCount > problems.size() ? "; and " + (problemCount - problems.size()) + " more" : "")
                    + ". kubectl never writes such objects: fix or remove them, or dump the cluster again.");
        }
        if (delivered == 0 && objects.stream().allMatch(SnapshotKinds::isMetrics)) {
            throw new SnapshotException(
                    "cluster snapshot " + file + " holds no objects the agent uses (" + kinds.usedKinds() + "): "
                            + inventory() + ". Write it with kubectl get <kinds> -A -o yaml (or -o json).");
        }
        skipped.forEach((kind, count) -> LOG.info(
                "snapshot {}: skipped {} object(s) of kind {}, which the agent does not use", file, count, kind));
        LOG.info("snapshot {}: loaded {} objects, told {} to the object listener", file, objects.size(), delivered);
        return objects;
    }

    private void notObject(SnapshotEntry entry) {
        String what = entry.tree().isObject()
                ? "mapping without a kind"
                : entry.tree().getNodeType().name().toLowerCase();
        notObjects.merge(what, 1, Integer::sum);
        if (firstNotObject == null) {
            firstNotObject = entry;
        }
    }

    private void problem(SnapshotEntry entry, String what) {
        if (problemCount++ < PROBLEMS_SHOWN) {
            problems.add(entry + ": " + what);
        }
    }

    private String inventory() {
        List<String> parts = new ArrayList<>();
        kept.forEach((kind, count) -> parts.add(count + " " + kind));
        if (!skipped.isEmpty()) {
            parts.add(skipped.values().stream().mapToInt(Integer::intValue).sum()
                    + " object(s) of kinds the agent does not use ("
                    + skipped.entrySet().stream()
                            .map(e -> e.getKey() + ": " + e.getValue())
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        notObjects.forEach((what, count) ->
                parts.add(count == 1 ? "1 " + what : count + " " + what.replaceFirst("^(\\w+)", "$1s")));
        if (firstNotObject != null) {
            parts.add("the first " + sample(firstNotObject.tree()) + " at " + firstNotObject.position());
        }
        return parts.isEmpty() ? "it is empty, or only comments" : "it holds " + String.join(", ", parts);
    }

    private static String sample(JsonNode value) {
        if (value.isObject() || value.isArray()) {
            String text = value.toString();
            return text.length() > 60 ? text.substring(0, 60) + "..." : text;
        }
        String text = value.asText();
        return "\"" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "\"";
    }
}
