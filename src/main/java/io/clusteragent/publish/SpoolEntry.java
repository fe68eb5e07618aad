package io.clusteragent.publish;

/** A spooled incident; the sequence orders delivery and names its file. */
record SpoolEntry(long sequence, OutgoingIncident incident) {}
