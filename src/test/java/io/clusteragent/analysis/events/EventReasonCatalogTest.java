package io.clusteragent.analysis.events;

import io.clusteragent.analysis.pods.Fixtures;
import io.fabric8.kubernetes.api.model.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventReasonCatalogTest {

    static List<Event> realEvents() {
        return Fixtures.load("/events/event-reasons.yaml", Event.class);
    }

    static Stream<Arguments> realEventTexts() {
        return realEvents().stream()
                .map(e -> Arguments.of(
                        e.getReason(),
                        e.getMessage(),
                        Fixtures.annotation(e, "expected-entry"),
                        Fixtures.annotation(e, "expected-category")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("realEventTexts")
    void realEventTextGetsItsEntryAndCategory(
            String reason, String message, String expectedEntry, String expectedCategory) {
        EventReasonCatalog entry = EventReasonCatalog.lookup(reason, message).orElseThrow();

        assertThat(entry.name()).isEqualTo(expectedEntry);
        assertThat(entry.category().name()).isEqualTo(expectedCategory);
    }

    @Test
    void fixturesCoverEveryCategory() {
        Set<String> covered = realEvents().stream()
                .map(e -> Fixtures.annotation(e, "expected-category"))
                .collect(Collectors.toSet());

        assertThat(covered)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(EventCategory.values()).map(Enum::name).toList());
    }

    @Test
    void imagePullBackOffAndBackOffAreDistinguishedByExactReasonEveryTime() {
        for (int i = 0; i < 100; i++) {
            assertThat(EventReasonCatalog.lookup("ImagePullBackOff", "Back-off pulling image \"x\"")
                            .orElseThrow()
                            .category())
                    .isEqualTo(EventCategory.ImagePull);
            assertThat(EventReasonCatalog.lookup("BackOff", "Back-off restarting failed container app in pod p_ns(uid)")
                            .orElseThrow()
                            .category())
                    .isEqualTo(EventCategory.ContainerCrash);
            assertThat(EventReasonCatalog.lookup("BackOff", "Back-off pulling image \"x\"")
                            .orElseThrow()
                            .category())
                    .isEqualTo(EventCategory.ImagePull);
        }
    }

    @Test
    void reasonsAreMatchedExactlyNeverAsSubstrings() {
        assertThat(EventReasonCatalog.lookup("MyBackOffThing", "Back-off restarting failed container"))
                .isEmpty();
        assertThat(EventReasonCatalog.lookup("backoff", "Back-off restarting failed container"))
                .isEmpty();
        assertThat(EventReasonCatalog.lookup("Pulled", "Successfully pulled image"))
                .isEmpty();
    }

    @Test
    void aCatchAllEntryComesLastAmongItsReasonSoItShadowsNoNarrowerEntry() {
        Arrays.stream(EventReasonCatalog.values())
                .filter(e -> !e.reason().isEmpty())
                .collect(Collectors.groupingBy(EventReasonCatalog::reason))
                .forEach((reason, entries) -> {
                    for (int i = 0; i < entries.size() - 1; i++) {
                        assertThat(entries.get(i).isCatchAll())
                                .as(entries.get(i).name())
                                .isFalse();
                    }
                });
        assertThat(EventReasonCatalog.lookup("Failed", "Error: something new").orElseThrow())
                .isEqualTo(EventReasonCatalog.FAILED);
    }

    @Test
    void everyEntryHasCausesAndAnAction() {
        for (EventReasonCatalog entry : EventReasonCatalog.values()) {
            assertThat(entry.possibleCauses()).as(entry.name()).isNotEmpty();
            assertThat(entry.suggestedAction()).as(entry.name()).isNotBlank();
        }
    }
}
