package io.clusteragent.cluster;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * What a parser said, in one line with a line and column: SnakeYAML's own messages span several
 * lines with a snippet, Jackson's end with the source description, and neither reads well after
 * "start-up failed:".
 *
 * @param endOfInput whether the parser ran out of file in the middle of a value, the mark of a cut dump
 */
record ParseProblem(String text, boolean endOfInput) {

    static ParseProblem of(JsonProcessingException e, JsonLocation current) {
        if (e instanceof MarkedYAMLException marked) {
            String text = marked.getProblem() + " at " + where(marked.getProblemMark())
                    + (marked.getContext() == null
                            ? ""
                            : " (" + marked.getContext()
                                    + (marked.getContextMark() == null
                                            ? ""
                                            : " started at " + where(marked.getContextMark()))
                                    + ")");
            return new ParseProblem(
                    text, marked.getProblem() != null && marked.getProblem().contains("end of stream"));
        }
        JsonLocation location = e.getLocation() != null && e.getLocation().getLineNr() > 0 ? e.getLocation() : current;
        String message = e.getOriginalMessage();
        return new ParseProblem(
                firstLine(message) + " at " + where(location),
                message != null && (message.contains("end-of-input") || message.contains("end of stream")));
    }

    private static String where(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    private static String where(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
