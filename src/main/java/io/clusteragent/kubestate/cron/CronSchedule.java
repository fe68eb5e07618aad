package io.clusteragent.kubestate.cron;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A CronJob schedule as kube-state-metrics reads it for {@code kube_cronjob_next_schedule_time} and
 * {@code kube_cronjob_schedule_invalid}: {@code github.com/netresearch/go-cron} v0.15 {@code ParseStandard} (five
 * fields, month and weekday names, ranges, wrap-around ranges, steps, {@code @yearly}-style descriptors,
 * {@code @every}, {@code TZ=}/{@code CRON_TZ=} prefixes), with the CronJob's {@code spec.timeZone} prefixed as
 * {@code CRON_TZ=}. A schedule without a zone runs in the exporter's local zone, which is UTC in
 * kube-state-metrics' image and here.
 */
public sealed interface CronSchedule permits SpecSchedule, EverySchedule, TriggeredSchedule {

    /** The zone of schedules that name none. */
    ZoneId LOCAL = ZoneOffset.UTC;

    /** Go's zero {@code time.Time}, which {@code Next} returns when nothing matches; its Unix seconds. */
    Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    /** The first activation strictly after {@code time} (whole seconds), or {@link #GO_ZERO_TIME}. */
    Instant next(Instant time);

    /**
     * {@code parseSchedule(schedule, timeZone)}.
     *
     * @throws IllegalArgumentException with go-cron's reason when the schedule does not parse
     */
    static CronSchedule parse(String schedule, String timeZone) {
        String spec = schedule == null ? "" : schedule;
        if (timeZone != null) {
            spec = "CRON_TZ=" + timeZone + " " + spec;
        }
        return CronParser.parse(spec);
    }
}
