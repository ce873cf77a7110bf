package org.mbmskeys.benchmarks.rekey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The calling thread's minor page faults so far (Linux, {@code /proc/thread-self/stat}), or -1 where that
 * file cannot be read. A minor fault is the kernel mapping a page on first touch: time it spends is counted
 * in the thread's CPU time, so a measured part that touches fresh memory (a heap the JVM grows, or gives
 * back and takes again) pays for it there.
 */
final class MinorFaults {

    private static final Path STAT = Path.of("/proc/thread-self/stat");

    private MinorFaults() {
    }

    static long ofThisThread() {
        try {
            String stat = Files.readString(STAT);
            // Fields after the command name (which may hold spaces, so start after its closing parenthesis):
            // state ppid pgrp session tty_nr tpgid flags minflt ...; minflt is the 8th of them (proc(5)).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[7]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
