package io.clusteragent.publish;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A spool that cannot be written would lose every incident, so the sink refuses to start and says why.
 * The tests run as root, which ignores permission bits: these are places where writing fails for root too.
 */
@ExtendWith(VertxExtension.class)
class UnwritableSpoolTest {

    @TempDir
    Path tmp;

    @Test
    void aRegularFileWhereTheDirectoryShouldBeStopsTheStart(Vertx vertx, VertxTestContext test) throws IOException {
        Path file = Files.writeString(tmp.resolve("spool"), "not a directory");
        assertRefused(vertx, test, file, "SPOOL_DIR " + file + " cannot hold the spool: " + file + " exists and is not a directory");
    }

    @Test
    void aDirectoryUnderARegularFileStopsTheStart(Vertx vertx, VertxTestContext test) throws IOException {
        Path file = Files.writeString(tmp.resolve("volume"), "not a directory");
        assertRefused(vertx, test, file.resolve("spool"), "Not a directory");
    }

    @Test
    void anExistingDirectoryThatRefusesNewFilesStopsTheStart(Vertx vertx, VertxTestContext test) {
        // procfs exists and lists, but no one can create a file in it.
        assertRefused(vertx, test, Path.of("/proc"), "SPOOL_DIR /proc cannot hold the spool: /proc/write-probe.tmp");
    }

    private static void assertRefused(Vertx vertx, VertxTestContext test, Path spoolDir, String message) {
        AgentServiceSink.start(vertx, Incidents.settings(1, spoolDir, 1))
                .onComplete(test.failing(failure -> test.verify(() -> {
                    assertThat(failure).hasMessageContaining(message);
                    test.completeNow();
                })));
    }
}
