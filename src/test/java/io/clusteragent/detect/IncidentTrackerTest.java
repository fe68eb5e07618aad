package io.clusteragent.detect;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.clusteragent.detect.Shapes.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class IncidentTrackerTest {

    private static final Set<FindingType> ALL = EnumSet.allOf(FindingType.class);
    private static final Finding CRASH_LOOP =
            finding(FindingType.CRASH_LOOP, IncidentSeverity.CRITICAL, "shop", "pod/web-1");
    private static final Finding NODE_DOWN =
            finding(FindingType.NODE_NOT_READY, IncidentSeverity.CRITICAL, null, "node/node-2");

    private final IncidentTracker tracker =
            new IncidentTracker("prod-eu-1", PlatformNamespaces.defaults(), Duration.ofMinutes(30), true);

    @Test
    void theSameConditionOverManyCyclesYieldsOneOpenNotification() {
        List<Notification> first = tracker.update(ALL, List.of(CRASH_LOOP), NOW);

        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(IncidentStatus.OPEN);
            assertThat(n.version()).isEqualTo(1);
            assertThat(n.finding()).isEqualTo(CRASH_LOOP);
            assertThat(n.category()).isEqualTo(Category.Customer);
            assertThat(n.detectedAt()).isEqualTo(NOW);
            assertThat(n.idempotencyKey()).isEqualTo(n.fingerprint() + ":1");
        });
        for (int cycle = 1; cycle < 20; cycle++) {
            assertThat(tracker.update(ALL, List.of(CRASH_LOOP), NOW.plusSeconds(30L * cycle)))
                    .isEmpty();
        }
    }

    @Test
    void aRiseInSeverityIsNotifiedOnceAndAFallIsNot() {
        Finding medium = finding(FindingType.CPU_SPIKE, IncidentSeverity.MEDIUM, "shop", "pod/web-1");
        Finding critical = finding(FindingType.CPU_SPIKE, IncidentSeverity.CRITICAL, "shop", "pod/web-1");
        tracker.update(ALL, List.of(medium), NOW);

        assertThat(tracker.update(ALL, List.of(critical), NOW.plusSeconds(30)))
                .extracting(Notification::version, n -> n.finding().severity())
                .containsExactly(tuple(2, IncidentSeverity.CRITICAL));
        assertThat(tracker.update(ALL, List.of(critical), NOW.plusSeconds(60))).isEmpty();
        assertThat(tracker.update(ALL, List.of(medium), NOW.plusSeconds(90))).isEmpty();
    }

    @Test
    void aPersistingIncidentIsNotifiedAgainOnceTheCooldownHasPassed() {
        tracker.update(ALL, List.of(CRASH_LOOP), NOW);

        assertThat(tracker.update(ALL, List.of(CRASH_LOOP), NOW.plus(Duration.ofMinutes(29))))
                .isEmpty();
        assertThat(tracker.update(ALL, List.of(CRASH_LOOP), NOW.plus(Duration.ofMinutes(30))))
                .extracting(Notification::status, Notification::version)
                .containsExactly(tuple(IncidentStatus.OPEN, 2));
        assertThat(tracker.update(ALL, List.of(CRASH_LOOP), NOW.plus(Duration.ofMinutes(31))))
                .isEmpty();
    }

    @Test
    void aConditionThatClearsIsResolvedOnce() {
        tracker.update(ALL, List.of(CRASH_LOOP), NOW);

        List<Notification> resolved = tracker.update(ALL, List.of(), NOW.plusSeconds(30));

        assertThat(resolved).singleElement().satisfies(n -> {
            assertThat(n.status()).isEqualTo(IncidentStatus.RESOLVED);
            assertThat(n.version()).isEqualTo(2);
            assertThat(n.finding()).isEqualTo(CRASH_LOOP);
            assertThat(n.detectedAt()).isEqualTo(NOW.plusSeconds(30));
        });
        assertThat(tracker.update(ALL, List.of(), NOW.plusSeconds(60))).isEmpty();
        assertThat(tracker.openIncidents()).isEmpty();
    }

    @Test
    void resolutionsAreNotPublishedWhenTurnedOff() {
        IncidentTracker quiet =
                new IncidentTracker("prod-eu-1", PlatformNamespaces.defaults(), Duration.ofMinutes(30), false);
        quiet.update(ALL, List.of(CRASH_LOOP), NOW);

        assertThat(quiet.update(ALL, List.of(), NOW.plusSeconds(30))).isEmpty();
        assertThat(quiet.openIncidents()).isEmpty();
    }

    @Test
    void aRunOfSomeDetectorsResolvesOnlyTheirOwnIncidents() {
        tracker.update(ALL, List.of(CRASH_LOOP, NODE_DOWN), NOW);

        List<Notification> nodeOnlyRun =
                tracker.update(EnumSet.of(FindingType.NODE_NOT_READY), List.of(), NOW.plusSeconds(1));

        assertThat(nodeOnlyRun)
                .extracting(n -> n.finding().type(), Notification::status)
                .containsExactly(tuple(FindingType.NODE_NOT_READY, IncidentStatus.RESOLVED));
        assertThat(tracker.openIncidents().values()).containsExactly(CRASH_LOOP);
    }

    @Test
    void aFailedDetectorResolvesNothing() {
        tracker.update(ALL, List.of(CRASH_LOOP), NOW);
        CycleResult failedCrashLoop = new CycleResult(
                EnumSet.complementOf(EnumSet.of(FindingType.CRASH_LOOP)),
                List.of(),
                Map.of(FindingType.CRASH_LOOP, new IllegalStateException("boom")));

        assertThat(tracker.update(failedCrashLoop, NOW.plusSeconds(30))).isEmpty();
    }

    @Test
    void anIncidentThatReopensContinuesItsVersionsSoItsIdempotencyKeysAreNew() {
        tracker.update(ALL, List.of(CRASH_LOOP), NOW);
        tracker.update(ALL, List.of(), NOW.plusSeconds(30));

        assertThat(tracker.update(ALL, List.of(CRASH_LOOP), NOW.plusSeconds(60)))
                .extracting(Notification::status, Notification::version)
                .containsExactly(tuple(IncidentStatus.OPEN, 3));
    }

    @Test
    void aRestoredTrackerCarriesOnItsCooldownAndItsNumbering() throws Exception {
        tracker.update(ALL, List.of(CRASH_LOOP, NODE_DOWN), NOW);
        tracker.update(ALL, List.of(CRASH_LOOP), NOW.plusSeconds(30));

        IncidentTracker restarted = restartedFrom(tracker);

        assertThat(restarted.update(ALL, List.of(CRASH_LOOP), NOW.plusSeconds(60)))
                .as("open, and already announced")
                .isEmpty();
        assertThat(restarted.update(ALL, List.of(CRASH_LOOP), NOW.plus(Duration.ofMinutes(30))))
                .as("the cooldown counts from the notification before the restart")
                .extracting(Notification::version)
                .containsExactly(2);
        assertThat(restarted.update(ALL, List.of(CRASH_LOOP, NODE_DOWN), NOW.plus(Duration.ofMinutes(31))))
                .as("a reopened incident continues after its resolution, never reusing a key")
                .extracting(Notification::version)
                .containsExactly(3);
    }

    @Test
    void aRestoredOpenIncidentResolvesWithItsLastFinding() throws Exception {
        tracker.update(ALL, List.of(CRASH_LOOP), NOW);

        IncidentTracker restarted = restartedFrom(tracker);

        assertThat(restarted.update(ALL, List.of(), NOW.plusSeconds(30)))
                .singleElement()
                .satisfies(n -> {
                    assertThat(n.status()).isEqualTo(IncidentStatus.RESOLVED);
                    assertThat(n.version()).isEqualTo(2);
                    assertThat(n.finding()).isEqualTo(CRASH_LOOP);
                });
    }

    @Test
    void closedIncidentsAreForgottenAfterTheVersionMemory() {
        tracker.update(ALL, List.of(CRASH_LOOP), NOW);
        tracker.update(ALL, List.of(), NOW.plusSeconds(30));
        assertThat(tracker.records()).hasSize(1);

        tracker.update(ALL, List.of(), NOW.plus(IncidentTracker.VERSION_MEMORY).plusSeconds(31));

        assertThat(tracker.records()).as("the stored state stays bounded").isEmpty();
    }

    /** Through the stored form, as a restarted agent or the next leader reads it. */
    private static IncidentTracker restartedFrom(IncidentTracker before) throws Exception {
        IncidentState stored =
                IncidentStateJson.read(IncidentStateJson.write(new IncidentState(before.records(), List.of())));
        IncidentTracker restarted =
                new IncidentTracker("prod-eu-1", PlatformNamespaces.defaults(), Duration.ofMinutes(30), true);
        restarted.restore(stored.incidents());
        return restarted;
    }

    @Test
    void fingerprintIsStableAndSeparatesClustersTypesNamespacesAndResources() {
        String fingerprint = tracker.fingerprint(CRASH_LOOP);

        assertThat(fingerprint)
                .matches("[0-9a-f]{16}")
                .isEqualTo(new IncidentTracker("prod-eu-1", PlatformNamespaces.defaults(), Duration.ofMinutes(1), true)
                        .fingerprint(finding(FindingType.CRASH_LOOP, IncidentSeverity.LOW, "shop", "pod/web-1")));
        assertThat(List.of(
                        new IncidentTracker("prod-us-1", PlatformNamespaces.defaults(), Duration.ofMinutes(1), true)
                                .fingerprint(CRASH_LOOP),
                        tracker.fingerprint(
                                finding(FindingType.OOM_KILLED, IncidentSeverity.CRITICAL, "shop", "pod/web-1")),
                        tracker.fingerprint(
                                finding(FindingType.CRASH_LOOP, IncidentSeverity.CRITICAL, "blog", "pod/web-1")),
                        tracker.fingerprint(
                                finding(FindingType.CRASH_LOOP, IncidentSeverity.CRITICAL, "shop", "pod/web-2"))))
                .doesNotContain(fingerprint)
                .doesNotHaveDuplicates();
    }

    @Test
    void incidentsInSystemNamespacesAndOnNodesArePlatformOthersCustomer() {
        Finding dns = finding(
                FindingType.CRASH_LOOP, IncidentSeverity.CRITICAL, "kube-system", "pod/coredns-5d78c9869d-abcde");

        assertThat(tracker.update(ALL, List.of(CRASH_LOOP, dns, NODE_DOWN), NOW))
                .extracting(n -> n.finding().resource(), Notification::category)
                .containsExactly(
                        tuple("pod/web-1", Category.Customer),
                        tuple("pod/coredns-5d78c9869d-abcde", Category.Platform),
                        tuple("node/node-2", Category.Platform));
    }

    @Test
    void twoFindingsForOneResourceInACycleOpenOneIncidentAtTheHigherSeverity() {
        Finding high = finding(FindingType.EVENT_BURST, IncidentSeverity.HIGH, "shop", "pod/web-1");
        Finding critical = finding(FindingType.EVENT_BURST, IncidentSeverity.CRITICAL, "shop", "pod/web-1");

        assertThat(tracker.update(ALL, List.of(high, critical), NOW))
                .extracting(n -> n.finding().severity())
                .containsExactly(IncidentSeverity.CRITICAL);
    }

    private static Finding finding(FindingType type, IncidentSeverity severity, String namespace, String resource) {
        return new Finding(
                type,
                severity,
                namespace,
                resource,
                "node-1",
                type.label() + " on " + resource,
                null,
                Map.of("reason", "test"));
    }
}
