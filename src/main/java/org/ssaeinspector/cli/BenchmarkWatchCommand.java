package org.ssaeinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ssaeinspector.benchmark.MachineInfo;
import org.ssaeinspector.export.CsvReport;
import org.ssaeinspector.line.HotFolder;
import org.ssaeinspector.line.LiveModel;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark-watch", mixinStandardHelpOptions = true,
        description = "Burst test of 'watch': writes N images at once (each under a temporary name, then renamed) into a "
                + "new folder that a hot folder watches with the given settings, waits until every one has its row, "
                + "checks each has exactly one, prints the time to drain, and removes the folder.")
final class BenchmarkWatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ssae).")
    Path modelFile;

    @Option(names = "--images", required = true, paramLabel = "PATH", description = "Image file or folder to copy from (round robin).")
    Path images;

    @Option(names = "--count", paramLabel = "N", description = "Images in the burst (default: ${DEFAULT-VALUE}).")
    int count = 1000;

    @Option(names = "--settle-ms", paramLabel = "MS", description = "As for watch (default: ${DEFAULT-VALUE}).")
    long settleMs = 1000;

    @Option(names = "--queue", paramLabel = "N", description = "As for watch (default: ${DEFAULT-VALUE}).")
    int queue = 64;

    @Option(names = "--batch", paramLabel = "N", description = "As for watch (default: ${DEFAULT-VALUE}).")
    int batch = 8;

    @Option(names = "--work", paramLabel = "DIR", description = "Where the temporary folder goes (default: the system's).")
    Path work;

    @Override
    public Integer call() throws IOException, InterruptedException {
        CliInputs.requireRange("--count", count, 1, 100_000);
        CliInputs.requireRange("--settle-ms", settleMs, 0, 60_000);
        CliInputs.requireRange("--queue", queue, 1, 100_000);
        CliInputs.requireRange("--batch", batch, 1, 256);
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkImages sources = BenchmarkImages.read(images, 64);
        Path root = work == null ? Files.createTempDirectory("ssae-watch-bench") : Files.createTempDirectory(
                Files.createDirectories(work), "ssae-watch-bench");
        Path in = Files.createDirectories(root.resolve("in"));
        Path csv = root.resolve("rows.csv");
        CountDownLatch all = new CountDownLatch(count);
        AtomicLong lastDone = new AtomicLong();
        AtomicLong peakWaiting = new AtomicLong();
        HotFolder.Settings settings = HotFolder.Settings.of(in, csv)
                .withFolders(root.resolve("pass"), root.resolve("fail"), root.resolve("rejected"), false)
                .withTiming(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(settleMs), Duration.ofSeconds(5))
                .withScoring(null, queue, batch);
        try (LiveModel model = LiveModel.load(modelFile, Duration.ZERO)) {
            HotFolder folder = new HotFolder(model, settings, new HotFolder.Listener() {
                @Override
                public void inspected(HotFolder.Outcome outcome) {
                    lastDone.set(System.nanoTime());
                    all.countDown();
                }

                @Override
                public void throughput(HotFolder.Throughput t) {
                    peakWaiting.accumulateAndGet(t.waiting(), Math::max);
                    out.printf(Locale.ROOT, "  %d image(s) in %d s (%.1f/s), %d waiting%n", t.images(), t.window().toSeconds(),
                            t.perSecond(), t.waiting());
                    out.flush();
                }
            });
            folder.start();
            out.printf(Locale.ROOT, "Watching %s with %s (settle %d ms, queue %d, batch %d); %s, %s.%n", in, modelFile, settleMs,
                    queue, batch, MachineInfo.describe(), sources.description());
            out.flush();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Path target = in.resolve(String.format(Locale.ROOT, "burst-%05d.png", i));
                Path temp = in.resolve("." + target.getFileName() + ".tmp");
                Files.write(temp, sources.bytes().get(i % sources.bytes().size()));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            double written = (System.nanoTime() - start) / 1e9;
            boolean drained = all.await(60 + 2L * count, TimeUnit.SECONDS);
            folder.stop();
            if (!drained) {
                throw new UserFacingException("only " + (count - all.getCount()) + " of " + count + " images were done in time");
            }
            double drain = (lastDone.get() - start) / 1e9;
            Map<String, Integer> rows = new HashMap<>();
            CsvReport.read(csv, r -> rows.merge(r.path(), 1, Integer::sum));
            long once = rows.values().stream().filter(n -> n == 1).count();
            out.printf(Locale.ROOT, "%d images written in %.1f s; all scored and moved %.1f s after the first was written "
                    + "(%.1f images/s, settle time included); %d waiting at the peak%n", count, written, drain, count / drain,
                    peakWaiting.get());
            out.printf(Locale.ROOT, "rows: %d for %d images, %d with exactly one row%n", rows.values().stream()
                    .mapToInt(Integer::intValue).sum(), count, once);
            return once == count && rows.size() == count ? 0 : SsaeCommandLine.EXIT_FAILURE;
        } finally {
            BenchmarkFiles.deleteTree(root);
        }
    }
}
