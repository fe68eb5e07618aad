package io.clusteragent.analysis.pods;

/** Bounds free text from the cluster (event messages, termination messages) for responses and logs. */
public final class ShortText {

    private static final String ELLIPSIS = "…";

    private ShortText() {}

    /**
     * At most {@code maxCodePoints} code points, the last one an ellipsis when text was cut. Counting
     * code points, not bytes or chars, never splits a multi-byte character or a surrogate pair.
     */
    public static String of(String text, int maxCodePoints) {
        if (text == null || maxCodePoints < 1) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= maxCodePoints) {
            return text;
        }
        int end = text.offsetByCodePoints(0, maxCodePoints - 1);
        return text.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
