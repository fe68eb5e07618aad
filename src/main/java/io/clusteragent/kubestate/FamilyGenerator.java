package io.clusteragent.kubestate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One metric family of one resource, as kube-state-metrics declares it ({@code pkg/metric_generator/generator.go}
 * {@code FamilyGenerator}): name, help, type, stability, the version it was deprecated in (empty if not), whether
 * it is opt-in ({@code METRIC_OPT_IN_LIST}), and the function that turns one object into its samples. Build them
 * with {@link #stable}, {@link #alpha} or, for opt-in or deprecated families ({@code NewOptInFamilyGenerator}), the
 * constructor, wrapping the function with the resource's
 * {@link DefaultLabels}.
 *
 * @param help the help text as kube-state-metrics passes it, without the {@code [STABLE] } or deprecation prefixes
 */
public record FamilyGenerator<T>(
        String name,
        String help,
        MetricType type,
        Stability stability,
        String deprecatedVersion,
        boolean optIn,
        Function<? super T, List<Metric>> generate) {

    public FamilyGenerator {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stability, "stability");
        Objects.requireNonNull(deprecatedVersion, "deprecatedVersion");
        Objects.requireNonNull(generate, "generate");
    }

    /** {@code NewFamilyGeneratorWithStability(name, help, type, basemetrics.STABLE, "", f)}. */
    public static <T> FamilyGenerator<T> stable(
            String name, String help, MetricType type, Function<? super T, List<Metric>> generate) {
        return new FamilyGenerator<>(name, help, type, Stability.STABLE, "", false, generate);
    }

    /** {@code NewFamilyGeneratorWithStability(name, help, type, basemetrics.ALPHA, "", f)}. */
    public static <T> FamilyGenerator<T> alpha(
            String name, String help, MetricType type, Function<? super T, List<Metric>> generate) {
        return new FamilyGenerator<>(name, help, type, Stability.ALPHA, "", false, generate);
    }

    /**
     * The HELP and TYPE lines ({@code generateHeader}): help escaped ({@code \} and newline), prefixed with
     * {@code (Deprecated since X) } and then {@code [STABLE] }; the TYPE word as the format spells it.
     */
    byte[] header(ExpositionFormat format) {
        String text = deprecatedVersion.isEmpty() ? help : "(Deprecated since " + deprecatedVersion + ") " + help;
        String escaped = text.replace("\\", "\\\\").replace("\n", "\\n");
        String shownHelp = stability == Stability.STABLE ? "[STABLE] " + escaped : escaped;
        String header = "# HELP " + name + " " + shownHelp + "\n# TYPE " + name + " " + type.typeWord(format) + "\n";
        return header.getBytes(StandardCharsets.UTF_8);
    }
}
