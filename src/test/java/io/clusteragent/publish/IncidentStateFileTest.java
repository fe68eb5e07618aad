package io.clusteragent.publish;

import io.clusteragent.detect.IncidentRecord;
import io.clusteragent.detect.IncidentState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncidentStateFileTest {

    @TempDir
    Path dir;

    @Test
    void whatOneRunSavesTheNextLoadsAndTheSpoolNeverTakesItForAnEntry() throws Exception {
        IncidentState state = new IncidentState(
                Map.of("f1", new IncidentRecord(3, null, Instant.parse("2026-01-15T12:00:00Z"))), List.of());

        new IncidentStateFile(dir).save(state);

        assertThat(new IncidentStateFile(dir).load()).isEqualTo(state);
        assertThat(SpoolFiles.incidents(dir).load()).isEmpty();
        assertThat(dir.resolve(IncidentStateFile.NAME)).exists();
    }

    @Test
    void noFileIsAnEmptyState() throws Exception {
        assertThat(new IncidentStateFile(dir).load()).isEqualTo(IncidentState.EMPTY);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "{not json", "[]", "{\"incidents\":{\"f1\":{\"version\":1}}}"})
    void anUnreadableStateIsSetAsideAndDetectionStartsAfresh(String content) throws Exception {
        Files.writeString(dir.resolve(IncidentStateFile.NAME), content);

        assertThat(new IncidentStateFile(dir).load()).isEqualTo(IncidentState.EMPTY);
        assertThat(dir.resolve(IncidentStateFile.NAME + ".corrupt")).hasContent(content);
    }

    @Test
    void aStateThatCannotBeWrittenSaysWhereAndWhy() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("volume"), "a file");

        assertThatThrownBy(() -> new IncidentStateFile(notADirectory).save(IncidentState.EMPTY))
                .hasMessageContaining("SPOOL_DIR " + notADirectory)
                .hasMessageContaining("Not a directory");
    }
}
