package io.clusteragent.cluster;

/** A cluster snapshot that cannot be used; its message names the file and the problem. */
public final class SnapshotException extends RuntimeException {

    public SnapshotException(String message) {
        super(message);
    }

    public SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
