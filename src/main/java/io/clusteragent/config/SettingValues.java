package io.clusteragent.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The raw value of each setting (flag, then variable, then alias, then default) and its typed readings. */
final class SettingValues {

    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Map<Setting, String> raw = new EnumMap<>(Setting.class);

    SettingValues(Map<String, String> env, List<String> args) {
        Map<Setting, String> flags = parseFlags(args);
        for (Setting setting : Setting.values()) {
            String value = flags.getOrDefault(setting, firstSet(env, setting));
            raw.put(setting, value == null ? setting.defaultValue() : value.trim());
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

    /** Go-style durations as the seeds use them ({@code 500ms}, {@code 30s}, {@code 1h30m}); a bare number means seconds. */
    Duration duration(Setting setting) {
        String value = raw.get(setting);
        if (value.matches("\\d+")) {
            return positive(setting, Duration.ofSeconds(Long.parseLong(value)));
        }
        Matcher part = DURATION_PART.matcher(value);
        Duration total = Duration.ZERO;
        int consumed = 0;
        while (part.find() && part.start() == consumed) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
            consumed = part.end();
        }
        if (consumed == 0 || consumed != value.length()) {
            throw invalid(setting);
        }
        return positive(setting, total);
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
        return java.util.Arrays.stream(raw.get(setting).split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList();
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

    private Duration positive(Setting setting, Duration duration) {
        if (duration.isZero()) {
            throw invalid(setting);
        }
        return duration;
    }

    private ConfigException invalid(Setting setting) {
        return new ConfigException(describe(setting) + ": invalid value '" + raw.get(setting) + "', expected " + setting.accepted()
                + (setting.accepted().equals("duration") ? " such as 500ms, 30s, 5m or 1h30m" : ""));
    }

    private static String describe(Setting setting) {
        return setting.env() + " (" + setting.flag() + ")";
    }

    private static String firstSet(Map<String, String> env, Setting setting) {
        String value = env.get(setting.env());
        for (int i = 0; (value == null || value.isBlank()) && i < setting.aliases().size(); i++) {
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
