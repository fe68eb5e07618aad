package io.clusteragent.analysis.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clusteragent.analysis.pods.Fixtures;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FailureEventAnalyzerTest {

    static final Instant NOW = Instant.parse("2023-06-21T10:30:00Z");

    @Test
    void crashLoopBackOffEventIsCriticalContainerCrashEnrichedWithTheContainersLastRun() {
        PodFailureEvents result = analyzeFixture();

        FailureEvent backOff = find(result, "BackOff");
        assertThat(backOff.category()).isEqualTo("ContainerCrash");
        assertThat(backOff.severity()).isEqualTo("critical");
        assertThat(backOff.involvedContainer()).isEqualTo("app");
        assertThat(backOff.count()).isEqualTo(10);
        assertThat(backOff.isRecurring()).isTrue();
        assertThat(backOff.recurrenceRate()).isEqualTo("7.1 times per hour");
        assertThat(backOff.timeSinceFirst()).isEqualTo("1h30m");
        assertThat(backOff.firstTimestamp()).isEqualTo("2023-06-21T09:00:00Z");
        assertThat(backOff.lastTimestamp()).isEqualTo("2023-06-21T10:25:00Z");
        assertThat(backOff.source()).isEqualTo("kubelet/node-1");
        assertThat(backOff.possibleCauses())
                .contains(
                        "Container app exited with code 1 (application error)",
                        "Container app has restarted 10 times",
                        "Container app termination message: FATAL: could not connect to postgres at db:5432: connection refused");
        assertThat(backOff.possibleCauses()).noneMatch(c -> c.contains("proxy"));
    }

    @Test
    void reportSummarisesPodAndCountsEventsBySeverityAndCategory() {
        PodFailureEvents result = analyzeFixture();

        assertThat(result.podName()).isEqualTo("web-7d9c8b6f5-x2x7q");
        assertThat(result.namespace()).isEqualTo("shop");
        assertThat(result.totalEvents()).isEqualTo(5);
        assertThat(result.failureEvents())
                .extracting(FailureEvent::reason)
                .containsExactly("BackOff", "FailedScheduling", "Unhealthy", "Killing");
        assertThat(result.eventCategories())
                .containsExactly(
                        Map.entry("ContainerCrash", 1), Map.entry("Lifecycle", 1),
                        Map.entry("Probe", 1), Map.entry("Scheduling", 1));
        assertThat(result.criticalEvents()).isEqualTo(2);
        assertThat(result.warningEvents()).isEqualTo(1);
        assertThat(result.infoEvents()).isEqualTo(1);
        assertThat(result.podPhase()).isEqualTo("Running");
        assertThat(result.podStatus()).isEqualTo("CrashLoopBackOff");
    }

    @Test
    void routineNormalEventsCountTowardsTotalButAreNotFailures() {
        PodFailureEvents result = analyzeFixture();

        assertThat(result.failureEvents()).extracting(FailureEvent::reason).doesNotContain("Pulled");
    }

    @Test
    void eventsK8sIoEventWithoutCountOrTimestampsUsesEventTimeAndSeries() {
        FailureEvent scheduling = find(analyzeFixture(), "FailedScheduling");

        assertThat(scheduling.count()).isEqualTo(5);
        assertThat(scheduling.firstTimestamp()).isEqualTo("2023-06-21T08:00:00Z");
        assertThat(scheduling.lastTimestamp()).isEqualTo("2023-06-21T08:30:00Z");
        assertThat(scheduling.recurrenceRate()).isEqualTo("10.0 times per hour");
        assertThat(scheduling.timeSinceFirst()).isEqualTo("2h30m");
        assertThat(scheduling.source()).isEqualTo("default-scheduler/default-scheduler-control-plane-1");
        assertThat(scheduling.category()).isEqualTo("Scheduling");
    }

    @Test
    void singleEventsK8sIoEventWithOnlyEventTimeIsOnceAndAgedFromEventTime() {
        Event scheduled = new EventBuilder()
                .withType("Warning")
                .withReason("FailedScheduling")
                .withMessage("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.")
                .withEventTime(new MicroTime("2023-06-21T10:27:30.123456Z"))
                .withReportingComponent("default-scheduler")
                .build();

        FailureEvent event = FailureEventAnalyzer.analyze(pod(), List.of(scheduled), NOW)
                .failureEvents()
                .get(0);

        assertThat(event.count()).isEqualTo(1);
        assertThat(event.recurrenceRate()).isEqualTo("once");
        assertThat(event.timeSinceFirst()).isEqualTo("2m");
        assertThat(event.lastTimestamp()).isEqualTo("2023-06-21T10:27:30.123456Z");
        assertThat(event.source()).isEqualTo("default-scheduler");
    }

    @Test
    void eventWithoutAnyTimeHasNullTimestampsAndNoAbsurdAge() {
        Event timeless = new EventBuilder()
                .withType("Warning")
                .withReason("FailedMount")
                .withMessage("timed out waiting for the condition")
                .withCount(4)
                .build();

        PodFailureEvents result = FailureEventAnalyzer.analyze(pod(), List.of(timeless), NOW);

        FailureEvent event = result.failureEvents().get(0);
        assertThat(event.firstTimestamp()).isNull();
        assertThat(event.lastTimestamp()).isNull();
        assertThat(event.timeSinceFirst()).isEqualTo("unknown");
        assertThat(event.recurrenceRate()).isEqualTo("4 times");
        assertThat(result.ongoingIssues()).isEmpty();
        assertThat(result.mostRecentIssue()).isNull();
    }

    @Test
    void burstWithinAMinuteIsNotExtrapolatedToAnHourlyRate() {
        Event burst =
                warning("FailedMount", "MountVolume.SetUp failed", 12, "2023-06-21T10:20:00Z", "2023-06-21T10:20:30Z");
        Event single = warning(
                "FailedAttachVolume", "AttachVolume.Attach failed", 1, "2023-06-21T10:00:00Z", "2023-06-21T10:00:00Z");

        PodFailureEvents result = FailureEventAnalyzer.analyze(pod(), List.of(burst, single), NOW);

        assertThat(find(result, "FailedMount").recurrenceRate()).isEqualTo("12 times within a minute");
        assertThat(find(result, "FailedAttachVolume").recurrenceRate()).isEqualTo("once");
        assertThat(find(result, "FailedAttachVolume").isRecurring()).isFalse();
    }

    @Test
    void recurringMeansAtLeastThreeOccurrences() {
        Event twice = warning(
                "Unhealthy", "Liveness probe failed: timeout", 2, "2023-06-21T10:00:00Z", "2023-06-21T10:10:00Z");
        Event thrice = warning(
                "Unhealthy", "Readiness probe failed: timeout", 3, "2023-06-21T10:00:00Z", "2023-06-21T10:10:00Z");

        PodFailureEvents result = FailureEventAnalyzer.analyze(pod(), List.of(twice, thrice), NOW);

        assertThat(result.failureEvents())
                .extracting(FailureEvent::message, FailureEvent::isRecurring)
                .containsExactlyInAnyOrder(
                        tuple("Liveness probe failed: timeout", false), tuple("Readiness probe failed: timeout", true));
    }

    @Test
    void backOffPullingImageIsImagePullWithTheWaitingReasonAsCause() {
        Pod pod = pod();
        pod.getStatus()
                .getContainerStatuses()
                .set(
                        0,
                        new ContainerStatusBuilder()
                                .withName("app")
                                .withRestartCount(0)
                                .withNewState()
                                .withNewWaiting()
                                .withReason("ImagePullBackOff")
                                .withMessage("Back-off pulling image \"shop/app:nope\"")
                                .endWaiting()
                                .endState()
                                .build());
        Event backOff = warning(
                "BackOff",
                "Back-off pulling image \"shop/app:nope\"",
                30,
                "2023-06-21T10:00:00Z",
                "2023-06-21T10:29:00Z");

        FailureEvent event = FailureEventAnalyzer.analyze(pod, List.of(backOff), NOW)
                .failureEvents()
                .get(0);

        assertThat(event.category()).isEqualTo("ImagePull");
        assertThat(event.possibleCauses())
                .contains("Container app is waiting with ImagePullBackOff: Back-off pulling image \"shop/app:nope\"");
        assertThat(event.suggestedAction()).contains("imagePullSecrets");
    }

    @Test
    void missingConfigMapIsConfigurationAndNamesTheMissingObject() {
        Event failed = warning(
                "Failed",
                "Error: configmap \"app-config\" not found",
                5,
                "2023-06-21T10:00:00Z",
                "2023-06-21T10:28:00Z");

        FailureEvent event = FailureEventAnalyzer.analyze(pod(), List.of(failed), NOW)
                .failureEvents()
                .get(0);

        assertThat(event.category()).isEqualTo("Configuration");
        assertThat(event.severity()).isEqualTo("critical");
        assertThat(event.possibleCauses()).contains("ConfigMap \"app-config\" does not exist in namespace shop");
    }

    @Test
    void failedMountOfMissingSecretStaysVolumeButNamesTheSecret() {
        Event mount = warning(
                "FailedMount",
                "MountVolume.SetUp failed for volume \"tls\" : secret \"web-tls\" not found",
                8,
                "2023-06-21T10:00:00Z",
                "2023-06-21T10:28:00Z");

        FailureEvent event = FailureEventAnalyzer.analyze(pod(), List.of(mount), NOW)
                .failureEvents()
                .get(0);

        assertThat(event.category()).isEqualTo("Volume");
        assertThat(event.possibleCauses()).contains("Secret \"web-tls\" does not exist in namespace shop");
    }

    @Test
    void oomKilledCauseGivesTheMemoryLimit() {
        Pod pod = pod();
        pod.getSpec()
                .getContainers()
                .get(0)
                .setResources(new ResourceRequirementsBuilder()
                        .addToLimits("memory", new Quantity("256Mi"))
                        .build());
        pod.getStatus()
                .getContainerStatuses()
                .set(
                        0,
                        new ContainerStatusBuilder()
                                .withName("app")
                                .withRestartCount(3)
                                .withNewState()
                                .withNewRunning()
                                .endRunning()
                                .endState()
                                .withNewLastState()
                                .withNewTerminated()
                                .withExitCode(137)
                                .withReason("OOMKilled")
                                .endTerminated()
                                .endLastState()
                                .build());
        Event oom = warning(
                "OOMKilling",
                "Memory cgroup out of memory: Killed process 4242 (java)",
                1,
                "2023-06-21T10:00:00Z",
                "2023-06-21T10:00:00Z");

        FailureEvent event = FailureEventAnalyzer.analyze(pod, List.of(oom), NOW)
                .failureEvents()
                .get(0);

        assertThat(event.category()).isEqualTo("Resource");
        assertThat(event.possibleCauses())
                .contains("Container app was OOMKilled (memory limit 256Mi)", "Container app has restarted 3 times");
    }

    @Test
    void singleKillingIsInfoAndRepeatedKillingIsWarning() {
        Event once = normal("Killing", "Stopping container app", 1);
        Event repeated = normal("Killing", "Stopping container app", 6);

        assertThat(FailureEventAnalyzer.analyze(pod(), List.of(once), NOW)
                        .failureEvents()
                        .get(0)
                        .severity())
                .isEqualTo("info");
        assertThat(FailureEventAnalyzer.analyze(pod(), List.of(repeated), NOW)
                        .failureEvents()
                        .get(0)
                        .severity())
                .isEqualTo("warning");
    }

    @Test
    void preemptedNormalEventIsReported() {
        PodFailureEvents result = FailureEventAnalyzer.analyze(
                pod(), List.of(normal("Preempted", "Preempted by pod 5b3f on node node-2", 1)), NOW);

        assertThat(result.failureEvents()).extracting(FailureEvent::category).containsExactly("Scheduling");
    }

    @Test
    void unknownWarningIsOtherAndUnknownNormalIsDropped() {
        Event strange = warning(
                "SomethingNew", "a controller we do not know", 1, "2023-06-21T10:00:00Z", "2023-06-21T10:00:00Z");
        Event routine = normal("Started", "Started container app", 9);

        PodFailureEvents result = FailureEventAnalyzer.analyze(pod(), List.of(strange, routine), NOW);

        assertThat(result.failureEvents()).singleElement().satisfies(e -> {
            assertThat(e.category()).isEqualTo("Other");
            assertThat(e.severity()).isEqualTo("warning");
            assertThat(e.suggestedAction()).isEqualTo("Investigate based on the event message");
        });
        assertThat(result.totalEvents()).isEqualTo(2);
    }

    @Test
    void sortedBySeverityThenNewestThenReasonWhateverTheInputOrder() {
        List<Event> events = new ArrayList<>(List.of(
                warning("Unhealthy", "Readiness probe failed: 503", 4, "2023-06-21T10:00:00Z", "2023-06-21T10:29:00Z"),
                warning("FailedMount", "timed out", 2, "2023-06-21T09:00:00Z", "2023-06-21T09:10:00Z"),
                warning("FailedAttachVolume", "Multi-Attach error", 2, "2023-06-21T09:00:00Z", "2023-06-21T09:10:00Z"),
                warning(
                        "BackOff",
                        "Back-off restarting failed container app",
                        4,
                        "2023-06-21T10:00:00Z",
                        "2023-06-21T10:20:00Z")));
        List<String> first = reasons(FailureEventAnalyzer.analyze(pod(), events, NOW));
        Collections.reverse(events);

        assertThat(first).containsExactly("BackOff", "FailedAttachVolume", "FailedMount", "Unhealthy");
        assertThat(reasons(FailureEventAnalyzer.analyze(pod(), events, NOW))).isEqualTo(first);
    }

    @Test
    void mostRecentIssueIsTheLatestWarningOrCriticalEvent() {
        List<Event> events = List.of(
                warning(
                        "BackOff",
                        "Back-off restarting failed container app",
                        4,
                        "2023-06-21T10:00:00Z",
                        "2023-06-21T10:20:00Z"),
                warning("Unhealthy", "Readiness probe failed: 503", 4, "2023-06-21T10:00:00Z", "2023-06-21T10:29:00Z"),
                normal("Killing", "Stopping container app", 1));

        MostRecentIssue issue = FailureEventAnalyzer.analyze(pod(), events, NOW).mostRecentIssue();

        assertThat(issue)
                .isEqualTo(new MostRecentIssue("Unhealthy", "Readiness probe failed: 503", "2023-06-21T10:29:00Z"));
    }

    @Test
    void ongoingIssuesAreThoseSeenInTheLastFiveMinutesCutByCodePoints() {
        String longMessage = "Readiness probe failed: " + "😀".repeat(300);
        List<Event> events = List.of(
                warning("Unhealthy", longMessage, 4, "2023-06-21T10:00:00Z", "2023-06-21T10:25:00Z"),
                warning("FailedMount", "timed out", 2, "2023-06-21T10:00:00Z", "2023-06-21T10:24:59Z"));

        List<String> ongoing = FailureEventAnalyzer.analyze(pod(), events, NOW).ongoingIssues();

        assertThat(ongoing).singleElement().satisfies(text -> {
            assertThat(text).startsWith("Unhealthy: Readiness probe failed: 😀").endsWith("…");
            assertThat(text.codePointCount(0, text.length())).isEqualTo(FailureEventAnalyzer.ONGOING_TEXT_LIMIT);
            assertThat(Character.isHighSurrogate(text.charAt(text.length() - 2)))
                    .isFalse();
        });
    }

    @Test
    void initContainerEventNamesTheInitContainer() {
        Event backOff = warning(
                "BackOff",
                "Back-off restarting failed container migrate",
                5,
                "2023-06-21T10:00:00Z",
                "2023-06-21T10:20:00Z");
        backOff.getInvolvedObject().setFieldPath("spec.initContainers{migrate}");

        assertThat(FailureEventAnalyzer.analyze(pod(), List.of(backOff), NOW)
                        .failureEvents()
                        .get(0)
                        .involvedContainer())
                .isEqualTo("migrate");
    }

    @Test
    void jsonFieldNamesAreTheDocumentedOnes() throws Exception {
        JsonNode json = new ObjectMapper().valueToTree(analyzeFixture());

        assertThat(names(json))
                .containsExactly(
                        "podName",
                        "namespace",
                        "totalEvents",
                        "failureEvents",
                        "eventCategories",
                        "criticalEvents",
                        "warningEvents",
                        "infoEvents",
                        "mostRecentIssue",
                        "ongoingIssues",
                        "podPhase",
                        "podStatus");
        assertThat(names(json.get("failureEvents").get(0)))
                .containsExactly(
                        "type",
                        "reason",
                        "message",
                        "firstTimestamp",
                        "lastTimestamp",
                        "count",
                        "source",
                        "involvedContainer",
                        "category",
                        "severity",
                        "isRecurring",
                        "recurrenceRate",
                        "timeSinceFirst",
                        "possibleCauses",
                        "suggestedAction");
        assertThat(names(json.get("mostRecentIssue"))).containsExactly("reason", "message", "lastTimestamp");
    }

    static PodFailureEvents analyzeFixture() {
        List<HasMetadata> objects = Fixtures.load("/events/crash-looping-pod.yaml");
        Pod pod = objects.stream()
                .filter(Pod.class::isInstance)
                .map(Pod.class::cast)
                .findFirst()
                .orElseThrow();
        List<Event> events = objects.stream()
                .filter(Event.class::isInstance)
                .map(Event.class::cast)
                .toList();
        return FailureEventAnalyzer.analyze(pod, events, NOW);
    }

    static FailureEvent find(PodFailureEvents result, String reason) {
        return result.failureEvents().stream()
                .filter(e -> e.reason().equals(reason))
                .findFirst()
                .orElseThrow();
    }

    static List<String> reasons(PodFailureEvents result) {
        return result.failureEvents().stream().map(FailureEvent::reason).toList();
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    static Pod pod() {
        return new PodBuilder()
                .withNewMetadata()
                .withName("web-1")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("app")
                .withImage("shop/app:1")
                .endContainer()
                .endSpec()
                .withNewStatus()
                .withPhase("Running")
                .withQosClass("Burstable")
                .addNewContainerStatus()
                .withName("app")
                .withRestartCount(0)
                .withNewState()
                .withNewRunning()
                .endRunning()
                .endState()
                .endContainerStatus()
                .endStatus()
                .build();
    }

    static Event warning(String reason, String message, int count, String first, String last) {
        return new EventBuilder()
                .withType("Warning")
                .withReason(reason)
                .withMessage(message)
                .withCount(count)
                .withFirstTimestamp(first)
                .withLastTimestamp(last)
                .withNewInvolvedObject()
                .withKind("Pod")
                .withNamespace("shop")
                .withName("web-1")
                .endInvolvedObject()
                .withNewSource()
                .withComponent("kubelet")
                .withHost("node-1")
                .endSource()
                .build();
    }

    static Event normal(String reason, String message, int count) {
        Event event = warning(reason, message, count, "2023-06-21T10:00:00Z", "2023-06-21T10:20:00Z");
        event.setType("Normal");
        return event;
    }
}
