package io.clusteragent.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * The spool directory: one file per item, in its codec's form, named by its zero-padded sequence so the
 * names sort in delivery order. Every method blocks; callers run them on a worker.
 */
final class SpoolFiles<T> {

    private static final Logger LOG = LoggerFactory.getLogger(SpoolFiles.class);
    private static final String SUFFIX = ".json";
    private static final String TEMP_SUFFIX = ".tmp";
    private static final String CORRUPT_SUFFIX = ".corrupt";
    private static final String PROBE = "write-probe";

    private final Path dir;
    private final SpoolCodec<T> codec;

    SpoolFiles(Path dir, SpoolCodec<T> codec) {
        this.dir = dir;
        this.codec = codec;
    }

    /** The incident spool's directory. */
    static SpoolFiles<OutgoingIncident> incidents(Path dir) {
        return new SpoolFiles<>(dir, IncidentSpoolCodec.INSTANCE);
    }

    Path dir() {
        return dir;
    }

    /**
     * Every readable entry, oldest first. Half-written files of a crash are deleted, unreadable ones set aside.
     * Fails, naming the directory and the cause, when the directory cannot be created, read or written:
     * an agent that cannot spool would lose what it sends, so it does not start.
     */
    List<SpoolEntry<T>> load() throws IOException {
        try {
            Files.createDirectories(dir);
            probe();
            return loadEntries();
        } catch (IOException e) {
            throw new IOException("SPOOL_DIR " + dir + " cannot hold the spool: " + SpoolFailure.describe(e), e);
        }
    }

    private List<SpoolEntry<T>> loadEntries() throws IOException {
        List<SpoolEntry<T>> entries = new ArrayList<>();
        for (Path file : list()) {
            String name = file.getFileName().toString();
            if (name.endsWith(TEMP_SUFFIX)) {
                Files.deleteIfExists(file);
            } else if (name.endsWith(SUFFIX)) {
                read(file, name).ifPresent(entries::add);
            }
        }
        entries.sort(Comparator.comparingLong(SpoolEntry::sequence));
        return entries;
    }

    void write(SpoolEntry<T> entry) throws IOException {
        writeAtomically(file(entry.sequence()), codec.write(entry.item()));
    }

    /** Written to a temporary file, forced to disk, then renamed: a crash leaves the old content or the new one. */
    void writeAtomically(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(
                temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            ByteBuffer bytes = ByteBuffer.wrap(content);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory();
    }

    /** Writing, forcing and deleting a file is what every item will need: find out now rather than per incident. */
    private void probe() throws IOException {
        Path probe = dir.resolve(PROBE);
        writeAtomically(probe, new byte[] {'o', 'k'});
        Files.delete(probe);
    }

    void delete(long sequence) throws IOException {
        Files.deleteIfExists(file(sequence));
    }

    private Path file(long sequence) {
        return dir.resolve(String.format("%019d%s", sequence, SUFFIX));
    }

    private List<Path> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private Optional<SpoolEntry<T>> read(Path file, String name) throws IOException {
        try {
            long sequence = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
            return Optional.of(new SpoolEntry<>(sequence, codec.read(Files.readAllBytes(file))));
        } catch (IOException | RuntimeException unreadable) {
            Path aside = setAside(file);
            LOG.warn("unreadable spool file set aside {}: {}", kv("file", aside.toString()), firstLine(unreadable));
            return Optional.empty();
        }
    }

    /**
     * Moves an unreadable file out of the way, beside it with a {@code .corrupt} suffix, so that start-up
     * goes on and an operator can still look at it.
     *
     * @return where it is now
     */
    static Path setAside(Path file) throws IOException {
        Path aside = file.resolveSibling(file.getFileName() + CORRUPT_SUFFIX);
        Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        return aside;
    }

    /** What went wrong, in one line for the log: a parser's message can run over several. */
    static String firstLine(Throwable failure) {
        return failure.toString().lines().findFirst().orElse("");
    }

    /** Makes the rename itself durable; not every platform can open a directory, and there it is skipped. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The file content is already on disk; only the rename might be lost by a power cut.
        }
    }
}
