package dev.autobench.renderer.chromium;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The live processes of one session, read from {@code /proc/<pid>/stat}. The JDK can signal a process but not
 * a group or a session, and its process tree loses a child once that child's parent died; the session id stays.
 */
final class SessionMembers {

    private static final Path PROC = Path.of("/proc");

    private SessionMembers() {
    }

    /** Every process of {@code session} that is not already a zombie. */
    static List<ProcessHandle> of(long session) {
        List<ProcessHandle> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                Stat stat = stat(pid);
                if (stat != null && stat.session() == session && stat.state() != 'Z' && stat.state() != 'X') {
                    ProcessHandle.of(pid).ifPresent(members::add);
                }
            }
        } catch (IOException e) {
            // no /proc: nothing this class can find
        }
        return members;
    }

    /** State and session of a process, or null when it is gone. */
    static Stat stat(long pid) {
        String line;
        try {
            line = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        // the command name (field 2) is in parentheses and may itself hold spaces or parentheses
        int end = line.lastIndexOf(')');
        if (end < 0) {
            return null;
        }
        String[] fields = line.substring(end + 2).split(" ");
        if (fields.length < 4) {
            return null;
        }
        // after the name: state, ppid, pgrp, session
        return new Stat(fields[0].charAt(0), Long.parseLong(fields[2]), Long.parseLong(fields[3]));
    }

    /**
     * @param state   one letter, {@code Z} for a zombie
     * @param group   process group id
     * @param session session id
     */
    record Stat(char state, long group, long session) {
    }
}
