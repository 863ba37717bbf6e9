package org.ssaeinspector.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on, in words, and the process's peak memory. */
public final class MachineInfo {
    private MachineInfo() {
    }

    /** e.g. "Intel Xeon ... , 2 cores". */
    public static String describe() {
        String cpu = System.getProperty("os.arch");
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim().replaceAll("\\s+", " ");
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: the architecture will do.
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores";
    }

    /**
     * Peak resident memory of this process in MiB (native tensors included), from
     * /proc/self/status; where that does not exist, the JVM's current heap use.
     */
    public static long peakResidentMiB() {
        return statusMiB("VmHWM:");
    }

    /** Resident memory of this process now, in MiB (as {@link #peakResidentMiB()}). */
    public static long residentMiB() {
        return statusMiB("VmRSS:");
    }

    private static long statusMiB(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Fall through.
        }
        Runtime rt = Runtime.getRuntime();
        return (rt.totalMemory() - rt.freeMemory()) >> 20;
    }
}
