package io.clusteragent.kubestate.cron;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * go-cron's {@code SpecSchedule.Next}: walk forward field by field (month, day, hour, minute, second) in the
 * schedule's zone, restarting from the month whenever a field wraps, for at most five years. A day must match
 * both the day-of-month and the weekday field ({@code DowOrDom} is off in the standard parser).
 */
record SpecSchedule(long second, long minute, long hour, long dayOfMonth, long month, long dayOfWeek, ZoneId zone)
        implements CronSchedule {

    private static final int SEARCH_YEARS = 5;

    /** A descriptor ({@code @daily}, ...): second 0 and minute 0 of the given hours, days and months. */
    static SpecSchedule descriptor(long hour, long dayOfMonth, long month, long dayOfWeek, ZoneId zone) {
        return new SpecSchedule(1L, 1L, hour, dayOfMonth, month, dayOfWeek, zone);
    }

    @Override
    public Instant next(Instant time) {
        // prepareTimeForSchedule: from the next whole second
        ZonedDateTime t = time.atZone(zone).plusSeconds(1).minusNanos(time.getNano());
        boolean added = false;
        int yearLimit = t.getYear() + SEARCH_YEARS;
        wrap:
        while (true) {
            if (t.getYear() > yearLimit) {
                return GO_ZERO_TIME;
            }
            while (!matches(t.getMonthValue(), month)) {
                if (!added) {
                    added = true;
                    t = t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
                }
                t = t.plusMonths(1);
                if (t.getMonthValue() == 1) {
                    continue wrap;
                }
            }
            while (!dayMatches(t)) {
                if (!added) {
                    added = true;
                    t = t.truncatedTo(ChronoUnit.DAYS);
                }
                t = normalizeDstDay(t.plusDays(1));
                if (t.getDayOfMonth() == 1) {
                    continue wrap;
                }
            }
            while (!matches(t.getHour(), hour)) {
                if (!added) {
                    added = true;
                    t = t.truncatedTo(ChronoUnit.HOURS);
                }
                ZonedDateTime previous = t;
                t = t.plusHours(1);
                if (t.getHour() - previous.getHour() == 2 && matches(t.getHour() - 1, hour)) {
                    break; // the matching hour was skipped by a DST change: run in the hour after it
                }
                if (t.getHour() == 0) {
                    continue wrap;
                }
            }
            while (!matches(t.getMinute(), minute)) {
                if (!added) {
                    added = true;
                    t = t.truncatedTo(ChronoUnit.MINUTES);
                }
                t = t.plusMinutes(1);
                if (t.getMinute() == 0) {
                    continue wrap;
                }
            }
            while (!matches(t.getSecond(), second)) {
                if (!added) {
                    added = true;
                    t = t.truncatedTo(ChronoUnit.SECONDS);
                }
                t = t.plusSeconds(1);
                if (t.getSecond() == 0) {
                    continue wrap;
                }
            }
            return t.toInstant();
        }
    }

    private boolean dayMatches(ZonedDateTime t) {
        int weekday = t.getDayOfWeek().getValue() % 7; // Go's time.Weekday: Sunday is 0
        return matches(t.getDayOfMonth(), dayOfMonth) && matches(weekday, dayOfWeek);
    }

    /** {@code normalizeDSTDay}: a day that starts off midnight after a DST change is moved back onto it. */
    private static ZonedDateTime normalizeDstDay(ZonedDateTime t) {
        if (t.getHour() == 0) {
            return t;
        }
        return t.getHour() > 12 ? t.plusHours(24L - t.getHour()) : t.minusHours(t.getHour());
    }

    private static boolean matches(int value, long bits) {
        return (1L << value & bits) != 0;
    }
}
