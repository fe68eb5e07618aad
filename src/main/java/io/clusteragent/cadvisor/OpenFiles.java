package io.clusteragent.cadvisor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The cgroup and {@code /proc} files of the readings, kept open from one reading to the next and read again with
 * one positional read at offset 0. Opening and closing cost more than the read itself (most of a reading's CPU
 * went to them), and a kept descriptor reads what a new one would: kernfs and {@code seq_file} generate a file's
 * content afresh on every read at position 0, and a regular file reads its current bytes.
 *
 * <p>A file not read during a reading is closed after it: its cgroup is gone (the container exited) or no longer
 * read. A kept file of a cgroup that was removed fails with {@code ENODEV}; any failure of a kept file closes it
 * and opens the file once more, so a file that is gone reads as absent, as one that never was. At most
 * {@code limit} files are kept open, well inside the process's descriptor limit; the rest are opened, read and
 * closed each time. Not thread-safe: one reading at a time, on one thread.
 */
final class OpenFiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenFiles.class);

    /** A node's pods rarely pass a few hundred containers of about 14 files each. */
    private static final int MOST_KEPT = 16_384;

    /** One page holds every cgroup file but a large {@code memory.stat} or a busy {@code net/dev}; it doubles. */
    private static final int FIRST_BUFFER = 16_384;

    private final int limit;
    private int open;
    private Map<Path, Directory> kept = new HashMap<>();
    private Map<Path, Directory> readNow = new HashMap<>();
    private ByteBuffer direct = ByteBuffer.allocateDirect(FIRST_BUFFER);
    private byte[] bytes = new byte[FIRST_BUFFER];

    OpenFiles(int limit) {
        this.limit = limit;
    }

    /** Keeps up to half the process's descriptor limit open (the HTTP server and the client need the rest). */
    static OpenFiles withinDescriptorLimit() {
        long descriptors = ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount()
                : 1024;
        return new OpenFiles((int) Math.min(MOST_KEPT, descriptors / 2));
    }

    /** A cgroup's (or process's) directory, whose files this reading reads: looked up once, not per file. */
    Directory directory(Path dir) {
        Directory directory = kept.remove(dir);
        if (directory == null) {
            directory = readNow.get(dir);
        }
        if (directory == null) {
            directory = new Directory(dir);
        }
        directory.vanished = false;
        readNow.put(dir, directory);
        return directory;
    }

    /** The bytes of the last read. */
    byte[] bytes() {
        return bytes;
    }

    /** Ends a reading: closes the files of the directories it did not read, whose cgroups are gone. */
    void endReading() {
        kept.values().forEach(Directory::close);
        kept.clear();
        Map<Path, Directory> swap = kept;
        kept = readNow;
        readNow = swap;
    }

    /** How many files are open now. */
    int open() {
        return open;
    }

    @Override
    public void close() {
        endReading();
        endReading();
    }

    /** One directory's kept files, by name. */
    final class Directory {

        private final Path path;
        private final Map<String, FileChannel> files = new HashMap<>();
        private boolean vanished;

        private Directory(Path path) {
            this.path = path;
        }

        Path path() {
            return path;
        }

        /** Whether the directory is there: known by its kept files, else asked of the file system. */
        boolean exists() {
            return !files.isEmpty() || Files.isDirectory(path);
        }

        /** Whether a kept file of it, in this reading, could not be read nor opened again: the cgroup went away. */
        boolean vanished() {
            return vanished;
        }

        /**
         * Reads the whole file into {@link #bytes()}, valid until the next read.
         *
         * @return its length; -1 when it cannot be read (absent, its cgroup removed, not readable)
         */
        int read(String name) {
            boolean failed = false;
            FileChannel channel = files.remove(name);
            if (channel != null) {
                open--;
                try {
                    int length = readWhole(channel);
                    keep(name, channel);
                    return length;
                } catch (IOException e) {
                    LOG.debug("kept {}/{} failed, opening it again: {}", path, name, e.toString());
                    OpenFiles.close(channel);
                    failed = true;
                }
            }
            Path file = path.resolve(name);
            try {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            } catch (NoSuchFileException e) {
                LOG.debug("no {}", file);
                vanished |= failed;
                return -1;
            } catch (IOException | UnsupportedOperationException e) {
                LOG.debug("cannot open {}: {}", file, e.toString());
                return -1;
            }
            try {
                int length = readWhole(channel);
                if (open < limit) {
                    keep(name, channel);
                    channel = null;
                }
                return length;
            } catch (IOException e) {
                LOG.debug("cannot read {}: {}", file, e.toString());
                return -1;
            } finally {
                if (channel != null) {
                    OpenFiles.close(channel);
                }
            }
        }

        private void keep(String name, FileChannel channel) {
            files.put(name, channel);
            open++;
        }

        private void close() {
            files.values().forEach(OpenFiles::close);
            open -= files.size();
            files.clear();
        }
    }

    /**
     * One read at position 0 fills the buffer with the whole file: {@code seq_file} fills a read up to its size,
     * and a regular file's short read is its end. A read that fills the buffer may have more: the buffer doubles
     * and the file is read again from 0.
     */
    private int readWhole(FileChannel channel) throws IOException {
        while (true) {
            direct.clear();
            int length = Math.max(0, channel.read(direct, 0));
            if (length < direct.capacity()) {
                direct.flip();
                direct.get(bytes, 0, length);
                return length;
            }
            direct = ByteBuffer.allocateDirect(direct.capacity() * 2);
            bytes = new byte[direct.capacity()];
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing a cgroup file failed: {}", e.toString());
        }
    }
}
