package io.clusteragent.deploy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Fields that fabric8's typed model did not recognise. A misspelt field ({@code readinesProbe})
 * parses without error into {@code additionalProperties} and is then ignored by the API server's
 * older versions or rejected by newer ones; here it fails the build.
 */
final class UnknownFields {

    private static final String MODEL = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {}

    static List<String> of(Object object) {
        List<String> found = new ArrayList<>();
        walk(object, object.getClass().getSimpleName(), found);
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "." + key, found));
        } else if (value != null && value.getClass().getName().startsWith(MODEL)) {
            for (Method getter : getters(value.getClass())) {
                Object field = invoke(getter, value);
                if (getter.getName().equals("getAdditionalProperties")) {
                    ((Map<?, ?>) field).keySet().forEach(key -> found.add(path + "." + key));
                } else {
                    walk(field, path + "." + property(getter), found);
                }
            }
        }
    }

    private static List<Method> getters(Class<?> type) {
        List<Method> getters = new ArrayList<>();
        for (Method method : type.getMethods()) {
            if (method.getParameterCount() == 0
                    && !Modifier.isStatic(method.getModifiers())
                    && method.getName().startsWith("get")
                    && !method.getName().equals("getClass")
                    && method.getDeclaringClass().getName().startsWith(MODEL)) {
                getters.add(method);
            }
        }
        return getters;
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
