package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The cron job families against kube-state-metrics' own expectations ({@code internal/store/cronjob_test.go}). */
class CronJobMetricsTest {

    /** 2018-03-11 12:34:56 in Asia/Shanghai. */
    private static final String LAST_SCHEDULE = "2018-03-11T04:34:56Z";

    private static final String[] SCHEDULE_FAMILIES = {
        "kube_cronjob_status_last_schedule_time", "kube_cronjob_next_schedule_time", "kube_cronjob_schedule_invalid"
    };
    private static final String SCHEDULE_HEADERS_LAST = """
            # HELP kube_cronjob_status_last_schedule_time [STABLE] LastScheduleTime keeps information of when was the last time the job was successfully scheduled.
            # TYPE kube_cronjob_status_last_schedule_time gauge
            """;
    private static final String SCHEDULE_HEADERS_NEXT = """
            # HELP kube_cronjob_next_schedule_time [STABLE] Next time the cronjob should be scheduled. The time after lastScheduleTime, or after the cron job's creation time if it's never been scheduled. Use this to determine if the job is delayed.
            # TYPE kube_cronjob_next_schedule_time gauge
            """;
    private static final String SCHEDULE_HEADERS_INVALID = """
            # HELP kube_cronjob_schedule_invalid Emitted with value 1 for cronjobs whose schedule, in its configured timezone, cannot be parsed.
            # TYPE kube_cronjob_schedule_invalid gauge
            """;

    @Test
    void runningCronJobInShanghaiHasEveryDefaultFamilyInSourceOrder() {
        CronJob cronJob = new CronJobBuilder()
                .withNewMetadata()
                .withName("ActiveRunningCronJobWithTZ1")
                .withNamespace("ns1")
                .withGeneration(1L)
                .withResourceVersion("11111")
                .withLabels(Map.of("app", "example-active-running-with-tz-1"))
                .withAnnotations(Map.of("app", "mysql-server", "app.k8s.io/owner", "@foo"))
                .endMetadata()
                .withNewSpec()
                .withStartingDeadlineSeconds(300L)
                .withConcurrencyPolicy("Forbid")
                .withSuspend(false)
                .withSchedule("0 */6 * * *")
                .withSuccessfulJobsHistoryLimit(3)
                .withFailedJobsHistoryLimit(1)
                .withTimeZone("Asia/Shanghai")
                .endSpec()
                .withNewStatus()
                .addNewActive()
                .withName("FakeJob1")
                .endActive()
                .addNewActive()
                .withName("FakeJob2")
                .endActive()
                .withLastScheduleTime(LAST_SCHEDULE)
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.annotations("cronjobs", "app.k8s.io/owner"), CronJobMetrics.RESOURCE, cronJob);

        String labels = "{namespace=\"ns1\",cronjob=\"ActiveRunningCronJobWithTZ1\"}";
        assertThat(scrape)
                .isEqualTo("""
                # HELP kube_cronjob_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_cronjob_annotations gauge
                kube_cronjob_annotations{namespace="ns1",cronjob="ActiveRunningCronJobWithTZ1",annotation_app_k8s_io_owner="@foo"} 1
                # HELP kube_cronjob_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_cronjob_labels gauge
                # HELP kube_cronjob_info [STABLE] Info about cronjob.
                # TYPE kube_cronjob_info gauge
                kube_cronjob_info{namespace="ns1",cronjob="ActiveRunningCronJobWithTZ1",schedule="0 */6 * * *",concurrency_policy="Forbid",timezone="Asia/Shanghai"} 1
                # HELP kube_cronjob_created [STABLE] Unix creation timestamp
                # TYPE kube_cronjob_created gauge
                # HELP kube_cronjob_status_active [STABLE] Active holds pointers to currently running jobs.
                # TYPE kube_cronjob_status_active gauge
                """ + "kube_cronjob_status_active" + labels + " 2\n" + SCHEDULE_HEADERS_LAST
                        + "kube_cronjob_status_last_schedule_time" + labels + " 1.520742896e+09\n" + """
                # HELP kube_cronjob_status_last_successful_time [STABLE] LastSuccessfulTime keeps information of when was the last time the job was completed successfully.
                # TYPE kube_cronjob_status_last_successful_time gauge
                # HELP kube_cronjob_spec_suspend [STABLE] Suspend flag tells the controller to suspend subsequent executions.
                # TYPE kube_cronjob_spec_suspend gauge
                """
                        + "kube_cronjob_spec_suspend" + labels + " 0\n" + """
                # HELP kube_cronjob_spec_starting_deadline_seconds [STABLE] Deadline in seconds for starting the job if it misses scheduled time for any reason.
                # TYPE kube_cronjob_spec_starting_deadline_seconds gauge
                """
                        + "kube_cronjob_spec_starting_deadline_seconds" + labels + " 300\n" + SCHEDULE_HEADERS_NEXT
                        + "kube_cronjob_next_schedule_time" + labels + " 1.5207624e+09\n" + SCHEDULE_HEADERS_INVALID
                        + """
                # HELP kube_cronjob_metadata_resource_version [STABLE] Resource version representing a specific version of the cronjob.
                # TYPE kube_cronjob_metadata_resource_version gauge
                """ + "kube_cronjob_metadata_resource_version" + labels + " 11111\n" + """
                # HELP kube_cronjob_spec_successful_job_history_limit Successful job history limit tells the controller how many completed jobs should be preserved.
                # TYPE kube_cronjob_spec_successful_job_history_limit gauge
                """
                        + "kube_cronjob_spec_successful_job_history_limit" + labels + " 3\n" + """
                # HELP kube_cronjob_spec_failed_job_history_limit Failed job history limit tells the controller how many failed jobs should be preserved.
                # TYPE kube_cronjob_spec_failed_job_history_limit gauge
                """
                        + "kube_cronjob_spec_failed_job_history_limit" + labels + " 1\n");
    }

    @Test
    void suspendedCronJobHasNoNextScheduleTime() {
        CronJob suspended = new CronJobBuilder()
                .withNewMetadata()
                .withName("SuspendedCronJob1")
                .withNamespace("ns1")
                .withResourceVersion("22222")
                .endMetadata()
                .withNewSpec()
                .withSuspend(true)
                .withSchedule("0 */3 * * *")
                .withConcurrencyPolicy("Forbid")
                .endSpec()
                .withNewStatus()
                .withLastScheduleTime("2018-03-11T10:04:56Z")
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only(
                        "kube_cronjob_spec_suspend", "kube_cronjob_next_schedule_time", "kube_cronjob_info"),
                CronJobMetrics.RESOURCE,
                suspended);

        assertThat(scrape).isEqualTo("""
                # HELP kube_cronjob_info [STABLE] Info about cronjob.
                # TYPE kube_cronjob_info gauge
                kube_cronjob_info{namespace="ns1",cronjob="SuspendedCronJob1",schedule="0 */3 * * *",concurrency_policy="Forbid",timezone="local"} 1
                # HELP kube_cronjob_spec_suspend [STABLE] Suspend flag tells the controller to suspend subsequent executions.
                # TYPE kube_cronjob_spec_suspend gauge
                kube_cronjob_spec_suspend{namespace="ns1",cronjob="SuspendedCronJob1"} 1
                """ + SCHEDULE_HEADERS_NEXT);
    }

    @Test
    void neverScheduledCronJobCountsFromItsCreation() {
        CronJob fresh = new CronJobBuilder()
                .withNewMetadata()
                .withName("ActiveCronJob1NoLastScheduled")
                .withNamespace("ns1")
                .withCreationTimestamp("2018-03-11T11:04:56Z")
                .withResourceVersion("33333")
                .endMetadata()
                .withNewSpec()
                .withSchedule("25 * * * *")
                .endSpec()
                .build();

        assertThat(ScrapeSettings.scrape(
                        ScrapeSettings.only("kube_cronjob_next_schedule_time"), CronJobMetrics.RESOURCE, fresh))
                .isEqualTo(SCHEDULE_HEADERS_NEXT
                        + "kube_cronjob_next_schedule_time{namespace=\"ns1\",cronjob=\"ActiveCronJob1NoLastScheduled\"}"
                        + " 1.5207675e+09\n");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @CsvSource(
            nullValues = "-",
            value = {"*/120 4-22 * * *, -", "'0 1 */32,1-7 * 3', -", "0 */6 * * *, Invalid/Zone"})
    void unparseableScheduleIsFlaggedInsteadOfGivingANextTime(String schedule, String timeZone) {
        CronJob cronJob = withLastSchedule("UnparseableScheduleCronJob", schedule, timeZone);

        assertThat(ScrapeSettings.scrape(ScrapeSettings.only(SCHEDULE_FAMILIES), CronJobMetrics.RESOURCE, cronJob))
                .isEqualTo(
                        SCHEDULE_HEADERS_LAST
                                + "kube_cronjob_status_last_schedule_time{namespace=\"ns1\",cronjob=\"UnparseableScheduleCronJob\"}"
                                + " 1.520742896e+09\n"
                                + SCHEDULE_HEADERS_NEXT + SCHEDULE_HEADERS_INVALID
                                + "kube_cronjob_schedule_invalid{namespace=\"ns1\",cronjob=\"UnparseableScheduleCronJob\"} 1\n");
    }

    @ParameterizedTest(name = "{1} gives {2}")
    @CsvSource(
            nullValues = "-",
            value = {"ValidScheduleCronJob, -, 1.520748e+09", "NamedTimeZoneCronJob, Asia/Singapore, 1.5207624e+09"})
    void validScheduleGivesNextTimeAfterLastSchedule(String name, String timeZone, String next) {
        CronJob cronJob = withLastSchedule(name, "0 */6 * * *", timeZone);

        assertThat(ScrapeSettings.scrape(ScrapeSettings.only(SCHEDULE_FAMILIES), CronJobMetrics.RESOURCE, cronJob))
                .isEqualTo(SCHEDULE_HEADERS_LAST
                        + "kube_cronjob_status_last_schedule_time{namespace=\"ns1\",cronjob=\"" + name + "\"}"
                        + " 1.520742896e+09\n"
                        + SCHEDULE_HEADERS_NEXT
                        + "kube_cronjob_next_schedule_time{namespace=\"ns1\",cronjob=\"" + name + "\"} " + next + "\n"
                        + SCHEDULE_HEADERS_INVALID);
    }

    private static CronJob withLastSchedule(String name, String schedule, String timeZone) {
        return new CronJobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("ns1")
                .endMetadata()
                .withNewSpec()
                .withSchedule(schedule)
                .withTimeZone(timeZone)
                .endSpec()
                .withNewStatus()
                .withLastScheduleTime(LAST_SCHEDULE)
                .endStatus()
                .build();
    }
}
