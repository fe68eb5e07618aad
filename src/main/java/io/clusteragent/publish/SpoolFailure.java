package io.clusteragent.publish;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What went wrong with a spool file, in words: the JDK's file exceptions often carry only the path
 * ({@code AccessDeniedException: /var/spool}), which tells an operator where but not what.
 */
final class SpoolFailure {

    private SpoolFailure() {}

    static String describe(Exception failure) {
        if (failure instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        if (failure instanceof FileAlreadyExistsException exists) {
            return exists.getFile() + " exists and is not a directory";
        }
        if (failure instanceof NoSuchFileException missing) {
            return missing.getFile() + " does not exist and cannot be created there";
        }
        if (failure instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason() + " (" + fs.getFile() + ")";
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }
}
