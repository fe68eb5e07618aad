package io.clusteragent.auth;

/**
 * One question put to the API server's authorizer, in SubjectAccessReview's terms: either a resource
 * ({@code verb} on {@code group/resource/subresource}, maybe one {@code name}, maybe in a {@code namespace}) or
 * a non-resource URL ({@code verb} on {@code path}). Empty strings stand for "not given", as in the review.
 */
public record AccessCheck(
        String verb, String group, String resource, String subresource, String namespace, String name, String path) {

    public static AccessCheck resource(
            String verb, String group, String resource, String subresource, String namespace, String name) {
        return new AccessCheck(verb, group, resource, subresource, namespace, name, "");
    }

    public static AccessCheck nonResource(String verb, String path) {
        return new AccessCheck(verb, "", "", "", "", "", path);
    }

    public boolean isResource() {
        return path.isEmpty();
    }

    /** What was asked, as the 403 names it: {@code get pods "web-1" in namespace "shop"}, {@code get /metrics}. */
    public String describe() {
        if (!isResource()) {
            return verb + " " + path;
        }
        String qualified =
                (group.isEmpty() ? "" : group + "/") + resource + (subresource.isEmpty() ? "" : "/" + subresource);
        return verb + " " + qualified
                + (name.isEmpty() ? "" : " \"" + name + "\"")
                + (namespace.isEmpty() ? "" : " in namespace \"" + namespace + "\"");
    }
}
