package io.clusteragent.analysis.events;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the object a kubelet error says is missing: {@code configmap "app-config" not found} in a
 * {@code Failed} or {@code FailedMount} message, or a missing key in one.
 */
final class MissingReference {

    private static final Pattern NOT_FOUND =
            Pattern.compile("\\b(configmap|secret|persistentvolumeclaim)s? \"([^\"]+)\" not found");
    private static final Pattern MISSING_KEY =
            Pattern.compile("couldn't find key (\\S+) in (ConfigMap|Secret) ([^\\s/]+)/([^\\s,]+)");

    private MissingReference() {}

    static Optional<String> describe(String message, String namespace) {
        Matcher notFound = NOT_FOUND.matcher(message);
        if (notFound.find()) {
            return Optional.of(kindName(notFound.group(1)) + " \"" + notFound.group(2)
                    + "\" does not exist in namespace " + namespace);
        }
        Matcher missingKey = MISSING_KEY.matcher(message);
        if (missingKey.find()) {
            return Optional.of("Key \"" + missingKey.group(1) + "\" is missing from " + missingKey.group(2) + " "
                    + missingKey.group(3) + "/" + missingKey.group(4));
        }
        return Optional.empty();
    }

    private static String kindName(String lowerCaseKind) {
        return switch (lowerCaseKind) {
            case "configmap" -> "ConfigMap";
            case "secret" -> "Secret";
            default -> "PersistentVolumeClaim";
        };
    }
}
