package io.clusteragent.publish;

import io.clusteragent.testing.Polling;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.clusteragent.publish.Incidents.open;
import static io.clusteragent.publish.Incidents.resolved;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SpoolTest {

    @TempDir
    Path dir;

    private Context context;

    @BeforeEach
    void context(Vertx vertx) {
        context = vertx.getOrCreateContext();
    }

    @Test
    void fullSpoolDropsTheOldestResolvedFirstThenTheOldestAndCountsThem(Vertx vertx, VertxTestContext test) {
        Polling.on(context, () -> Spool.open(vertx, dir, 3))
                .compose(spool -> spool.add(open("a", 1))
                        .compose(x -> spool.add(resolved("b", 1)))
                        .compose(x -> spool.add(open("c", 1)))
                        .compose(x -> spool.add(open("d", 1)))
                        .onComplete(test.succeeding(x -> test.verify(() -> {
                            assertThat(keys(spool)).containsExactly("a:1", "c:1", "d:1");
                            assertThat(spool.droppedCount()).isEqualTo(1);
                        })))
                        .compose(x -> spool.add(open("e", 1)))
                        .compose(x -> spool.close().map(spool)))
                .onComplete(test.succeeding(spool -> test.verify(() -> {
                    assertThat(keys(spool)).containsExactly("c:1", "d:1", "e:1");
                    assertThat(spool.droppedCount()).isEqualTo(2);
                    assertThat(spool.depth()).isEqualTo(3);
                    assertThat(spoolFiles())
                            .containsExactly(
                                    "0000000000000000003.json", "0000000000000000004.json", "0000000000000000005.json");
                    test.completeNow();
                })));
    }

    @Test
    void entriesBeingDeliveredAreNeverDropped(Vertx vertx, VertxTestContext test) {
        Polling.on(context, () -> Spool.open(vertx, dir, 2))
                .compose(spool -> spool.add(resolved("a", 1))
                        .compose(x -> spool.add(open("b", 1)))
                        .map(x -> spool.claimNext())
                        .compose(claimed -> spool.add(open("c", 1)))
                        .compose(x -> spool.close().map(spool)))
                .onComplete(test.succeeding(spool -> test.verify(() -> {
                    assertThat(keys(spool)).containsExactly("a:1", "c:1");
                    assertThat(spool.droppedCount()).isEqualTo(1);
                    test.completeNow();
                })));
    }

    @Test
    void onlyTheOldestVersionOfAFingerprintIsClaimedAndTheNextAfterItIsRemoved(Vertx vertx, VertxTestContext test) {
        Polling.on(context, () -> Spool.open(vertx, dir, 10))
                .compose(spool -> spool.add(open("a", 1))
                        .compose(x -> spool.add(open("a", 2)))
                        .compose(x -> spool.add(open("b", 1)))
                        .compose(x -> {
                            List<String> claims = new ArrayList<>();
                            SpoolEntry<OutgoingIncident> first =
                                    spool.claimNext().orElseThrow();
                            claims.add(first.item().idempotencyKey());
                            spool.claimNext().ifPresent(e -> claims.add(e.item().idempotencyKey()));
                            claims.add(spool.claimNext()
                                    .map(e -> e.item().idempotencyKey())
                                    .orElse("none"));
                            test.verify(() -> assertThat(spool.waiting()).isEqualTo(1));
                            return spool.remove(first).map(removed -> {
                                spool.claimNext()
                                        .ifPresent(e -> claims.add(e.item().idempotencyKey()));
                                return claims;
                            });
                        })
                        .compose(claims -> spool.close().map(claims)))
                .onComplete(test.succeeding(claims -> test.verify(() -> {
                    assertThat(claims).containsExactly("a:1", "b:1", "none", "a:2");
                    test.completeNow();
                })));
    }

    @Test
    void reopenedSpoolDeliversInTheOriginalOrderAndKeepsNumbering(Vertx vertx, VertxTestContext test) {
        Polling.on(context, () -> Spool.open(vertx, dir, 10))
                .compose(spool -> spool.add(open("a", 1))
                        .compose(x -> spool.add(open("b", 1)))
                        .compose(x -> spool.add(open("a", 2)))
                        .compose(x -> spool.close()))
                .compose(closed -> Polling.on(context, () -> Spool.open(vertx, dir, 10)))
                .compose(spool -> spool.add(open("c", 1)).compose(added -> spool.close()))
                // What a third start finds on disk is what counts: the order and the numbering carried over.
                .compose(closed -> Polling.on(context, () -> Spool.open(vertx, dir, 10)))
                .onComplete(test.succeeding(spool -> test.verify(() -> {
                    assertThat(keys(spool)).containsExactly("a:1", "b:1", "a:2", "c:1");
                    assertThat(spoolFiles())
                            .containsExactly(
                                    "0000000000000000001.json",
                                    "0000000000000000002.json",
                                    "0000000000000000003.json",
                                    "0000000000000000004.json");
                    spool.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @Test
    void anIncidentOfferedAgainAfterARestartIsNotSpooledTwice(Vertx vertx, VertxTestContext test) {
        Polling.on(context, () -> Spool.open(vertx, dir, 10))
                .compose(spool -> spool.add(open("a", 1)).compose(x -> spool.close()))
                .compose(closed -> Polling.on(context, () -> Spool.open(vertx, dir, 10)))
                .compose(spool -> spool.add(open("a", 1))
                        .compose(x -> spool.add(open("a", 2)))
                        .compose(x -> spool.close().map(spool)))
                .onComplete(test.succeeding(spool -> test.verify(() -> {
                    assertThat(keys(spool)).containsExactly("a:1", "a:2");
                    assertThat(spoolFiles()).hasSize(2);
                    test.completeNow();
                })));
    }

    @Test
    void halfWrittenFilesAreDiscardedAndUnreadableOnesSetAside(Vertx vertx, VertxTestContext test) throws IOException {
        Files.write(dir.resolve("0000000000000000001.json"), PublishJson.spoolRecord(open("a", 1)));
        Files.writeString(dir.resolve("0000000000000000002.json"), "{not json");
        Files.writeString(dir.resolve("0000000000000000003.json.tmp"), "{\"fingerprint\":");
        Polling.on(context, () -> Spool.open(vertx, dir, 10))
                .onComplete(test.succeeding(spool -> test.verify(() -> {
                    assertThat(keys(spool)).containsExactly("a:1");
                    assertThat(spoolFiles()).containsExactly("0000000000000000001.json");
                    assertThat(dir.resolve("0000000000000000002.json.corrupt")).exists();
                    spool.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "[]", "\"x\"", "{}", "{\"fingerprint\":\"a\",\"version\":1}", ""})
    void wellFormedJsonThatIsNoIncidentIsSetAsideAndStartContinues(String content, Vertx vertx, VertxTestContext test)
            throws IOException {
        Files.write(dir.resolve("0000000000000000001.json"), PublishJson.spoolRecord(open("a", 1)));
        Files.writeString(dir.resolve("0000000000000000002.json"), content);
        Polling.on(context, () -> Spool.open(vertx, dir, 10))
                .compose(spool -> spool.add(open("b", 1)).map(spool))
                .onComplete(test.succeeding(spool -> test.verify(() -> {
                    assertThat(keys(spool)).containsExactly("a:1", "b:1");
                    assertThat(dir.resolve("0000000000000000002.json.corrupt")).hasContent(content);
                    spool.close().onComplete(test.succeedingThenComplete());
                })));
    }

    @Test
    void shrunkLimitTrimsWhatAPreviousRunLeft(Vertx vertx, VertxTestContext test) {
        Polling.on(context, () -> Spool.open(vertx, dir, 10))
                .compose(spool -> spool.add(open("a", 1))
                        .compose(x -> spool.add(resolved("b", 1)))
                        .compose(x -> spool.add(open("c", 1)))
                        .compose(x -> spool.close()))
                .compose(closed -> Polling.on(context, () -> Spool.open(vertx, dir, 2)))
                .onComplete(test.succeeding(spool -> test.verify(() -> {
                    assertThat(keys(spool)).containsExactly("a:1", "c:1");
                    assertThat(spool.droppedCount()).isEqualTo(1);
                    spool.close().onComplete(test.succeedingThenComplete());
                })));
    }

    private static List<String> keys(Spool<OutgoingIncident> spool) {
        return spool.entries().stream().map(e -> e.item().idempotencyKey()).toList();
    }

    private List<String> spoolFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".json"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
