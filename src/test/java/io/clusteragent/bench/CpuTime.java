package io.clusteragent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time a server has spent, from {@code /proc}: user and system time of a process and its children
 * still running (nginx's workers). Per request, it is what a server costs whatever else the machine
 * is doing, where throughput on shared cores also measures the neighbours.
 */
final class CpuTime {

    /** Linux reports process times in clock ticks of 1/100 s on every platform it builds for today. */
    private static final long MICROS_PER_TICK = 10_000;

    private CpuTime() {}

    /** Microseconds of CPU spent so far by {@code process} and its descendants. */
    static long micros(ProcessHandle process) {
        try (Stream<ProcessHandle> descendants = process.descendants()) {
            return microsOf(process.pid())
                    + descendants.mapToLong(p -> microsOf(p.pid())).sum();
        }
    }

    private static long microsOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // The command name in parentheses may hold spaces; fields count from after it.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MICROS_PER_TICK;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
