package io.clusteragent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The raw value of each setting (flag, then variable, then alias, then default) and its typed readings. */
final class SettingValues {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    /**
     * Vert.x's idle timeouts and fabric8's request timeouts take int milliseconds, which hold 24.8
     * days; no setting has a use for more, so every duration stops at a whole number of days below that.
     */
    static final Duration LONGEST_DURATION = Duration.ofDays(24);

    private final Map<Setting, String> raw = new EnumMap<>(Setting.class);
    /** Set to an empty value, by flag or by variable: for most settings the same as unset, for some it means none. */
    private final Set<Setting> setEmpty = EnumSet.noneOf(Setting.class);

    SettingValues(Map<String, String> env, List<String> args) {
        Map<Setting, String> flags = parseFlags(args);
        for (Setting setting : Setting.values()) {
            String value = flags.getOrDefault(setting, firstSet(env, setting));
            raw.put(setting, value == null ? setting.defaultValue() : value.trim());
            String given = flags.containsKey(setting) ? flags.get(setting) : env.get(setting.env());
            if (given != null && given.isBlank()) {
                setEmpty.add(setting);
            }
        }
    }

    int integer(Setting setting, int min, int max) {
        try {
            int value = Integer.parseInt(raw.get(setting));
            if (value < min || value > max) {
                throw invalid(setting);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(setting);
        }
    }

    String oneOf(Setting setting, String... accepted) {
        String value = raw.get(setting).toLowerCase(Locale.ROOT);
        for (String candidate : accepted) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw invalid(setting);
    }

    /**
     * Go-style durations as the seeds use them ({@code 500ms}, {@code 30s}, {@code 1h30m}); a bare number means seconds.
     * Arithmetic is exact, so a value too large to add up is rejected instead of wrapping around.
     */
    Duration duration(Setting setting) {
        String value = raw.get(setting);
        try {
            long millis = value.matches("\\d+") ? Math.multiplyExact(Long.parseLong(value), 1000L) : sumOfParts(value);
            if (millis < 1 || millis > LONGEST_DURATION.toMillis()) {
                throw invalid(setting);
            }
            return Duration.ofMillis(millis);
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(setting);
        }
    }

    /** @throws NumberFormatException when {@code value} is not a sequence of amounts with units */
    private static long sumOfParts(String value) {
        Matcher part = DURATION_PART.matcher(value);
        long millis = 0;
        int consumed = 0;
        while (part.find() && part.start() == consumed) {
            long unit = switch (part.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                default -> 3_600_000L;
            };
            millis = Math.addExact(millis, Math.multiplyExact(Long.parseLong(part.group(1)), unit));
            consumed = part.end();
        }
        if (consumed == 0 || consumed != value.length()) {
            throw new NumberFormatException(value);
        }
        return millis;
    }

    /** {@code 30/1m}: at most 30 in a burst, refilled at 30 per minute. */
    Rate rate(Setting setting) {
        String value = raw.get(setting);
        int slash = value.indexOf('/');
        try {
            if (slash < 0) {
                throw invalid(setting);
            }
            int amount = Integer.parseInt(value.substring(0, slash).strip());
            String period = value.substring(slash + 1).strip();
            long millis =
                    period.matches("\\d+") ? Math.multiplyExact(Long.parseLong(period), 1000L) : sumOfParts(period);
            if (amount < 1 || millis < 1 || millis > LONGEST_DURATION.toMillis()) {
                throw invalid(setting);
            }
            return new Rate(amount, Duration.ofMillis(millis));
        } catch (NumberFormatException | ArithmeticException e) {
            throw invalid(setting);
        }
    }

    double positiveNumber(Setting setting) {
        try {
            double value = Double.parseDouble(raw.get(setting));
            if (!(value > 0) || Double.isInfinite(value)) {
                throw invalid(setting);
            }
            return value;
        } catch (NumberFormatException e) {
            throw invalid(setting);
        }
    }

    boolean bool(Setting setting) {
        return Boolean.parseBoolean(oneOf(setting, "true", "false"));
    }

    List<String> list(Setting setting) {
        return java.util.Arrays.stream(raw.get(setting).split(","))
                .map(String::trim)
                .filter(v -> !v.isEmpty())
                .toList();
    }

    /** Like {@link #list}, except that a value set empty on purpose is an empty list rather than the default. */
    List<String> listOrNone(Setting setting) {
        return setEmpty.contains(setting) ? List.of() : list(setting);
    }

    Optional<java.net.URI> httpUrl(Setting setting) {
        Optional<String> value = text(setting);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            java.net.URI uri = new java.net.URI(value.get());
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw invalid(setting);
            }
            return Optional.of(uri);
        } catch (java.net.URISyntaxException e) {
            throw invalid(setting);
        }
    }

    Optional<String> text(Setting setting) {
        String value = raw.get(setting);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    Optional<Path> existingFile(Setting setting) {
        return text(setting).map(Path::of).map(path -> {
            if (!Files.isRegularFile(path)) {
                throw new ConfigException(describe(setting) + ": no such file: " + path);
            }
            return path;
        });
    }

    Optional<Instant> instant(Setting setting) {
        try {
            return text(setting).map(value -> OffsetDateTime.parse(value).toInstant());
        } catch (DateTimeParseException e) {
            throw invalid(setting);
        }
    }

    private ConfigException invalid(Setting setting) {
        String expected = setting.accepted().equals("duration")
                ? "a duration from 1ms to " + LONGEST_DURATION.toHours()
                        + "h (24 days), such as 500ms, 30s, 5m or 1h30m"
                : setting.accepted();
        return new ConfigException(
                describe(setting) + ": invalid value '" + raw.get(setting) + "', expected " + expected);
    }

    static String describe(Setting setting) {
        return setting.env() + " (" + setting.flag() + ")";
    }

    private static String firstSet(Map<String, String> env, Setting setting) {
        String value = env.get(setting.env());
        for (int i = 0;
                (value == null || value.isBlank()) && i < setting.aliases().size();
                i++) {
            value = env.get(setting.aliases().get(i));
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<Setting, String> parseFlags(List<String> args) {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            Setting setting = byFlag(name);
            if (arg.contains("=")) {
                flags.put(setting, arg.substring(arg.indexOf('=') + 1));
            } else if (i + 1 < args.size()) {
                flags.put(setting, args.get(++i));
            } else {
                throw new ConfigException("flag " + name + " needs a value (" + setting.accepted() + ")");
            }
        }
        return flags;
    }

    private static Setting byFlag(String flag) {
        for (Setting setting : Setting.values()) {
            if (setting.flag().equals(flag)) {
                return setting;
            }
        }
        throw new ConfigException("unknown flag " + flag + "; run with --help to list the settings");
    }
}
