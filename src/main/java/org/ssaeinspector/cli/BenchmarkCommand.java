package org.ssaeinspector.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssaeinspector.benchmark.BenchmarkTable;
import org.ssaeinspector.benchmark.ConvThroughput;
import org.ssaeinspector.benchmark.InferenceThroughput;
import org.ssaeinspector.benchmark.MachineInfo;
import org.ssaeinspector.benchmark.NetworkCost;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.evaluation.DataSetEvaluator;
import org.ssaeinspector.evaluation.EvaluationSummary;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.model.SsaeTrainer;
import org.ssaeinspector.model.TrainingResult;
import org.ssaeinspector.model.TrainingSettings;
import org.ssaeinspector.scoring.Inspector;
import org.ssaeinspector.util.Json;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "benchmark", mixinStandardHelpOptions = true,
        description = {"Train on a data set with a time budget, evaluate on its test set, measure the machine's "
                + "convolution throughput, print the figures and append a row to the benchmark table.",
                "Example: benchmark --data ../shared/data/mvtec-bottle --minutes 30 --size 128"})
final class BenchmarkCommand implements Callable<Integer> {
    static final BenchmarkTable TABLE = new BenchmarkTable("Training and evaluation at the chosen scale and calibration (CPU)",
            List.of("date", "data", "model px", "scale", "crop", "calibration", "smoothing", "patch", "width", "batch", "minutes",
                    "steps", "ms/step", "image AUROC", "pixel AUROC", "AUPRO", "TPR at threshold", "FPR at threshold",
                    "box IoU", "ms/image", "img/s", "peak RSS MiB", "machine"));

    static final BenchmarkTable TIME_TO_QUALITY = new BenchmarkTable("Time to quality at the chosen scale and calibration (CPU)",
            List.of("date", "data", "model px", "calibration", "smoothing", "training min", "steps", "image AUROC", "pixel AUROC",
                    "AUPRO", "TPR at threshold", "FPR at threshold", "machine"));

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoints", split = ",", paramLabel = "MIN",
            description = "Also evaluate after these training minutes (e.g. 2,5,10,20) and append each to the "
                    + "time-to-quality table; the training clock stops during these evaluations.")
    List<Double> checkpoints = List.of();

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder in MVTec layout.")
    Path data;

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Option(names = "--table", paramLabel = "FILE.md", description = "Document to append the row to (default: ${DEFAULT-VALUE}).")
    Path table = Path.of("docs", "benchmarks.md");

    @Option(names = "--model-out", paramLabel = "FILE.ssae", description = "Also keep the trained model.")
    Path modelOut;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the evaluation metrics as JSON.")
    Path json;

    @Override
    public Integer call() throws IOException {
        TrainingSettings settings = options.settings();
        for (double m : checkpoints) {
            if (!(m > 0 && m <= TrainingSettings.MAX_TIME.toMinutes())) {
                throw new UserFacingException("--checkpoints: each must be a number of minutes above 0, was " + m);
            }
        }
        for (Path p : new Path[] {table, modelOut, json}) {
            if (p != null) {
                CliInputs.requireWritableTarget(p);
            }
        }
        DataSet dataSet = DataSetScanner.scan(data);
        TrainCommand.warnSkipped(spec, dataSet);
        var out = spec.commandLine().getOut();
        List<Duration> at = checkpoints.stream().map(m -> Duration.ofMillis((long) (m * 60_000))).toList();
        List<List<String>> qualityRows = new ArrayList<>();
        TrainingResult result;
        try (ConsoleTrainingListener listener = new ConsoleTrainingListener(spec.commandLine().getErr())) {
            result = new SsaeTrainer().train(dataSet.train(), settings, listener, () -> false, at,
                    (time, steps, snapshot) -> {
                        EvaluationSummary s = evaluate(snapshot, dataSet);
                        listener.onMessage(String.format(Locale.ROOT,
                                "After %.1f min (%d steps): image AUROC %s, pixel AUROC %s, AUPRO %s",
                                time.toMillis() / 60000.0, steps, f3(s.imageAuroc()), f3(s.pixelAuroc()), f3(s.aupro())));
                        qualityRows.add(qualityRow(snapshot.header(), dataSet, time.toMillis() / 60000.0, steps, s));
                    });
        }
        try (SsaeModel model = result.model()) {
            if (modelOut != null) {
                ModelFile.save(model, modelOut);
            }
            out.println("Evaluating on " + dataSet.test().size() + " test images...");
            EvaluationSummary summary = evaluate(model, dataSet);
            qualityRows.add(qualityRow(model.header(), dataSet, result.summary().seconds() / 60, result.summary().steps(), summary));
            summary.lines().forEach(out::println);
            if (json != null) {
                Json.write(summary, json);
            }
            double msPerStep = 1000 * result.summary().seconds() / Math.max(1, result.summary().steps());
            double stepGflops = NetworkCost.trainingStepFlops(model.header().channels(), settings.width(),
                    settings.patch(), settings.cropSide(), settings.batchSize()) / (msPerStep / 1000) / 1e9;
            double convGflops = ConvThroughput.measureGflops(5);
            long peak = MachineInfo.peakResidentMiB();
            double scoringRate = InferenceThroughput.scoring(model, decodedTestImages(dataSet));
            double networkRate = InferenceThroughput.network(model.header().channels(), settings.width(), settings.patch(),
                    THROUGHPUT_SIDE);
            out.printf(Locale.ROOT, "Training: %d steps in %.1f min, %.0f ms/step, %.1f GFLOP/s "
                            + "(%.0f %% of the measured 3x3-conv throughput, %.1f GFLOP/s); peak memory %d MiB%n",
                    result.summary().steps(), result.summary().seconds() / 60, msPerStep, stepGflops,
                    100 * stepGflops / convGflops, convGflops, peak);
            out.printf(Locale.ROOT, "Inference: %.1f images/s scored at the model's scale (batches of 8, decoding excluded); "
                            + "the network alone at %d px: %.1f images/s%n",
                    scoringRate, THROUGHPUT_SIDE, networkRate);
            ModelHeader h = model.header();
            out.println("Geometry: " + h.geometry().describe());
            if (h.dataTraits() != null) {
                out.println("Images: " + h.dataTraits().describe());
            }
            if (h.calibrationChoice() != null) {
                out.println("Calibration: " + h.calibrationChoice().describe());
            }
            h.thresholdBasis().ifPresent(b -> out.println("Threshold: drawn as " + b));
            List<String> row = List.of(LocalDate.now().toString(), dataSet.name(), modelPixels(h),
                    String.format(Locale.ROOT, "%.3f", h.geometry().scale()), Integer.toString(settings.cropSide()),
                    calibrationCell(h), f1(h.smoothingSigma()),
                    Integer.toString(settings.patch()), Integer.toString(settings.width()), Integer.toString(settings.batchSize()),
                    f1(result.summary().seconds() / 60), Long.toString(result.summary().steps()), f0(msPerStep),
                    f3(summary.imageAuroc()), f3(summary.pixelAuroc()), f3(summary.aupro()),
                    f3(summary.tprAtModelThreshold()), f3(summary.fprAtModelThreshold()), f3(summary.regionIou()),
                    f1(summary.msPerImage()), f1(scoringRate), Long.toString(peak), MachineInfo.describe());
            try {
                TABLE.append(table, row);
                for (List<String> q : qualityRows) {
                    TIME_TO_QUALITY.append(table, q);
                }
            } catch (IOException e) {
                throw new UserFacingException(table + ": cannot append the benchmark row (" + e.getMessage() + ")", e);
            }
            out.println("Appended a row to " + table);
        }
        return 0;
    }

    /** Side at which the network's own throughput is measured (the inference target is at 256 px). */
    static final int THROUGHPUT_SIDE = 256;
    private static final int THROUGHPUT_IMAGES = 16;

    /** Up to 16 test images, decoded once, for the throughput measurement. */
    private static List<FloatImage> decodedTestImages(DataSet dataSet) {
        List<FloatImage> images = new ArrayList<>();
        for (var sample : dataSet.test()) {
            if (images.size() == THROUGHPUT_IMAGES) {
                break;
            }
            try {
                images.add(ImageLoader.load(sample.path()));
            } catch (ImageLoadException e) {
                // Already reported by the evaluation; the throughput just uses the others.
            }
        }
        return images;
    }

    private static EvaluationSummary evaluate(SsaeModel model, DataSet dataSet) {
        return EvaluationSummary.of(new DataSetEvaluator(new Inspector(model)).evaluate(dataSet, e -> { }, () -> false));
    }

    private static List<String> qualityRow(ModelHeader h, DataSet dataSet, double minutes, long steps,
                                           EvaluationSummary s) {
        return List.of(LocalDate.now().toString(), dataSet.name(), modelPixels(h), calibrationCell(h), f1(h.smoothingSigma()),
                f1(minutes), Long.toString(steps), f3(s.imageAuroc()), f3(s.pixelAuroc()), f3(s.aupro()),
                f3(s.tprAtModelThreshold()), f3(s.fprAtModelThreshold()), MachineInfo.describe());
    }

    /** The residual measure and the calibration, e.g. "ssim, per-pixel" (one column: rows of older tables stay aligned). */
    private static String calibrationCell(ModelHeader h) {
        return h.residual() + ", " + h.calibration();
    }

    /** The reference photo at the model's scale, e.g. "314 x 128". */
    private static String modelPixels(ModelHeader h) {
        int[] m = h.geometry().referenceModelSize();
        return m[0] + " x " + m[1];
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f3(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
