package io.clusteragent.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.clusteragent.monitoring.RulesFile.Rule;
import io.clusteragent.monitoring.dashboards.Dashboards;
import io.clusteragent.monitoring.dashboards.Panel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What an on-call engineer relies on in every alert, and what keeps the two forms of the rules one. */
class RulesTest {

    @Test
    void everyAlertHasASeveritySummaryDescriptionAndRunbook() {
        assertThat(RulesFile.alerts()).hasSizeGreaterThanOrEqualTo(20).allSatisfy(alert -> {
            assertThat(alert.labels()).as(alert.name()).containsKey("severity");
            assertThat(alert.labels().get("severity")).as(alert.name()).isIn("info", "warning", "critical");
            assertThat(alert.annotations())
                    .as(alert.name())
                    .containsKeys("summary", "description")
                    .containsEntry("runbook_url", Runbooks.BASE_URL + "#" + Runbooks.anchor(alert.name()));
        });
    }

    @Test
    void everyAlertsRunbookSectionSaysWhatItMeansAndWhatToDo() {
        Map<String, String> sections = Runbooks.sections();

        assertThat(RulesFile.alerts()).allSatisfy(alert -> {
            String anchor = Runbooks.anchor(alert.name());
            assertThat(sections)
                    .as("docs/runbooks.md has a section ## " + alert.name())
                    .containsKey(anchor);
            assertThat(sections.get(anchor))
                    .as("section " + alert.name())
                    .contains("**Meaning.**", "**Impact.**", "**Diagnosis.**", "**Mitigation.**");
        });
    }

    @Test
    void everyAlertHasAUnitTestThatFiresItAndOneBeforeThatDoesNot() {
        List<JsonNode> cases = new ArrayList<>();
        RulesFile.tree(MonitoringFiles.RULES_TESTS)
                .get("tests")
                .forEach(test -> test.path("alert_rule_test").forEach(cases::add));

        assertThat(RulesFile.alerts()).allSatisfy(alert -> {
            Optional<Duration> fires = evalTimes(cases, alert, true).stream().min(Duration::compareTo);
            assertThat(fires).as(alert.name() + " fires in a unit test").isPresent();
            assertThat(evalTimes(cases, alert, false))
                    .as(alert.name() + " is quiet in a unit test before it fires")
                    .anyMatch(quiet -> quiet.compareTo(fires.get()) < 0);
        });
    }

    @Test
    void thePrometheusRulesSpecIsTheRulesFile() {
        JsonNode spec = RulesFile.tree(MonitoringFiles.PROMETHEUS_RULE).get("spec");

        assertThat(spec).isEqualTo(RulesFile.tree(MonitoringFiles.RULES));
    }

    @Test
    void everyQuerySelectsEachFamilysJobTheSameWay() {
        List<String> queries = new ArrayList<>();
        RulesFile.alerts().forEach(rule -> queries.add(rule.expr()));
        RulesFile.records().forEach(rule -> queries.add(rule.expr()));
        Dashboards.ALL.forEach(dashboard -> dashboard
                .rows()
                .forEach(row -> row.panels()
                        .forEach(panel ->
                                panel.queries().stream().map(Panel.Query::expr).forEach(queries::add))));

        assertThat(queries)
                .allSatisfy(query ->
                        assertThat(Selectors.unselected(query)).as(query).isEmpty());
    }

    @Test
    void aFamilyWithoutItsJobsSelectorIsCaught() {
        assertThat(Selectors.unselected("sum(kube_pod_info{node!=\"\"}) / count(container_oom_events_total)"))
                .containsExactly("kube_pod_info{node!=\"\"}", "container_oom_events_total");
        assertThat(
                        Selectors.unselected(
                                "namespace_cpu:kube_pod_container_resource_requests:sum / kube_state_metrics_total_shards{job=\"cluster-agent\"}"))
                .isEmpty();
    }

    private static List<Duration> evalTimes(List<JsonNode> cases, Rule alert, boolean firing) {
        return cases.stream()
                .filter(c -> c.get("alertname").asText().equals(alert.name()))
                .filter(c -> c.path("exp_alerts").isEmpty() != firing)
                .map(c -> duration(c.get("eval_time").asText()))
                .toList();
    }

    /** Prometheus durations as the unit tests write them: 16m, 1h, 90s. */
    private static Duration duration(String text) {
        long amount = Long.parseLong(text.substring(0, text.length() - 1));
        return switch (text.charAt(text.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("unexpected duration " + text);
        };
    }
}
