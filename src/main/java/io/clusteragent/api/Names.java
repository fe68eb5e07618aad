package io.clusteragent.api;

import io.vertx.ext.web.RoutingContext;

import java.util.regex.Pattern;

/**
 * Validates path parameters as Kubernetes names, so a typo gets a 400 that says which parameter is
 * wrong instead of a misleading 404.
 */
final class Names {

    /** RFC 1123 label: namespaces. */
    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    /** RFC 1123 subdomain: pod and node names. */
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private Names() {}

    static String label(RoutingContext ctx, String parameter) {
        return check(
                ctx,
                parameter,
                DNS1123_LABEL,
                63,
                "a DNS-1123 label (lower-case letters, digits and '-', at most 63 characters)");
    }

    static String subdomain(RoutingContext ctx, String parameter) {
        return check(
                ctx,
                parameter,
                DNS1123_SUBDOMAIN,
                253,
                "a DNS-1123 subdomain (lower-case letters, digits, '-' and '.', at most 253 characters)");
    }

    private static String check(RoutingContext ctx, String parameter, Pattern pattern, int maxLength, String expected) {
        String value = ctx.pathParam(parameter);
        if (value == null
                || value.isEmpty()
                || value.length() > maxLength
                || !pattern.matcher(value).matches()) {
            throw new ApiException(
                    ErrorCode.BAD_REQUEST,
                    "Invalid request",
                    "path parameter '" + parameter + "' must be " + expected + ", got '" + abbreviate(value) + "'");
        }
        return value;
    }

    /** A caller's value as an error message shows it: at most 80 characters. */
    static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= 80 ? value : value.substring(0, 77) + "...";
    }
}
