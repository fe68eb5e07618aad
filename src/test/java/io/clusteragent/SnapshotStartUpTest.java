package io.clusteragent;

import io.clusteragent.config.AgentConfig;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The agent refuses to start on a dump it cannot use, with the message Main prints after "start-up failed:". */
class SnapshotStartUpTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void halfADumpStopsStartUpSayingWhereTheFileStops(@TempDir Path dir) throws Exception {
        List<String> demo = Files.readAllLines(Path.of("examples/demo-cluster.yaml"));
        Path half = Files.write(dir.resolve("half.yaml"), demo.subList(0, demo.size() / 2));

        assertThat(startUpFailure(half, dir))
                .startsWith("cluster snapshot " + half
                        + " looks truncated: the items of the List at document 1, line 24 stop at line ");
    }

    @Test
    void aFileWithoutKubernetesObjectsStopsStartUpInsteadOfServingAnEmptyCluster(@TempDir Path dir) throws Exception {
        Path hello = Files.writeString(dir.resolve("hello.yaml"), "hello world\n");

        assertThat(startUpFailure(hello, dir))
                .startsWith("cluster snapshot " + hello + " holds no objects the agent uses");
    }

    private String startUpFailure(Path snapshot, Path spool) {
        AgentConfig config = AgentConfig.fromMap(
                Map.of("SPOOL_DIR", spool.resolve("spool").toString()),
                List.of("--snapshot", snapshot.toString(), "--now", "2026-01-15T12:00:00Z", "--port", "0"));
        Throwable[] failure = new Throwable[1];
        assertThatThrownBy(() -> new Agent(vertx, config)
                        .start()
                        .toCompletionStage()
                        .toCompletableFuture()
                        .get(60, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> failure[0] = e.getCause());
        return failure[0].getMessage();
    }
}
