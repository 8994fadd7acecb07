package dev.autobench.bench.proc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A process's resident memory, from the VmRSS line of {@code /proc/<pid>/status}. */
public final class ProcessMemory {

    private static final Pattern VM_RSS = Pattern.compile("(?m)^VmRSS:\\s+(\\d+) kB");

    private ProcessMemory() {
    }

    /** Resident memory in MB (rounded), or -1 when the process is gone. */
    public static long rssMb(long pid) {
        try {
            return rssMbOf(Files.readString(Path.of("/proc/" + pid + "/status")));
        } catch (IOException e) {
            return -1;
        }
    }

    static long rssMbOf(String status) {
        Matcher m = VM_RSS.matcher(status);
        return m.find() ? Math.round(Long.parseLong(m.group(1)) / 1024.0) : -1;
    }
}
