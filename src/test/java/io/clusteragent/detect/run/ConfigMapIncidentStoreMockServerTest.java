package io.clusteragent.detect.run;

import io.clusteragent.cluster.IncidentConfigMap;
import io.clusteragent.detect.Category;
import io.clusteragent.detect.Finding;
import io.clusteragent.detect.FindingType;
import io.clusteragent.detect.IncidentRecord;
import io.clusteragent.detect.IncidentSeverity;
import io.clusteragent.detect.IncidentState;
import io.clusteragent.detect.IncidentStatus;
import io.clusteragent.detect.IncidentStore;
import io.clusteragent.detect.Notification;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class ConfigMapIncidentStoreMockServerTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    KubernetesClient client;

    @Test
    void theStateSavedByOneReplicaIsWhatTheNextOneLoads() throws Exception {
        ConfigMapIncidentStore first = store();
        assertThat(first.load()).isEqualTo(IncidentState.EMPTY);
        IncidentState state = state(3);

        first.save(state);
        first.save(state(4));

        assertThat(store().load()).isEqualTo(state(4));
        assertThat(client.configMaps()
                        .inNamespace("agents")
                        .withName(IncidentConfigMap.NAME)
                        .get()
                        .getBinaryData())
                .containsOnlyKeys(IncidentConfigMap.KEY);
    }

    @Test
    void aReplicaThatMissedItsSuccessorsSaveGetsAConflictNotAnOverwrite() throws Exception {
        ConfigMapIncidentStore old = store();
        old.load();
        old.save(state(1));
        ConfigMapIncidentStore next = store();
        next.load();
        next.save(state(2));

        assertThatThrownBy(() -> old.save(state(5))).isInstanceOf(IncidentStore.ConflictException.class);
        assertThat(store().load()).isEqualTo(state(2));

        old.load();
        old.save(state(6));
        assertThat(next.load()).as("after reloading, it may write").isEqualTo(state(6));
    }

    @Test
    void twoReplicasCreatingTheStateAtOnceConflictRatherThanBothWin() throws Exception {
        ConfigMapIncidentStore a = store();
        ConfigMapIncidentStore b = store();
        a.load();
        b.load();
        a.save(state(1));

        assertThatThrownBy(() -> b.save(state(2))).isInstanceOf(IncidentStore.ConflictException.class);
    }

    private ConfigMapIncidentStore store() {
        return new ConfigMapIncidentStore(new IncidentConfigMap(client, "agents"));
    }

    private static IncidentState state(int version) {
        Finding finding = new Finding(
                FindingType.CRASH_LOOP,
                IncidentSeverity.CRITICAL,
                "shop",
                "pod/web-1",
                "node-1",
                "Container app is in CrashLoopBackOff",
                "Deployment/web",
                Map.of("restarts", "47"));
        Notification notice = new Notification("f1", version, IncidentStatus.OPEN, finding, Category.Customer, NOW);
        return new IncidentState(
                Map.of(
                        "f1",
                        new IncidentRecord(version, notice, null),
                        "f2",
                        new IncidentRecord(2, null, NOW.minusSeconds(60))),
                List.of(notice));
    }
}
