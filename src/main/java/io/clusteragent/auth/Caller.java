package io.clusteragent.auth;

import java.util.List;
import java.util.Map;

/**
 * Who made a request, as the API server's authenticators name users (TokenReview's {@code status.user}, or a
 * client certificate's subject); each access review is asked for exactly this user.
 */
public record Caller(String user, List<String> groups, String uid, Map<String, List<String>> extra) {

    /** The group the API server gives every authenticated user, so RBAC bindings to it apply here too. */
    public static final String AUTHENTICATED = "system:authenticated";

    public Caller {
        groups = List.copyOf(groups);
        uid = uid == null ? "" : uid;
        extra = Map.copyOf(extra);
    }
}
