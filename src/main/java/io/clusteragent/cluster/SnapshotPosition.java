package io.clusteragent.cluster;

/**
 * Where an object sits in a dump, in the terms a reader of the file uses: the document (1-based, as
 * YAML documents separated by {@code ---} or JSON values one after the other), the index in the
 * document's {@code items} (as {@code items[56]}, the way jsonpath names it) and the line it starts on.
 */
record SnapshotPosition(int document, int item, int line) {

    static final int NOT_AN_ITEM = -1;

    @Override
    public String toString() {
        return "document " + document + (item == NOT_AN_ITEM ? "" : ", items[" + item + "]") + ", line " + line;
    }
}
