package io.clusteragent.analysis;

import java.time.Duration;

/** Durations as the API prints ages and spans: {@code 45s}, {@code 12m}, {@code 1h25m}, {@code 3d4h}. */
public final class HumanDuration {

    private HumanDuration() {}

    public static String format(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            long restMinutes = minutes % 60;
            return restMinutes == 0 ? hours + "h" : hours + "h" + restMinutes + "m";
        }
        long days = hours / 24;
        long restHours = hours % 24;
        return restHours == 0 ? days + "d" : days + "d" + restHours + "h";
    }
}
