package dev.autobench.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;

/**
 * CPU time in clock ticks at one instant: the whole machine (all cores, and how much of it idle or waiting for
 * I/O) from {@code /proc/stat}, and two groups of processes (the arena's JVM; PostgreSQL's postmaster and backends)
 * from {@code /proc/<pid>/stat}. Two samples around a wrk run say where the cores went (see {@link CpuShare}).
 */
public record CpuSample(long totalTicks, long idleTicks, long arenaTicks, long postgresTicks) {

    public static CpuSample read(long arenaPid, Collection<Long> postgresPids) {
        try {
            long[] machine = machine(Files.readString(Path.of("/proc/stat")));
            return new CpuSample(machine[0], machine[1], processTicks(arenaPid),
                    postgresPids.stream().mapToLong(CpuSample::processTicks).sum());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }

    /** {total, idle} from the first ("cpu ") line: user nice system idle iowait irq softirq steal; idle + iowait. */
    static long[] machine(String procStat) {
        String line = procStat.lines().filter(l -> l.startsWith("cpu ")).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no 'cpu ' line in /proc/stat"));
        long[] f = Arrays.stream(line.substring(4).trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
        long total = 0;
        for (int i = 0; i < Math.min(8, f.length); i++) {
            total += f[i];
        }
        return new long[] {total, f[3] + f[4]};
    }

    /** utime + stime (fields 14 and 15) of one process; 0 once it is gone. */
    static long processTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            return ticksOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException e) {
            return 0;
        }
    }

    /** The process name (field 2) may hold spaces and parentheses: the fields are counted after its last ')'. */
    static long ticksOf(String stat) {
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        // after[0] is field 3 (state): utime is field 14, stime field 15
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }
}
