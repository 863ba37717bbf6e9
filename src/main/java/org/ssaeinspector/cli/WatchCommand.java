package org.ssaeinspector.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.ssaeinspector.line.HotFolder;
import org.ssaeinspector.line.LiveModel;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Score every image that appears in a folder (and those already there), once each, once it is "
                + "completely written; append one CSV row per image. Runs until Ctrl+C / SIGTERM, which finish the "
                + "image in progress. A restart neither scores an image again nor misses one.")
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ssae).")
    Path modelFile;

    @Option(names = "--in", required = true, paramLabel = "DIR", description = "The folder to watch (not its sub-folders).")
    Path in;

    @Option(names = "--csv", required = true, paramLabel = "FILE",
            description = "CSV file the rows are appended to (created with its header; kept across restarts). "
                    + "A journal FILE.journal goes beside it.")
    Path csv;

    @Option(names = "--pass-dir", paramLabel = "DIR", description = "Move images that pass here (default: they stay).")
    Path passDir;

    @Option(names = "--fail-dir", paramLabel = "DIR", description = "Move flagged images here (default: they stay).")
    Path failDir;

    @Option(names = "--rejected-dir", paramLabel = "DIR",
            description = "Move files that cannot be scored here (default: DIR/rejected inside --in).")
    Path rejectedDir;

    @Option(names = "--copy", description = "Copy into the pass / fail / rejected folders instead of moving.")
    boolean copy;

    @Option(names = "--threshold", paramLabel = "T", description = "Flag images scoring above T (default: the model's threshold).")
    Double threshold;

    @Option(names = "--settle-ms", paramLabel = "MS",
            description = "How long a file must keep its size and time before it is scored (default: ${DEFAULT-VALUE}).")
    long settleMs = 1000;

    @Option(names = "--poll-ms", paramLabel = "MS",
            description = "How often files still being written are looked at (default: ${DEFAULT-VALUE}).")
    long pollMs = 200;

    @Option(names = "--rescan-ms", paramLabel = "MS",
            description = "How often the whole folder is listed again, besides change notifications (default: ${DEFAULT-VALUE}).")
    long rescanMs = 5000;

    @Option(names = "--queue", paramLabel = "N",
            description = "Settled images waiting to be scored, at most; the rest wait in the folder (default: ${DEFAULT-VALUE}).")
    int queue = 64;

    @Option(names = "--batch", paramLabel = "N",
            description = "Images scored together when they pile up (default: ${DEFAULT-VALUE}).")
    int batch = 8;

    @Option(names = "--report-s", paramLabel = "S", description = "Seconds between throughput lines (default: ${DEFAULT-VALUE}).")
    long reportSeconds = 30;

    @Override
    public Integer call() {
        CliInputs.requireFiniteThreshold(threshold);
        CliInputs.requireRange("--settle-ms", settleMs, 0, 3_600_000);
        CliInputs.requireRange("--poll-ms", pollMs, 10, 60_000);
        CliInputs.requireRange("--rescan-ms", rescanMs, 100, 3_600_000);
        CliInputs.requireRange("--queue", queue, 1, 100_000);
        CliInputs.requireRange("--batch", batch, 1, 256);
        CliInputs.requireRange("--report-s", reportSeconds, 1, 86_400);
        if (!Files.isDirectory(in)) {
            throw new UserFacingException("--in " + in + ": not a folder");
        }
        Path rejected = rejectedDir != null ? rejectedDir : in.resolve("rejected");
        for (Path dir : new Path[] {passDir, failDir, rejected}) {
            if (dir != null) {
                if (dir.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize())) {
                    throw new UserFacingException(dir + ": the pass, fail and rejected folders must not be the watched folder");
                }
                CliInputs.requireWritableFolder(dir);
            }
        }
        CliInputs.requireWritableTarget(csv);
        HotFolder.Settings settings = HotFolder.Settings.of(in, csv)
                .withFolders(passDir, failDir, rejected, copy)
                .withTiming(Duration.ofMillis(pollMs), Duration.ofMillis(rescanMs), Duration.ofMillis(settleMs),
                        Duration.ofSeconds(reportSeconds))
                .withScoring(threshold, queue, batch);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (LiveModel model = LiveModel.load(modelFile, Duration.ZERO)) {
            Printer printer = new Printer(out, err);
            HotFolder folder = new HotFolder(model, settings, printer);
            folder.start();
            double t = threshold != null ? threshold : model.current().header().threshold();
            out.printf(Locale.ROOT, "Watching %s with %s (SHA-256 %s, threshold %.4f); rows go to %s%s.%n"
                            + "Ctrl+C stops after the image in progress.%n",
                    in, modelFile, model.current().sha256().substring(0, 12), t, csv,
                    folder.recordedAtStart() > 0 ? " (" + folder.recordedAtStart() + " image(s) here already have a row)" : "");
            Thread hook = new Thread(() -> {
                folder.stop();
                printer.stopped();
            }, "watch-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                folder.awaitStopped();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // Shutting down: the hook prints the summary.
                }
            }
        }
        return 0;
    }

    /** One line per flagged or rejected image, and the throughput now and then. */
    private static final class Printer implements HotFolder.Listener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final AtomicInteger scored = new AtomicInteger();
        private final AtomicInteger flagged = new AtomicInteger();
        private final AtomicInteger rejected = new AtomicInteger();

        Printer(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void inspected(HotFolder.Outcome o) {
            String moved = o.movedTo() == null ? "" : " -> " + o.movedTo();
            switch (o.verdict()) {
                case PASS -> scored.incrementAndGet();
                case FAIL -> {
                    scored.incrementAndGet();
                    flagged.incrementAndGet();
                    out.printf(Locale.ROOT, "FLAGGED %s score %.4f, %d region(s)%s%n", o.image(), o.row().score(),
                            o.row().regions().size(), moved);
                }
                case REJECTED -> {
                    rejected.incrementAndGet();
                    out.printf(Locale.ROOT, "REJECTED %s: %s%s%n", o.image(), o.row().problem(), moved);
                }
            }
            if (o.moveProblem() != null) {
                err.println("warning: " + o.image() + ": " + o.moveProblem());
            }
        }

        @Override
        public void throughput(HotFolder.Throughput t) {
            out.printf(Locale.ROOT, "%s  %d image(s) in %ds (%.2f/s): %d flagged, %d rejected; %d waiting; %d since start%n",
                    LocalTime.now().truncatedTo(ChronoUnit.SECONDS), t.images(), t.window().toSeconds(), t.perSecond(),
                    t.flagged(), t.rejected(), t.waiting(), t.total());
        }

        @Override
        public void notice(String message) {
            out.println(message);
        }

        @Override
        public void warning(String message) {
            err.println("warning: " + message);
        }

        void stopped() {
            out.printf(Locale.ROOT, "%nStopped: %d image(s) scored (%d flagged), %d rejected in this run.%n", scored.get(),
                    flagged.get(), rejected.get());
            out.flush();
        }
    }
}
