package io.clusteragent.kubestate;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The job families, ported from kube-state-metrics' {@code internal/store/job.go}. Jobs are labelled
 * {@code job_name}, not {@code job}, so that Prometheus' own {@code job} target label is not overwritten.
 */
final class JobMetrics {

    static final KubeStateResource<Job> RESOURCE = new KubeStateResource<>("jobs", Job.class, JobMetrics::families);

    private static final DefaultLabels<Job> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "job_name"),
            j -> Arrays.asList(j.getMetadata().getNamespace(), j.getMetadata().getName()));

    private static final List<String> FAILURE_REASONS = List.of("BackoffLimitExceeded", "DeadlineExceeded", "Evicted");

    private JobMetrics() {}

    static List<FamilyGenerator<Job>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                FamilyGenerator.alpha(
                        "kube_job_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(j -> PrometheusLabels.family(
                                "annotation", j.getMetadata().getAnnotations(), allowAnnotations))),
                stable(
                        "kube_job_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        j -> PrometheusLabels.family("label", j.getMetadata().getLabels(), allowLabels)),
                stable("kube_job_info", "Information about job.", j -> List.of(Metric.of(1))),
                stable(
                        "kube_job_created",
                        "Unix creation timestamp",
                        j -> Timestamps.unixSeconds(j.getMetadata().getCreationTimestamp())),
                stable(
                        "kube_job_spec_parallelism",
                        "The maximum desired number of pods the job should run at any given time.",
                        j -> Samples.ifSet(spec(j).getParallelism())),
                stable(
                        "kube_job_spec_completions",
                        "The desired number of successfully finished pods the job should be run with.",
                        j -> Samples.ifSet(spec(j).getCompletions())),
                stable(
                        "kube_job_spec_active_deadline_seconds",
                        "The duration in seconds relative to the startTime that the job may be active before the system "
                                + "tries to terminate it.",
                        j -> Samples.ifSet(spec(j).getActiveDeadlineSeconds())),
                stable(
                        "kube_job_status_succeeded",
                        "The number of pods which reached Phase Succeeded.",
                        j -> Samples.count(status(j).getSucceeded())),
                stable(
                        "kube_job_status_failed",
                        "The number of pods which reached Phase Failed and the reason for failure.",
                        JobMetrics::failed),
                stable(
                        "kube_job_status_active",
                        "The number of actively running pods.",
                        j -> Samples.count(status(j).getActive())),
                FamilyGenerator.alpha(
                        "kube_job_status_ready",
                        "The number of ready pods that belong to this Job.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(j -> Samples.count(status(j).getReady()))),
                stable(
                        "kube_job_complete",
                        "The job has completed its execution.",
                        j -> conditionStatuses(j, "Complete")),
                stable("kube_job_failed", "The job has failed its execution.", j -> conditionStatuses(j, "Failed")),
                stable(
                        "kube_job_status_start_time",
                        "StartTime represents time when the job was acknowledged by the Job Manager.",
                        j -> Timestamps.unixSeconds(status(j).getStartTime())),
                stable(
                        "kube_job_status_completion_time",
                        "CompletionTime represents time when the job was completed.",
                        j -> Timestamps.unixSeconds(status(j).getCompletionTime())),
                FamilyGenerator.alpha(
                        "kube_job_status_suspended",
                        "The number of pods which reached Phase Suspended.",
                        MetricType.GAUGE,
                        DEFAULT_LABELS.wrap(JobMetrics::suspended)),
                stable("kube_job_owner", "Information about the Job's owner.", Owners::withController));
    }

    private static FamilyGenerator<Job> stable(String name, String help, Function<Job, List<Metric>> family) {
        return FamilyGenerator.stable(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static JobStatus status(Job job) {
        return job.getStatus() == null ? new JobStatus() : job.getStatus();
    }

    private static JobSpec spec(Job job) {
        return job.getSpec() == null ? new JobSpec() : job.getSpec();
    }

    private static List<JobCondition> conditions(Job job) {
        List<JobCondition> conditions = status(job).getConditions();
        return conditions == null ? List.of() : conditions;
    }

    /**
     * No failures is one unlabelled 0; otherwise one sample per known reason for each Failed condition, and the
     * failure count under {@code reason=""} when no condition names a known reason.
     */
    private static List<Metric> failed(Job job) {
        Integer failedCount = status(job).getFailed();
        if (failedCount == null || failedCount == 0) {
            return List.of(Metric.of(0));
        }
        List<Metric> metrics = new ArrayList<>();
        boolean reasonKnown = false;
        for (JobCondition condition : conditions(job)) {
            if ("Failed".equals(condition.getType())) {
                for (String reason : FAILURE_REASONS) {
                    boolean matches = reason.equals(condition.getReason());
                    reasonKnown |= matches;
                    metrics.add(Metric.of("reason", reason, Metric.bool(matches)));
                }
            }
        }
        if (!reasonKnown) {
            metrics.add(Metric.of("reason", "", failedCount));
        }
        return metrics;
    }

    /** {@code kube_job_complete} / {@code _failed}: the status of each condition of the type, as {@code condition}. */
    private static List<Metric> conditionStatuses(Job job, String type) {
        List<Metric> metrics = new ArrayList<>();
        for (JobCondition condition : conditions(job)) {
            if (type.equals(condition.getType())) {
                metrics.addAll(Conditions.metrics(List.of("condition"), List.of(), condition.getStatus()));
            }
        }
        return metrics;
    }

    private static List<Metric> suspended(Job job) {
        List<Metric> metrics = new ArrayList<>();
        for (JobCondition condition : conditions(job)) {
            if ("Suspended".equals(condition.getType())) {
                metrics.add(Metric.of(Metric.bool("True".equals(condition.getStatus()))));
            }
        }
        return metrics;
    }
}
