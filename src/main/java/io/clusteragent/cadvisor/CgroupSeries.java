package io.clusteragent.cadvisor;

import java.util.List;

/** What one cgroup contributes to a scrape: its labels and the values read from it. */
record CgroupSeries(SeriesLabels labels, List<Reading> readings) {}
