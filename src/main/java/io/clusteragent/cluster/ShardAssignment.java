package io.clusteragent.cluster;

/** This agent's part of the objects when kube-state metrics are sharded: shard {@code shard} of {@code total}, from 0. */
public record ShardAssignment(int shard, int total) {}
