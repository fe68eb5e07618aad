package io.clusteragent.cluster;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a dump with the streaming parser its first character calls for: JSON for {@code {} or
 * {@code [} (what {@code kubectl get -o json} and {@code kubectl get --raw} print, one value or
 * several one after the other), YAML otherwise (one document or several separated by {@code ---}).
 * JSON goes through Jackson's own parser, several times faster than the YAML one.
 */
final class SnapshotFormat {

    private static final int PEEK = 64;

    private SnapshotFormat() {}

    static JsonParser open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            return startsLikeJson(in)
                    ? new JsonFactory().createParser(in)
                    : yaml(Files.size(file)).createParser(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /**
     * SnakeYAML refuses a document over 3 MiB by default, a guard against unbounded input from
     * strangers; a dump is a local file whose size is known, so the limit is that size. The nesting
     * limit stays: Jackson stops at 1000 levels, far beyond any Kubernetes object.
     */
    private static YAMLFactory yaml(long fileSize) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.max(options.getCodePointLimit(), Math.min(Integer.MAX_VALUE, fileSize)));
        return YAMLFactory.builder().loaderOptions(options).build();
    }

    private static boolean startsLikeJson(InputStream in) throws IOException {
        in.mark(PEEK);
        try {
            byte[] head = in.readNBytes(PEEK);
            for (byte b : head) {
                if (b == '{' || b == '[') {
                    return true;
                }
                if (!isBlankOrBom(b)) {
                    return false;
                }
            }
            return false;
        } finally {
            in.reset();
        }
    }

    private static boolean isBlankOrBom(byte b) {
        return b == ' '
                || b == '\t'
                || b == '\r'
                || b == '\n'
                || b == (byte) 0xEF
                || b == (byte) 0xBB
                || b == (byte) 0xBF;
    }
}
