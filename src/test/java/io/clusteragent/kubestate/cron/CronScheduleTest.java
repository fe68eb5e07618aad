package io.clusteragent.kubestate.cron;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Next activations and parse failures as go-cron's standard parser gives them. */
class CronScheduleTest {

    @ParameterizedTest(name = "{0} in {1} after {2} is {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            0 */6 * * *      | UTC              | 2018-03-11T04:34:56Z | 2018-03-11T06:00:00Z
            0 */6 * * *      | Asia/Shanghai    | 2018-03-11T04:34:56Z | 2018-03-11T10:00:00Z
            0 */6 * * *      | -                | 2018-03-11T04:34:56Z | 2018-03-11T06:00:00Z
            25 * * * *       | -                | 2018-03-11T11:04:56Z | 2018-03-11T11:25:00Z
            */15 * * * *     | -                | 2024-01-01T00:07:30Z | 2024-01-01T00:15:00Z
            */15 * * * *     | -                | 2024-01-01T00:15:00Z | 2024-01-01T00:30:00Z
            0 9 * * mon-fri  | -                | 2024-03-01T10:00:00Z | 2024-03-04T09:00:00Z
            0 9 * * MON-FRI  | -                | 2024-03-01T08:00:00Z | 2024-03-01T09:00:00Z
            0 22-2 * * *     | -                | 2024-01-01T03:00:00Z | 2024-01-01T22:00:00Z
            0 22-2/2 * * *   | -                | 2024-01-01T23:00:00Z | 2024-01-02T00:00:00Z
            0 0 * nov-feb *  | -                | 2024-03-05T00:00:00Z | 2024-11-01T00:00:00Z
            0 0 1 * 7        | -                | 2024-01-01T00:00:00Z | 2024-09-01T00:00:00Z
            0 0 * * 0        | -                | 2024-01-01T00:00:00Z | 2024-01-07T00:00:00Z
            5 4 * * ?        | -                | 2024-01-01T05:00:00Z | 2024-01-02T04:05:00Z
            30 2 * * *       | America/New_York | 2024-03-09T17:00:00Z | 2024-03-10T07:30:00Z
            @hourly          | -                | 2024-01-01T00:00:00Z | 2024-01-01T01:00:00Z
            @daily           | Asia/Tokyo       | 2024-01-01T00:00:00Z | 2024-01-01T15:00:00Z
            @weekly          | -                | 2024-01-03T12:00:00Z | 2024-01-07T00:00:00Z
            @monthly         | -                | 2024-01-03T12:00:00Z | 2024-02-01T00:00:00Z
            @yearly          | -                | 2024-01-03T12:00:00Z | 2025-01-01T00:00:00Z
            TZ=Asia/Tokyo 0 0 * * * | -         | 2024-01-01T00:00:00Z | 2024-01-01T15:00:00Z
            @every 1h30m     | -                | 2024-01-01T00:00:00Z | 2024-01-01T01:30:00Z
            @every 90.5s     | -                | 2024-01-01T00:00:00Z | 2024-01-01T00:01:30Z
            """)
    void nextActivation(String schedule, String zone, String after, String expected) {
        assertThat(CronSchedule.parse(schedule, zone).next(Instant.parse(after)))
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void scheduleThatNeverMatchesWithinFiveYearsGivesGoZeroTime() {
        assertThat(CronSchedule.parse("0 0 30 2 *", null)
                        .next(Instant.parse("2024-01-01T00:00:00Z"))
                        .getEpochSecond())
                .isEqualTo(-62135596800L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@manual", "@triggered", "@none"})
    void triggeredSchedulesGiveGoZeroTime(String schedule) {
        assertThat(CronSchedule.parse(schedule, null).next(Instant.parse("2024-01-01T00:00:00Z")))
                .isEqualTo(CronSchedule.GO_ZERO_TIME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*/120 4-22 * * *",
                "0 1 */32,1-7 * 3",
                "* * * *",
                "0 * * * * *",
                "60 * * * *",
                "0 24 * * *",
                "0 0 0 * *",
                "0 0 * 13 *",
                "0 0 * * 8",
                "0 0 L * *",
                "0 0 15W * *",
                "0 0 * * 1#2",
                "H * * * *",
                "0 0 * * mon-",
                "1-2-3 * * * *",
                "*/0 * * * *",
                "-1 * * * *",
                "x * * * *",
                "@every 500ms",
                "@every 1",
                "@reboot",
                "",
                "TZ=Asia/Tokyo",
                "TZ=Not/AZone 0 0 * * *",
                "TZ=UTC "
            })
    void unparseableSchedulesAreRejected(String schedule) {
        assertThatThrownBy(() -> CronSchedule.parse(schedule, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownTimeZoneIsRejected() {
        assertThatThrownBy(() -> CronSchedule.parse("0 */6 * * *", "Invalid/Zone"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
