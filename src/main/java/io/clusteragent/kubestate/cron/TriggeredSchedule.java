package io.clusteragent.kubestate.cron;

import java.time.Instant;

/** {@code @triggered}, {@code @manual}, {@code @none}: never runs by itself; go-cron answers the zero time. */
record TriggeredSchedule() implements CronSchedule {

    @Override
    public Instant next(Instant time) {
        return GO_ZERO_TIME;
    }
}
