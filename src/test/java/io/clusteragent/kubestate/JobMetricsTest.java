package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The job families against kube-state-metrics' own expectations ({@code internal/store/job_test.go}). */
class JobMetricsTest {

    @Test
    void runningJobOwnedByCronJobHasEveryDefaultFamilyInSourceOrder() {
        Job running = new JobBuilder()
                .withNewMetadata()
                .withName("RunningJob1")
                .withNamespace("ns1")
                .withCreationTimestamp("2017-07-14T02:40:00Z")
                .withGeneration(1L)
                .withLabels(Map.of("app", "example-running-1"))
                .addNewOwnerReference()
                .withKind("CronJob")
                .withName("cronjob-name")
                .withController(true)
                .endOwnerReference()
                .endMetadata()
                .withNewSpec()
                .withActiveDeadlineSeconds(900L)
                .withParallelism(1)
                .withCompletions(1)
                .endSpec()
                .withNewStatus()
                .withActive(1)
                .withFailed(0)
                .withSucceeded(0)
                .withStartTime("2017-05-26T12:00:07Z")
                .endStatus()
                .build();

        assertThat(GoldenScrape.text(JobMetrics.RESOURCE, running)).isEqualTo("""
                # HELP kube_job_annotations Kubernetes annotations converted to Prometheus labels.
                # TYPE kube_job_annotations gauge
                # HELP kube_job_labels [STABLE] Kubernetes labels converted to Prometheus labels.
                # TYPE kube_job_labels gauge
                # HELP kube_job_info [STABLE] Information about job.
                # TYPE kube_job_info gauge
                kube_job_info{namespace="ns1",job_name="RunningJob1"} 1
                # HELP kube_job_created [STABLE] Unix creation timestamp
                # TYPE kube_job_created gauge
                kube_job_created{namespace="ns1",job_name="RunningJob1"} 1.5e+09
                # HELP kube_job_spec_parallelism [STABLE] The maximum desired number of pods the job should run at any given time.
                # TYPE kube_job_spec_parallelism gauge
                kube_job_spec_parallelism{namespace="ns1",job_name="RunningJob1"} 1
                # HELP kube_job_spec_completions [STABLE] The desired number of successfully finished pods the job should be run with.
                # TYPE kube_job_spec_completions gauge
                kube_job_spec_completions{namespace="ns1",job_name="RunningJob1"} 1
                # HELP kube_job_spec_active_deadline_seconds [STABLE] The duration in seconds relative to the startTime that the job may be active before the system tries to terminate it.
                # TYPE kube_job_spec_active_deadline_seconds gauge
                kube_job_spec_active_deadline_seconds{namespace="ns1",job_name="RunningJob1"} 900
                # HELP kube_job_status_succeeded [STABLE] The number of pods which reached Phase Succeeded.
                # TYPE kube_job_status_succeeded gauge
                kube_job_status_succeeded{namespace="ns1",job_name="RunningJob1"} 0
                # HELP kube_job_status_failed [STABLE] The number of pods which reached Phase Failed and the reason for failure.
                # TYPE kube_job_status_failed gauge
                kube_job_status_failed{namespace="ns1",job_name="RunningJob1"} 0
                # HELP kube_job_status_active [STABLE] The number of actively running pods.
                # TYPE kube_job_status_active gauge
                kube_job_status_active{namespace="ns1",job_name="RunningJob1"} 1
                # HELP kube_job_status_ready The number of ready pods that belong to this Job.
                # TYPE kube_job_status_ready gauge
                kube_job_status_ready{namespace="ns1",job_name="RunningJob1"} 0
                # HELP kube_job_complete [STABLE] The job has completed its execution.
                # TYPE kube_job_complete gauge
                # HELP kube_job_failed [STABLE] The job has failed its execution.
                # TYPE kube_job_failed gauge
                # HELP kube_job_status_start_time [STABLE] StartTime represents time when the job was acknowledged by the Job Manager.
                # TYPE kube_job_status_start_time gauge
                kube_job_status_start_time{namespace="ns1",job_name="RunningJob1"} 1.495800007e+09
                # HELP kube_job_status_completion_time [STABLE] CompletionTime represents time when the job was completed.
                # TYPE kube_job_status_completion_time gauge
                # HELP kube_job_status_suspended The number of pods which reached Phase Suspended.
                # TYPE kube_job_status_suspended gauge
                # HELP kube_job_owner [STABLE] Information about the Job's owner.
                # TYPE kube_job_owner gauge
                kube_job_owner{namespace="ns1",job_name="RunningJob1",owner_kind="CronJob",owner_name="cronjob-name",owner_is_controller="true"} 1
                """);
    }

    @Test
    void completedJobHasCompleteConditionAndCompletionTime() {
        Job successful = new JobBuilder()
                .withNewMetadata()
                .withName("SuccessfulJob1")
                .withNamespace("ns1")
                .endMetadata()
                .withNewStatus()
                .withSucceeded(1)
                .withStartTime("2017-05-26T12:00:07Z")
                .withCompletionTime("2017-05-26T13:00:07Z")
                .addNewCondition()
                .withType("Complete")
                .withStatus("True")
                .endCondition()
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only("kube_job_complete", "kube_job_failed", "kube_job_status_completion_time"),
                JobMetrics.RESOURCE,
                successful);

        assertThat(scrape).isEqualTo("""
                # HELP kube_job_complete [STABLE] The job has completed its execution.
                # TYPE kube_job_complete gauge
                kube_job_complete{namespace="ns1",job_name="SuccessfulJob1",condition="true"} 1
                kube_job_complete{namespace="ns1",job_name="SuccessfulJob1",condition="false"} 0
                kube_job_complete{namespace="ns1",job_name="SuccessfulJob1",condition="unknown"} 0
                # HELP kube_job_failed [STABLE] The job has failed its execution.
                # TYPE kube_job_failed gauge
                # HELP kube_job_status_completion_time [STABLE] CompletionTime represents time when the job was completed.
                # TYPE kube_job_status_completion_time gauge
                kube_job_status_completion_time{namespace="ns1",job_name="SuccessfulJob1"} 1.495803607e+09
                """);
    }

    @Test
    void failedJobReportsOneSeriesPerKnownReason() {
        Job failed = new JobBuilder()
                .withNewMetadata()
                .withName("FailedJob1")
                .withNamespace("ns1")
                .endMetadata()
                .withNewStatus()
                .withFailed(1)
                .withStartTime("2017-05-26T14:00:07Z")
                .withCompletionTime("2017-05-26T15:00:07Z")
                .addNewCondition()
                .withType("Failed")
                .withStatus("True")
                .withReason("BackoffLimitExceeded")
                .endCondition()
                .endStatus()
                .build();

        String scrape = ScrapeSettings.scrape(
                ScrapeSettings.only("kube_job_status_failed", "kube_job_failed"), JobMetrics.RESOURCE, failed);

        assertThat(scrape).isEqualTo("""
                # HELP kube_job_status_failed [STABLE] The number of pods which reached Phase Failed and the reason for failure.
                # TYPE kube_job_status_failed gauge
                kube_job_status_failed{namespace="ns1",job_name="FailedJob1",reason="BackoffLimitExceeded"} 1
                kube_job_status_failed{namespace="ns1",job_name="FailedJob1",reason="DeadlineExceeded"} 0
                kube_job_status_failed{namespace="ns1",job_name="FailedJob1",reason="Evicted"} 0
                # HELP kube_job_failed [STABLE] The job has failed its execution.
                # TYPE kube_job_failed gauge
                kube_job_failed{namespace="ns1",job_name="FailedJob1",condition="true"} 1
                kube_job_failed{namespace="ns1",job_name="FailedJob1",condition="false"} 0
                kube_job_failed{namespace="ns1",job_name="FailedJob1",condition="unknown"} 0
                """);
    }

    @Test
    void failuresWithoutConditionHaveEmptyReason() {
        Job failed = new JobBuilder()
                .withNewMetadata()
                .withName("FailedJobWithNoConditions")
                .withNamespace("ns1")
                .endMetadata()
                .withNewSpec()
                .withActiveDeadlineSeconds(900L)
                .endSpec()
                .withNewStatus()
                .withFailed(1)
                .endStatus()
                .build();

        assertThat(ScrapeSettings.scrape(ScrapeSettings.only("kube_job_status_failed"), JobMetrics.RESOURCE, failed))
                .endsWith(
                        "kube_job_status_failed{namespace=\"ns1\",job_name=\"FailedJobWithNoConditions\",reason=\"\"} 1\n");
    }

    @Test
    void suspendedConditionIsOneWhenTrueAndZeroWhenFalse() {
        String suspended = ScrapeSettings.scrape(
                ScrapeSettings.only("kube_job_status_suspended"),
                JobMetrics.RESOURCE,
                withSuspendedCondition("SuspendedNoActiveDeadlineSeconds", "True"));
        String resumed = ScrapeSettings.scrape(
                ScrapeSettings.only("kube_job_status_suspended"),
                JobMetrics.RESOURCE,
                withSuspendedCondition("UnsuspendedNoActiveDeadlineSeconds", "False"));

        assertThat(suspended)
                .endsWith(
                        "kube_job_status_suspended{namespace=\"ns1\",job_name=\"SuspendedNoActiveDeadlineSeconds\"} 1\n");
        assertThat(resumed)
                .endsWith(
                        "kube_job_status_suspended{namespace=\"ns1\",job_name=\"UnsuspendedNoActiveDeadlineSeconds\"} 0\n");
    }

    @Test
    void readyPodsAreCounted() {
        Job job = new JobBuilder()
                .withNewMetadata()
                .withName("job-with-ready-pods")
                .withNamespace("ns1")
                .withUid("job-123")
                .endMetadata()
                .withNewStatus()
                .withActive(2)
                .withReady(1)
                .endStatus()
                .build();

        assertThat(ScrapeSettings.scrape(ScrapeSettings.only("kube_job_status_ready"), JobMetrics.RESOURCE, job))
                .isEqualTo("""
                        # HELP kube_job_status_ready The number of ready pods that belong to this Job.
                        # TYPE kube_job_status_ready gauge
                        kube_job_status_ready{namespace="ns1",job_name="job-with-ready-pods"} 1
                        """);
    }

    private static Job withSuspendedCondition(String name, String status) {
        return new JobBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace("ns1")
                .endMetadata()
                .withNewSpec()
                .withSuspend("True".equals(status))
                .withParallelism(1)
                .withCompletions(1)
                .endSpec()
                .withNewStatus()
                .addNewCondition()
                .withType("Suspended")
                .withStatus(status)
                .endCondition()
                .endStatus()
                .build();
    }
}
