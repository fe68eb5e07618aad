package io.clusteragent.monitoring;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** docs/runbooks.md by section: one "## Name" heading per alert. */
final class Runbooks {

    /** Where an alert's runbook_url points: the file as the repository's web view shows it. */
    static final String BASE_URL = "https://github.com/clusteragent/cluster-agent/blob/main/docs/runbooks.md";

    private Runbooks() {}

    /** Each second-level section's text, by the anchor GitHub gives its heading. */
    static Map<String, String> sections() {
        Map<String, String> sections = new LinkedHashMap<>();
        String anchor = null;
        StringBuilder text = new StringBuilder();
        for (String line :
                MonitoringFiles.read(MonitoringFiles.RUNBOOKS).lines().toList()) {
            if (line.startsWith("## ")) {
                if (anchor != null) {
                    sections.put(anchor, text.toString());
                }
                anchor = anchor(line.substring(3));
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (anchor != null) {
            sections.put(anchor, text.toString());
        }
        return sections;
    }

    /** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        return heading.trim()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }
}
