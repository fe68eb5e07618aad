package io.clusteragent.auth;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What a route asks of its caller, declared next to the route in the route table. The checks are
 * made for every request, with the route's path parameters filled in; all of them must be allowed.
 */
public sealed interface AccessRule {

    /** Anyone, unauthenticated: the kubelet's probes carry no credentials. */
    static AccessRule open() {
        return Open.INSTANCE;
    }

    /** {@code get} on the request's path as a non-resource URL, as kube-rbac-proxy asks for {@code /metrics}. */
    static AccessRule nonResourceUrl() {
        return NonResourceUrl.INSTANCE;
    }

    /** Every one of {@code permissions}, each for the namespace and name the request's path names. */
    static AccessRule allOf(Permission... permissions) {
        return new Resources(List.of(permissions));
    }

    /**
     * The checks of one request.
     *
     * @param pathParameter a path parameter's value by its name in the route
     * @param path          the request's path
     */
    List<AccessCheck> checks(UnaryOperator<String> pathParameter, String path);

    /** Whether the caller must be known at all: false only for open routes. */
    default boolean authenticates() {
        return true;
    }

    enum Open implements AccessRule {
        INSTANCE;

        @Override
        public List<AccessCheck> checks(UnaryOperator<String> pathParameter, String path) {
            return List.of();
        }

        @Override
        public boolean authenticates() {
            return false;
        }
    }

    enum NonResourceUrl implements AccessRule {
        INSTANCE;

        @Override
        public List<AccessCheck> checks(UnaryOperator<String> pathParameter, String path) {
            return List.of(AccessCheck.nonResource("get", path));
        }
    }

    record Resources(List<Permission> permissions) implements AccessRule {

        public Resources {
            if (permissions.isEmpty()) {
                throw new IllegalArgumentException("a resource rule names at least one permission");
            }
            permissions = List.copyOf(permissions);
        }

        @Override
        public List<AccessCheck> checks(UnaryOperator<String> pathParameter, String path) {
            return permissions.stream()
                    .map(permission -> permission.check(pathParameter))
                    .toList();
        }
    }
}
