package io.clusteragent.detect;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds a finding's details: every value a string, absent and empty values left out, insertion order kept. */
final class Details {

    private final Map<String, String> values = new LinkedHashMap<>();

    private Details() {}

    static Details of() {
        return new Details();
    }

    Details put(String key, Object value) {
        if (value != null) {
            String text = String.valueOf(value);
            if (!text.isEmpty()) {
                values.put(key, text);
            }
        }
        return this;
    }

    Map<String, String> build() {
        return values;
    }
}
