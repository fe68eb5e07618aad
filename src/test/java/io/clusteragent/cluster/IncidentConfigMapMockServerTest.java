package io.clusteragent.cluster;

import io.clusteragent.detect.Category;
import io.clusteragent.detect.Finding;
import io.clusteragent.detect.FindingType;
import io.clusteragent.detect.IncidentRecord;
import io.clusteragent.detect.IncidentState;
import io.clusteragent.detect.IncidentStatus;
import io.clusteragent.detect.IncidentStore;
import io.clusteragent.detect.Notification;
import io.clusteragent.detect.Severity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class IncidentConfigMapMockServerTest {

    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    KubernetesClient client;

    @Test
    void theStateSavedByOneReplicaIsWhatTheNextOneLoads() throws Exception {
        IncidentConfigMap first = new IncidentConfigMap(client, "agents");
        assertThat(first.load()).isEqualTo(IncidentState.EMPTY);
        IncidentState state = state(3);

        first.save(state);
        first.save(state(4));

        assertThat(new IncidentConfigMap(client, "agents").load()).isEqualTo(state(4));
        assertThat(client.configMaps().inNamespace("agents").withName(IncidentConfigMap.NAME).get().getBinaryData())
                .containsOnlyKeys(IncidentConfigMap.KEY);
    }

    @Test
    void aReplicaThatMissedItsSuccessorsSaveGetsAConflictNotAnOverwrite() throws Exception {
        IncidentConfigMap old = new IncidentConfigMap(client, "agents");
        old.load();
        old.save(state(1));
        IncidentConfigMap next = new IncidentConfigMap(client, "agents");
        next.load();
        next.save(state(2));

        assertThatThrownBy(() -> old.save(state(5))).isInstanceOf(IncidentStore.ConflictException.class);
        assertThat(new IncidentConfigMap(client, "agents").load()).isEqualTo(state(2));

        old.load();
        old.save(state(6));
        assertThat(next.load()).as("after reloading, it may write").isEqualTo(state(6));
    }

    @Test
    void twoReplicasCreatingTheStateAtOnceConflictRatherThanBothWin() throws Exception {
        IncidentConfigMap a = new IncidentConfigMap(client, "agents");
        IncidentConfigMap b = new IncidentConfigMap(client, "agents");
        a.load();
        b.load();
        a.save(state(1));

        assertThatThrownBy(() -> b.save(state(2))).isInstanceOf(IncidentStore.ConflictException.class);
    }

    private static IncidentState state(int version) {
        Finding finding = new Finding(FindingType.CRASH_LOOP, Severity.CRITICAL, "shop", "pod/web-1", "node-1",
                "Container app is in CrashLoopBackOff", "Deployment/web", Map.of("restarts", "47"));
        Notification notice = new Notification("f1", version, IncidentStatus.OPEN, finding, Category.Customer, NOW);
        return new IncidentState(Map.of("f1", new IncidentRecord(version, notice, null),
                "f2", new IncidentRecord(2, null, NOW.minusSeconds(60))), List.of(notice));
    }
}
