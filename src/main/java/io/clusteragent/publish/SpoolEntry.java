package io.clusteragent.publish;

/** A spooled item; the sequence orders delivery and names its file. */
public record SpoolEntry<T>(long sequence, T item) {}
