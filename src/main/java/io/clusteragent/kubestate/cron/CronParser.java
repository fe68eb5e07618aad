package io.clusteragent.kubestate.cron;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;

/** go-cron's {@code standardParser.Parse}: the zone prefix, descriptors, then exactly five fields. */
final class CronParser {

    private static final int MAX_SPEC_LENGTH = 1024;
    private static final int MAX_TIMEZONE_LENGTH = 64;
    private static final Pattern TIMEZONE_CHARS = Pattern.compile("[A-Za-z0-9/_\\-+:]+");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Set<String> TRIGGERED = Set.of("@triggered", "@manual", "@none");

    private CronParser() {}

    static CronSchedule parse(String spec) {
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("empty spec string");
        }
        if (spec.length() > MAX_SPEC_LENGTH) {
            throw new IllegalArgumentException("spec too long: " + spec.length() + " > " + MAX_SPEC_LENGTH);
        }
        ZoneId zone = CronSchedule.LOCAL;
        if (spec.startsWith("TZ=") || spec.startsWith("CRON_TZ=")) {
            int space = spec.indexOf(' ');
            if (space == -1) {
                throw new IllegalArgumentException("missing fields after timezone in spec " + spec);
            }
            zone = zone(spec.substring(spec.indexOf('=') + 1, space));
            spec = spec.substring(space).strip();
            if (spec.isEmpty()) {
                throw new IllegalArgumentException("missing fields after timezone " + zone);
            }
        }
        if (spec.startsWith("@")) {
            return descriptor(spec, zone);
        }
        String[] fields = WHITESPACE.split(spec.strip());
        if (fields.length != 5) {
            throw new IllegalArgumentException("expected exactly 5 fields, found " + fields.length + ": " + spec);
        }
        for (String field : fields) {
            for (String part : field.split(",")) {
                if (part.startsWith("H")) {
                    throw new IllegalArgumentException("h expressions require hash option to be enabled");
                }
            }
        }
        String dom = fields[2].toUpperCase(java.util.Locale.ROOT);
        if (dom.contains("L") || dom.contains("W")) {
            throw new IllegalArgumentException("extended day-of-month syntax requires DomL or DomW option");
        }
        if (fields[4].contains("#")) {
            throw new IllegalArgumentException("#n/#L syntax requires DowNth or DowLast option to be enabled");
        }
        return new SpecSchedule(
                CronField.SECOND.bits("0"),
                CronField.MINUTE.bits(fields[0]),
                CronField.HOUR.bits(fields[1]),
                CronField.DAY_OF_MONTH.bits(fields[2]),
                CronField.MONTH.bits(fields[3]),
                CronField.normalizeDayOfWeek(CronField.DAY_OF_WEEK.bits(fields[4])),
                zone);
    }

    /** {@code parseTimezone}: quotes stripped, characters checked, then the IANA name looked up. */
    private static ZoneId zone(String name) {
        if (name.length() >= 2
                && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("'") && name.endsWith("'"))) {
            name = name.substring(1, name.length() - 1);
        }
        if (name.isEmpty()
                || name.length() > MAX_TIMEZONE_LENGTH
                || !TIMEZONE_CHARS.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid timezone \"" + name + "\"");
        }
        if (name.equals("Local")) {
            return CronSchedule.LOCAL;
        }
        if (name.equals("UTC") || ZoneId.getAvailableZoneIds().contains(name)) {
            return ZoneId.of(name);
        }
        throw new IllegalArgumentException("unknown time zone \"" + name + "\"");
    }

    private static CronSchedule descriptor(String descriptor, ZoneId zone) {
        long allDays = CronField.DAY_OF_MONTH.all();
        long allMonths = CronField.MONTH.all();
        long allWeekdays = CronField.normalizeDayOfWeek(CronField.DAY_OF_WEEK.all());
        long midnight = 1L;
        switch (descriptor) {
            case "@yearly", "@annually":
                return SpecSchedule.descriptor(midnight, 1L << 1, 1L << 1, allWeekdays, zone);
            case "@monthly":
                return SpecSchedule.descriptor(midnight, 1L << 1, allMonths, allWeekdays, zone);
            case "@weekly":
                return SpecSchedule.descriptor(midnight, allDays, allMonths, 1L, zone);
            case "@daily", "@midnight":
                return SpecSchedule.descriptor(midnight, allDays, allMonths, allWeekdays, zone);
            case "@hourly":
                return SpecSchedule.descriptor(CronField.HOUR.all(), allDays, allMonths, allWeekdays, zone);
            default:
                break;
        }
        if (TRIGGERED.contains(descriptor)) {
            return new TriggeredSchedule();
        }
        if (descriptor.startsWith("@every ")) {
            Duration duration = GoDuration.parse(descriptor.substring("@every ".length()));
            if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("@every duration must be at least 1s: " + descriptor);
            }
            return EverySchedule.of(duration);
        }
        throw new IllegalArgumentException("unrecognized descriptor: " + descriptor);
    }
}
