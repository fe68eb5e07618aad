package io.clusteragent.eventrecord;

/** The object an Event is about; {@code namespace} is null for cluster-scoped objects such as nodes. */
public record InvolvedObject(String kind, String namespace, String name, String uid) {}
