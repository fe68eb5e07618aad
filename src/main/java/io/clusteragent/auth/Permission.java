package io.clusteragent.auth;

import java.util.function.UnaryOperator;

/**
 * A verb on a resource of the core group (the only one the API reads), for the namespace and object a
 * route's path names: {@code Permission.get("pods").inNamespace("namespace").named("pod")}.
 *
 * @param namespaceParameter the path parameter holding the namespace; empty for a cluster-wide check
 * @param nameParameter      the path parameter holding the object's name; empty for every object
 */
public record Permission(
        String verb, String resource, String subresource, String namespaceParameter, String nameParameter) {

    public static Permission get(String resource) {
        return new Permission("get", resource, "", "", "");
    }

    public static Permission list(String resource) {
        return new Permission("list", resource, "", "", "");
    }

    public Permission subresource(String name) {
        return new Permission(verb, resource, name, namespaceParameter, nameParameter);
    }

    public Permission inNamespace(String parameter) {
        return new Permission(verb, resource, subresource, parameter, nameParameter);
    }

    public Permission named(String parameter) {
        return new Permission(verb, resource, subresource, namespaceParameter, parameter);
    }

    AccessCheck check(UnaryOperator<String> pathParameter) {
        return AccessCheck.resource(
                verb,
                "",
                resource,
                subresource,
                value(pathParameter, namespaceParameter),
                value(pathParameter, nameParameter));
    }

    private static String value(UnaryOperator<String> pathParameter, String name) {
        if (name.isEmpty()) {
            return "";
        }
        String value = pathParameter.apply(name);
        return value == null ? "" : value;
    }
}
