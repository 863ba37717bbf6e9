package org.ssaeinspector.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A command run in a process of its own, timed from start to exit, its peak resident memory
 * (Linux: {@code VmHWM} of /proc/PID/status, read every 50 ms while it runs; -1 elsewhere) and
 * its output in a log file.
 *
 * @param exitCode the process's exit code
 * @param seconds  wall time from start to exit
 * @param peakMiB  peak resident memory in MiB, -1 when it cannot be read
 */
public record MeasuredRun(int exitCode, double seconds, long peakMiB) {
    public static MeasuredRun of(List<String> command, Path log) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peak = -1;
        while (process.isAlive()) {
            peak = Math.max(peak, peakKiB(status));
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new MeasuredRun(process.waitFor(), seconds, peak < 0 ? -1 : peak / 1024);
    }

    private static long peakKiB(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone already, or not Linux.
        }
        return -1;
    }
}
