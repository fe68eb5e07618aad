package io.clusteragent.kubestate.cron;

import java.time.Duration;
import java.time.Instant;

/** {@code @every <duration>} ({@code ConstantDelaySchedule}): whole-second delays from the previous run. */
record EverySchedule(Duration delay) implements CronSchedule {

    /** {@code EveryWithMin(duration, time.Second)}: at least a second, fractions of a second dropped. */
    static EverySchedule of(Duration duration) {
        Duration atLeastSecond = duration.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : duration;
        return new EverySchedule(Duration.ofSeconds(atLeastSecond.getSeconds()));
    }

    @Override
    public Instant next(Instant time) {
        return time.plus(delay).minusNanos(time.getNano());
    }
}
