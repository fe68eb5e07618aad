package io.clusteragent.analysis.describe;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Model collections are null when a document says {@code null} or an object was built without them. */
final class Nulls {

    private Nulls() {}

    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A sorted copy, so responses list keys in a stable order. */
    static Map<String, String> sortedMap(Map<String, String> map) {
        return map == null ? new TreeMap<>() : new TreeMap<>(map);
    }
}
