package io.clusteragent.fleet;

import io.clusteragent.eventrecord.EventRecord;
import io.clusteragent.eventrecord.InvolvedObject;

import java.util.function.Function;

/** What a rule can group records by: one field of an {@link EventRecord}; the constant names are the rule file's. */
public enum Dimension {
    cluster(EventRecord::clusterId),
    namespace(record -> object(record, InvolvedObject::namespace)),
    kind(record -> object(record, InvolvedObject::kind)),
    name(record -> object(record, InvolvedObject::name)),
    reason(EventRecord::reason),
    image(EventRecord::image);

    private final Function<EventRecord, String> value;

    Dimension(Function<EventRecord, String> value) {
        this.value = value;
    }

    /** This dimension's value in {@code record}; null when the record has none (a cluster-scoped object's namespace). */
    public String of(EventRecord record) {
        String found = value.apply(record);
        return found == null || found.isEmpty() ? null : found;
    }

    private static String object(EventRecord record, Function<InvolvedObject, String> field) {
        return record.involvedObject() == null ? null : field.apply(record.involvedObject());
    }
}
