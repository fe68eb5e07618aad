package io.clusteragent.kubestate;

import java.util.Arrays;

/**
 * All the sample lines of one object, every family one after the other in one array ({@code renderFamilies}),
 * with where each family ends: an object as rendered by an informer update, until the next scrape moves its
 * samples into its group's family chunks.
 */
record RenderedObject(byte[] bytes, int[] familyEnds) {

    /** Stands for an object deleted since the last scrape. */
    static final RenderedObject DELETED = new RenderedObject(new byte[0], new int[0]);

    int length(int family) {
        return familyEnds[family] - start(family);
    }

    boolean sameFamily(int family, byte[] other, int from, int length) {
        int start = start(family);
        return length == length(family) && Arrays.equals(bytes, start, start + length, other, from, from + length);
    }

    void copyFamily(int family, byte[] target, int at) {
        System.arraycopy(bytes, start(family), target, at, length(family));
    }

    private int start(int family) {
        return family == 0 ? 0 : familyEnds[family - 1];
    }
}
