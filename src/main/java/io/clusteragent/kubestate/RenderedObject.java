package io.clusteragent.kubestate;

import java.io.IOException;
import java.io.OutputStream;

/**
 * All the sample lines of one object, every family one after the other in one array ({@code renderFamilies}:
 * one allocation per object, sized exactly), with where each family ends. This is all a store keeps of an object.
 */
record RenderedObject(byte[] bytes, int[] familyEnds) {

    void writeFamily(int family, OutputStream out) throws IOException {
        int start = family == 0 ? 0 : familyEnds[family - 1];
        int end = familyEnds[family];
        if (end > start) {
            out.write(bytes, start, end - start);
        }
    }
}
