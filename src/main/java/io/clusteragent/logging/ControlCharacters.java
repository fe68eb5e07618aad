package io.clusteragent.logging;

/**
 * Writes control characters as {@code \u001b}-style escapes, the way the JSON log format does. A
 * request line, a header or a Kubernetes object can carry ESC, NUL, CR or LF into a log message; on a
 * terminal ESC rewrites the screen, and CR or LF forge a line that looks like the agent's own.
 */
final class ControlCharacters {

    private ControlCharacters() {}

    static String escape(String text) {
        if (text == null || text.chars().noneMatch(ControlCharacters::isControl)) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (isControl(c)) {
                escaped.append(String.format("\\u%04x", c));
            } else {
                escaped.append((char) c);
            }
        });
        return escaped.toString();
    }

    /** C0 and C1 controls and DEL, and the Unicode line and paragraph separators some viewers break lines at. */
    private static boolean isControl(int c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
