package io.clusteragent.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/** One value of a dump as read, before it is known to be a usable object: usually a mapping, possibly a stray scalar. */
record SnapshotEntry(JsonNode tree, SnapshotPosition position) {

    String kind() {
        return text("kind");
    }

    String apiVersion() {
        return text("apiVersion");
    }

    /** "Pod shop/web-1 (document 1, items[3], line 40)": enough to find the object in the file. */
    @Override
    public String toString() {
        if (!tree.isObject()) {
            return "a " + tree.getNodeType().name().toLowerCase() + " (" + position + ")";
        }
        JsonNode metadata = tree.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        String name = metadata.path("name").asText("");
        String id = name.isEmpty()
                ? (namespace.isEmpty() ? "" : " in namespace " + namespace)
                : " " + (namespace.isEmpty() ? name : namespace + "/" + name);
        return (kind() == null ? "an object without kind" : kind()) + id + " (" + position + ")";
    }

    private String text(String field) {
        JsonNode value = tree.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
