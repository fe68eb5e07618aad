package io.clusteragent.kubestate;

import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * The rendered objects of one group of a store, family by family: for each family the samples of every object
 * of the group one after the other in one chunk, with where each object's samples end; objects sorted by key.
 * Immutable: a change makes a new group that shares every family chunk the change left as it was, so a family's
 * kept gzip form survives changes to the others.
 *
 * @param keys  the objects' keys, sorted
 * @param texts per family, the samples of all the objects
 * @param ends  per family, per object, where its samples end in the family's chunk
 */
record RenderedGroup(String[] keys, TextChunk[] texts, int[][] ends) {

    static RenderedGroup empty(int families) {
        TextChunk[] texts = new TextChunk[families];
        Arrays.fill(texts, TextChunk.EMPTY);
        int[][] ends = new int[families][];
        Arrays.fill(ends, new int[0]);
        return new RenderedGroup(new String[0], texts, ends);
    }

    int size() {
        return keys.length;
    }

    boolean contains(String key) {
        return Arrays.binarySearch(keys, key) >= 0;
    }

    /**
     * This group with objects replaced, added or, for {@link RenderedObject#DELETED}, removed; a family chunk
     * is copied anew only when one of the changes changes its bytes, in as few copies as there are changes.
     */
    RenderedGroup with(SortedMap<String, RenderedObject> changes) {
        Layout layout = Layout.of(keys, changes);
        TextChunk[] newTexts = new TextChunk[texts.length];
        int[][] newEnds = new int[texts.length][];
        for (int family = 0; family < texts.length; family++) {
            boolean changed = changes(family, changes);
            if (!changed && !layout.movesObjects()) {
                newTexts[family] = texts[family];
                newEnds[family] = ends[family];
                continue;
            }
            newEnds[family] = layout.ends(family, ends[family]);
            newTexts[family] =
                    changed ? layout.text(family, texts[family], ends[family], newEnds[family]) : texts[family];
        }
        return new RenderedGroup(layout.keys(), newTexts, newEnds);
    }

    /** Whether some change makes the family's samples other than they were. */
    private boolean changes(int family, SortedMap<String, RenderedObject> changes) {
        for (Map.Entry<String, RenderedObject> change : changes.entrySet()) {
            int index = Arrays.binarySearch(keys, change.getKey());
            RenderedObject object = change.getValue();
            if (index < 0) {
                if (object != RenderedObject.DELETED && object.length(family) > 0) {
                    return true;
                }
                continue;
            }
            int start = start(ends[family], index);
            int length = ends[family][index] - start;
            if (object == RenderedObject.DELETED
                    ? length > 0
                    : !object.sameFamily(family, texts[family].bytes(), start, length)) {
                return true;
            }
        }
        return false;
    }

    static int start(int[] ends, int index) {
        return index == 0 ? 0 : ends[index - 1];
    }

    /**
     * Where each object of the changed group comes from: for position {@code i}, the old group's object
     * {@code kept[i]}, or, when that is -1, {@code rendered[i]}.
     */
    private record Layout(String[] keys, int[] kept, RenderedObject[] rendered, boolean movesObjects) {

        static Layout of(String[] oldKeys, SortedMap<String, RenderedObject> changes) {
            int capacity = oldKeys.length + changes.size();
            String[] keys = new String[capacity];
            int[] kept = new int[capacity];
            RenderedObject[] rendered = new RenderedObject[capacity];
            int count = 0;
            int old = 0;
            boolean moves = false;
            for (Map.Entry<String, RenderedObject> change : changes.entrySet()) {
                while (old < oldKeys.length && oldKeys[old].compareTo(change.getKey()) < 0) {
                    keys[count] = oldKeys[old];
                    kept[count++] = old++;
                }
                boolean present = old < oldKeys.length && oldKeys[old].equals(change.getKey());
                if (change.getValue() != RenderedObject.DELETED) {
                    keys[count] = change.getKey();
                    kept[count] = -1;
                    rendered[count++] = change.getValue();
                    moves |= !present;
                } else {
                    moves |= present;
                }
                if (present) {
                    old++;
                }
            }
            while (old < oldKeys.length) {
                keys[count] = oldKeys[old];
                kept[count++] = old++;
            }
            return new Layout(
                    Arrays.copyOf(keys, count), Arrays.copyOf(kept, count), Arrays.copyOf(rendered, count), moves);
        }

        int[] ends(int family, int[] oldEnds) {
            int[] ends = new int[keys.length];
            int end = 0;
            for (int i = 0; i < keys.length; i++) {
                end += kept[i] >= 0 ? oldEnds[kept[i]] - start(oldEnds, kept[i]) : rendered[i].length(family);
                ends[i] = end;
            }
            return ends;
        }

        /** The family's new chunk: runs of kept objects, contiguous in the old chunk, are copied at once. */
        TextChunk text(int family, TextChunk oldText, int[] oldEnds, int[] newEnds) {
            byte[] bytes = new byte[keys.length == 0 ? 0 : newEnds[keys.length - 1]];
            byte[] old = oldText.bytes();
            int i = 0;
            while (i < keys.length) {
                int at = start(newEnds, i);
                if (kept[i] < 0) {
                    rendered[i].copyFamily(family, bytes, at);
                    i++;
                    continue;
                }
                int run = i;
                while (run + 1 < keys.length && kept[run + 1] == kept[run] + 1) {
                    run++;
                }
                int from = start(oldEnds, kept[i]);
                System.arraycopy(old, from, bytes, at, oldEnds[kept[run]] - from);
                i = run + 1;
            }
            return new TextChunk(bytes);
        }
    }
}
