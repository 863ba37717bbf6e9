package org.ssaeinspector.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ssaeinspector.benchmark.MachineInfo;
import org.ssaeinspector.line.LiveModel;
import org.ssaeinspector.serve.InspectionServer;
import org.ssaeinspector.serve.LoadGenerator;
import org.ssaeinspector.serve.ServeSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark-serve", mixinStandardHelpOptions = true,
        description = "Load test of 'serve' on this machine: starts the service on 127.0.0.1 (any free port), posts "
                + "images from N concurrent clients for a fixed time, stops by itself; prints requests/s, latency "
                + "percentiles, errors and memory at the start and the end.")
final class BenchmarkServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ssae).")
    Path modelFile;

    @Option(names = "--images", required = true, paramLabel = "PATH", description = "Image file or folder to send (round robin).")
    Path images;

    @Option(names = "--clients", paramLabel = "N", description = "Concurrent clients (default: ${DEFAULT-VALUE}).")
    int clients = 4;

    @Option(names = "--seconds", paramLabel = "S", description = "Measured time (default: ${DEFAULT-VALUE}).")
    int seconds = 60;

    @Option(names = "--warmup-s", paramLabel = "S", description = "Load before the measurement, not counted (default: ${DEFAULT-VALUE}).")
    int warmupSeconds = 5;

    @Option(names = "--threads", paramLabel = "N", description = "The service's scoring threads (default: ${DEFAULT-VALUE}).")
    int threads = 2;

    @Option(names = "--queue", paramLabel = "N", description = "The service's waiting requests (default: ${DEFAULT-VALUE}).")
    int queue = 16;

    @Override
    public Integer call() throws InterruptedException {
        CliInputs.requireRange("--clients", clients, 1, 64);
        CliInputs.requireRange("--seconds", seconds, 1, 3600);
        CliInputs.requireRange("--warmup-s", warmupSeconds, 0, 600);
        CliInputs.requireRange("--threads", threads, 1, 64);
        CliInputs.requireRange("--queue", queue, 0, 10_000);
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkImages bodies = BenchmarkImages.read(images, 64);
        ServeSettings settings = ServeSettings.defaults().withLimits(64L << 20, threads, queue).withReloadEvery(Duration.ZERO);
        try (LiveModel model = LiveModel.load(modelFile, Duration.ZERO);
             InspectionServer server = InspectionServer.start(model, settings,
                     new ConsoleServiceLog(out, spec.commandLine().getErr()))) {
            out.printf(Locale.ROOT, "Serving %s on %s: %d scoring thread(s), %d waiting at most; %s, %s.%n", modelFile,
                    server.uri(), threads, queue, MachineInfo.describe(), bodies.description());
            out.printf(Locale.ROOT, "%d client(s) for %d s after a %d s warm-up...%n", clients, seconds, warmupSeconds);
            out.flush();
            java.net.URI inspect = server.uri().resolve("/v1/inspect");
            if (warmupSeconds > 0) {
                LoadGenerator.run(inspect, bodies.bytes(), clients, Duration.ZERO, Duration.ofSeconds(warmupSeconds), null);
            }
            long[] before = memory();
            List<Long> resident = Collections.synchronizedList(new ArrayList<>());
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            long every = Math.max(1000, seconds * 1000L / 6);
            sampler.scheduleAtFixedRate(() -> resident.add(MachineInfo.residentMiB()), every, every, TimeUnit.MILLISECONDS);
            LoadGenerator.Result r;
            try {
                r = LoadGenerator.run(inspect, bodies.bytes(), clients, Duration.ZERO, Duration.ofSeconds(seconds), null);
            } finally {
                sampler.shutdownNow();
            }
            long[] after = memory();
            out.printf(Locale.ROOT, "requests  %d in %.1f s: %.1f/s; errors %d%s%n", r.requests(), r.elapsed().toMillis() / 1000.0,
                    r.perSecond(), r.errorCount(), r.errors().isEmpty() ? "" : " " + r.errors());
            out.printf(Locale.ROOT, "latency   p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", r.percentile(0.50),
                    r.percentile(0.95), r.percentile(0.99), r.percentile(1.0));
            out.printf(Locale.ROOT, "memory    heap after GC %d MiB before, %d MiB after; resident %d MiB before, %d MiB after "
                    + "(server and clients in one process)%n", before[0], after[0], before[1], after[1]);
            out.printf(Locale.ROOT, "resident  every %d s during the run: %s MiB%n", every / 1000, resident);
            return r.errorCount() == 0 ? 0 : SsaeCommandLine.EXIT_FAILURE;
        }
    }

    /** Heap in use after a collection, and resident memory, MiB. */
    static long[] memory() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return new long[] {(rt.totalMemory() - rt.freeMemory()) >> 20, MachineInfo.residentMiB()};
    }
}
