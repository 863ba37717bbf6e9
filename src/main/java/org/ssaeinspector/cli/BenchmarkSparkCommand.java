package org.ssaeinspector.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ssaeinspector.benchmark.BenchmarkTable;
import org.ssaeinspector.benchmark.MachineInfo;
import org.ssaeinspector.benchmark.MeasuredRun;
import org.ssaeinspector.spark.SparkClasspath;
import org.ssaeinspector.util.AppInfo;
import org.ssaeinspector.util.IoMessages;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code benchmark-spark}: {@code spark-score} on embedded Spark against {@code score} on the same
 * copies of some images, each command in a JVM of its own as a user starts it: wall time, images
 * per second, start-up (the same command on one image), peak resident memory; appends a row.
 */
@Command(name = "benchmark-spark", mixinStandardHelpOptions = true,
        description = "Copies images N times into a temporary folder, then runs 'score' and 'spark-score' (embedded, "
                + "--master) on them, each in a JVM of its own, once on one image (start-up) and once on all; prints "
                + "wall time, images per second and peak memory of each, and appends a row to --doc.")
final class BenchmarkSparkCommand implements Callable<Integer> {
    static final BenchmarkTable TABLE = new BenchmarkTable("Spark: spark-score against score on one machine (issue 14)",
            List.of("date", "machine", "load before → after", "images", "score: s, images/s", "spark-score: s, images/s",
                    "ratio", "start-up (1 image), score / spark-score", "peak memory, score / spark-score", "note"));

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model file (.ssae).")
    Path modelFile;

    @Option(names = "--images", required = true, paramLabel = "PATH", description = "Image file or folder to copy from (round robin).")
    Path images;

    @Option(names = "--count", paramLabel = "N", description = "Images to score (default: ${DEFAULT-VALUE}).")
    int count = 2000;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for spark-score (default: ${DEFAULT-VALUE}).")
    String master = "local[2]";

    @Option(names = "--work", paramLabel = "DIR", description = "Where the temporary folder goes (default: the system's).")
    Path work;

    @Option(names = "--doc", paramLabel = "FILE", description = "Markdown file to append the row to (default: ${DEFAULT-VALUE}).")
    Path doc = Path.of("docs", "benchmarks.md");

    @Option(names = "--note", paramLabel = "TEXT", description = "Said in the row's last cell (e.g. what else ran on the machine).")
    String note = "";

    @Override
    public Integer call() throws IOException, InterruptedException {
        SparkClasspath.require();
        CliInputs.requireRange("--count", count, 1, 1_000_000);
        PrintWriter out = spec.commandLine().getOut();
        BenchmarkImages sources = BenchmarkImages.read(images, 64);
        Path root = work == null ? Files.createTempDirectory("ssae-spark-bench")
                : Files.createTempDirectory(Files.createDirectories(work), "ssae-spark-bench");
        try {
            Path all = Files.createDirectories(root.resolve("images"));
            for (int i = 0; i < count; i++) {
                Files.write(all.resolve(String.format(Locale.ROOT, "img-%06d.png", i)), sources.bytes().get(i % sources.bytes().size()));
            }
            Path one = Files.createDirectories(root.resolve("one"));
            Files.write(one.resolve("img-000000.png"), sources.bytes().get(0));
            String load = loadAverage();
            out.printf(Locale.ROOT, "%d copies of %s; %s; load %s%n", count, sources.description(), MachineInfo.describe(), load);
            out.flush();

            MeasuredRun scoreOne = run(root, "score-1", score(one, root.resolve("score-1.csv")));
            MeasuredRun scoreAll = run(root, "score", score(all, root.resolve("score.csv")));
            MeasuredRun sparkOne = run(root, "spark-1", spark(root, one, "spark-1-out"));
            MeasuredRun sparkAll = run(root, "spark", spark(root, all, "spark-out"));
            String loadAfter = loadAverage();
            long scoreRows = rows(List.of(root.resolve("score.csv")));
            long sparkRows = rows(partFiles(root.resolve("spark-out")));
            if (scoreRows != count || sparkRows != count) {
                throw new UserFacingException("expected " + count + " rows from each, got " + scoreRows + " from score and "
                        + sparkRows + " from spark-score (logs in " + root + ")");
            }
            double scoreRate = count / scoreAll.seconds();
            double sparkRate = count / sparkAll.seconds();
            out.printf(Locale.ROOT, "score:       %.1f s, %.1f images/s; 1 image %.1f s; peak %d MiB%n", scoreAll.seconds(),
                    scoreRate, scoreOne.seconds(), scoreAll.peakMiB());
            out.printf(Locale.ROOT, "spark-score: %.1f s, %.1f images/s (%s); 1 image %.1f s; peak %d MiB%n", sparkAll.seconds(),
                    sparkRate, master, sparkOne.seconds(), sparkAll.peakMiB());
            out.printf(Locale.ROOT, "ratio %.2f; load %s -> %s%n", sparkRate / scoreRate, load, loadAfter);
            TABLE.append(doc, List.of(LocalDate.now().toString(), MachineInfo.describe(), load + " → " + loadAfter,
                    String.format(Locale.ROOT, "%,d × %s", count, sources.description()),
                    String.format(Locale.ROOT, "%.1f s, %.1f", scoreAll.seconds(), scoreRate),
                    String.format(Locale.ROOT, "%.1f s, %.1f (%s)", sparkAll.seconds(), sparkRate, master),
                    String.format(Locale.ROOT, "%.2f", sparkRate / scoreRate),
                    String.format(Locale.ROOT, "%.1f / %.1f s", scoreOne.seconds(), sparkOne.seconds()),
                    String.format(Locale.ROOT, "%d / %d MiB", scoreAll.peakMiB(), sparkAll.peakMiB()), note));
            out.println("Appended a row to " + doc);
            return 0;
        } finally {
            BenchmarkFiles.deleteTree(root);
        }
    }

    private MeasuredRun run(Path root, String name, List<String> command) throws IOException, InterruptedException {
        Path log = root.resolve(name + ".log");
        MeasuredRun r = MeasuredRun.of(command, log);
        if (r.exitCode() != 0) {
            throw new UserFacingException(name + " failed (exit code " + r.exitCode() + "): " + lastLine(log));
        }
        return r;
    }

    private List<String> score(Path input, Path csv) {
        List<String> c = java(false);
        c.addAll(List.of("score", "--model", modelFile.toString(), "--csv", csv.toString(), input.toString()));
        return c;
    }

    private List<String> spark(Path root, Path input, String outName) {
        List<String> c = java(true);
        c.addAll(List.of("spark-score", "--model", modelFile.toString(), "--master", master, "--out",
                root.resolve(outName).toString(), input.toString()));
        return c;
    }

    /** This JVM's java, class path and (for Spark) Spark's options: the commands as the runner starts them. */
    private static List<String> java(boolean spark) {
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (spark) {
            c.addAll(Arrays.stream(AppInfo.sparkJvmArgs().trim().split("\\s+")).filter(s -> !s.isEmpty()).toList());
        }
        c.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.ssaeinspector.Main"));
        return c;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " / " + parts[1];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static List<Path> partFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
        }
    }

    /** Data rows of CSV files with one header line each (no line breaks inside cells here). */
    private static long rows(List<Path> files) throws IOException {
        long n = 0;
        for (Path f : files) {
            try (Stream<String> lines = Files.lines(f)) {
                n += lines.count() - 1;
            }
        }
        return n;
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "(log unreadable: " + IoMessages.reason(e) + ")";
        }
    }
}
