package org.ssaeinspector.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command line in a JVM of its own, for what cannot be arranged in the test's JVM: a small
 * heap ({@code -Xmx}) or a limit on the size of the files it writes ({@code ulimit -f}, which makes
 * a write past it fail as on a full disk; the JVM ignores SIGXFSZ, so the write gets EFBIG).
 * Start the engine in the test's JVM first, so that its native libraries are unpacked already.
 */
public final class ForkedCli {
    private ForkedCli() {
    }

    public record Run(int exitCode, String out, String err) {
    }

    /**
     * Runs {@code ssae-inspector args...} with {@code jvmOptions}; with {@code fileBlocks > 0} under
     * {@code ulimit -f fileBlocks} (blocks of 512 or 1024 bytes, as the shell counts them).
     */
    public static Run run(List<String> jvmOptions, int fileBlocks, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (fileBlocks > 0) {
            command.addAll(List.of("/bin/sh", "-c", "ulimit -f " + fileBlocks + " && exec \"$@\"", "sh"));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:-UsePerfData");
        command.add("-Dai.djl.offline=true");
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.ssaeinspector.Main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("DJL_OFFLINE", "true");
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> out = drain(process.getInputStream());
        CompletableFuture<String> err = drain(process.getErrorStream());
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the forked command did not end in 3 minutes: " + command);
        }
        return new Run(process.exitValue(), out.join(), err.join());
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
