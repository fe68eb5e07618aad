package io.clusteragent.kubestate;

import io.clusteragent.kubestate.cron.CronSchedule;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobSpec;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The cron job families, ported from kube-state-metrics' {@code internal/store/cronjob.go}. */
final class CronJobMetrics {

    static final KubeStateResource<CronJob> RESOURCE =
            new KubeStateResource<>("cronjobs", CronJob.class, CronJobMetrics::families);

    private static final DefaultLabels<CronJob> DEFAULT_LABELS = DefaultLabels.of(
            List.of("namespace", "cronjob"),
            j -> Arrays.asList(j.getMetadata().getNamespace(), j.getMetadata().getName()));

    /** What Go's {@code strconv.ParseFloat} reads of a resource version (in practice always an integer). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CronJobMetrics() {}

    static List<FamilyGenerator<CronJob>> families(List<String> allowAnnotations, List<String> allowLabels) {
        return List.of(
                alpha(
                        "kube_cronjob_annotations",
                        "Kubernetes annotations converted to Prometheus labels.",
                        j -> PrometheusLabels.family(
                                "annotation", j.getMetadata().getAnnotations(), allowAnnotations)),
                stable(
                        "kube_cronjob_labels",
                        "Kubernetes labels converted to Prometheus labels.",
                        j -> PrometheusLabels.family("label", j.getMetadata().getLabels(), allowLabels)),
                stable("kube_cronjob_info", "Info about cronjob.", CronJobMetrics::info),
                stable(
                        "kube_cronjob_created",
                        "Unix creation timestamp",
                        j -> Timestamps.unixSeconds(j.getMetadata().getCreationTimestamp())),
                stable(
                        "kube_cronjob_status_active",
                        "Active holds pointers to currently running jobs.",
                        j -> Samples.count(
                                status(j).getActive() == null
                                        ? 0
                                        : status(j).getActive().size())),
                stable(
                        "kube_cronjob_status_last_schedule_time",
                        "LastScheduleTime keeps information of when was the last time the job was successfully "
                                + "scheduled.",
                        j -> Timestamps.unixSeconds(status(j).getLastScheduleTime())),
                stable(
                        "kube_cronjob_status_last_successful_time",
                        "LastSuccessfulTime keeps information of when was the last time the job was completed "
                                + "successfully.",
                        j -> Timestamps.unixSeconds(status(j).getLastSuccessfulTime())),
                stable(
                        "kube_cronjob_spec_suspend",
                        "Suspend flag tells the controller to suspend subsequent executions.",
                        j -> Samples.flag(spec(j).getSuspend())),
                stable(
                        "kube_cronjob_spec_starting_deadline_seconds",
                        "Deadline in seconds for starting the job if it misses scheduled time for any reason.",
                        j -> Samples.ifSet(spec(j).getStartingDeadlineSeconds())),
                stable(
                        "kube_cronjob_next_schedule_time",
                        "Next time the cronjob should be scheduled. The time after lastScheduleTime, or after the cron "
                                + "job's creation time if it's never been scheduled. Use this to determine if the job "
                                + "is delayed.",
                        CronJobMetrics::nextScheduleTime),
                alpha(
                        "kube_cronjob_schedule_invalid",
                        "Emitted with value 1 for cronjobs whose schedule, in its configured timezone, cannot be parsed.",
                        j -> schedule(j) == null ? List.of(Metric.of(1)) : List.of()),
                stable(
                        "kube_cronjob_metadata_resource_version",
                        "Resource version representing a specific version of the cronjob.",
                        j -> resourceVersion(j.getMetadata().getResourceVersion())),
                alpha(
                        "kube_cronjob_spec_successful_job_history_limit",
                        "Successful job history limit tells the controller how many completed jobs should be preserved.",
                        j -> Samples.ifSet(spec(j).getSuccessfulJobsHistoryLimit())),
                alpha(
                        "kube_cronjob_spec_failed_job_history_limit",
                        "Failed job history limit tells the controller how many failed jobs should be preserved.",
                        j -> Samples.ifSet(spec(j).getFailedJobsHistoryLimit())));
    }

    private static FamilyGenerator<CronJob> stable(String name, String help, Function<CronJob, List<Metric>> family) {
        return FamilyGenerator.stable(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static FamilyGenerator<CronJob> alpha(String name, String help, Function<CronJob, List<Metric>> family) {
        return FamilyGenerator.alpha(name, help, MetricType.GAUGE, DEFAULT_LABELS.wrap(family));
    }

    private static CronJobSpec spec(CronJob cronJob) {
        return cronJob.getSpec() == null ? new CronJobSpec() : cronJob.getSpec();
    }

    private static CronJobStatus status(CronJob cronJob) {
        return cronJob.getStatus() == null ? new CronJobStatus() : cronJob.getStatus();
    }

    /** {@code timezone="local"} when the cron job names no zone. */
    private static List<Metric> info(CronJob cronJob) {
        CronJobSpec spec = spec(cronJob);
        String timeZone = spec.getTimeZone() == null ? "local" : spec.getTimeZone();
        return List.of(new Metric(
                List.of("schedule", "concurrency_policy", "timezone"),
                Arrays.asList(spec.getSchedule(), spec.getConcurrencyPolicy(), timeZone),
                1));
    }

    /** The parsed schedule, or null where kube-state-metrics' {@code parseSchedule} fails. */
    private static CronSchedule schedule(CronJob cronJob) {
        try {
            return CronSchedule.parse(spec(cronJob).getSchedule(), spec(cronJob).getTimeZone());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * After the last schedule time, else after creation; nothing for a suspended cron job, an invalid schedule or
     * neither time known.
     */
    private static List<Metric> nextScheduleTime(CronJob cronJob) {
        CronSchedule schedule = schedule(cronJob);
        Instant from = instant(status(cronJob).getLastScheduleTime());
        if (from == null) {
            from = instant(cronJob.getMetadata().getCreationTimestamp());
        }
        if (schedule == null
                || from == null
                || Boolean.TRUE.equals(spec(cronJob).getSuspend())) {
            return List.of();
        }
        return List.of(Metric.of(schedule.next(from).getEpochSecond()));
    }

    private static Instant instant(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(time).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** {@code resourceVersionMetric}: no sample when the version is not a number. */
    private static List<Metric> resourceVersion(String version) {
        if (version == null || !DECIMAL.matcher(version).matches()) {
            return List.of();
        }
        return List.of(Metric.of(Double.parseDouble(version)));
    }
}
