package io.clusteragent.publish;

import io.clusteragent.detect.IncidentState;
import io.clusteragent.detect.IncidentStateJson;
import io.clusteragent.detect.IncidentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * The incident state of a single agent, in the spool directory: the spool and the state that says what
 * was spooled live and die together, on the same volume. Replaced atomically (temporary file, fsync,
 * rename), so a crash leaves the previous state or the new one; the spool's start-up removes a
 * half-written temporary file. Its name has no {@code .json} suffix, so the spool never takes it for an entry.
 */
public final class IncidentStateFile implements IncidentStore {

    private static final Logger LOG = LoggerFactory.getLogger(IncidentStateFile.class);
    static final String NAME = "incident-state";

    private final SpoolFiles<OutgoingIncident> files;
    private final Path file;

    public IncidentStateFile(Path spoolDir) {
        this.files = SpoolFiles.incidents(spoolDir);
        this.file = spoolDir.resolve(NAME);
    }

    /** An unreadable state is set aside: detection starts afresh rather than not at all. */
    @Override
    public IncidentState load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException first) {
            return IncidentState.EMPTY;
        }
        try {
            return IncidentStateJson.read(bytes);
        } catch (IOException | RuntimeException unreadable) {
            Path aside = SpoolFiles.setAside(file);
            LOG.error(
                    "unreadable incident state set aside; open incidents will be announced again {}: {}",
                    kv("file", aside.toString()),
                    SpoolFiles.firstLine(unreadable));
            return IncidentState.EMPTY;
        }
    }

    @Override
    public void save(IncidentState state) throws IOException {
        try {
            files.writeAtomically(file, IncidentStateJson.write(state));
        } catch (IOException e) {
            throw new IOException("SPOOL_DIR " + files.dir() + ": " + SpoolFailure.describe(e), e);
        }
    }

    @Override
    public String describe() {
        return file.toString();
    }
}
