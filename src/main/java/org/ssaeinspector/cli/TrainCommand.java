package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.LineageStep;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.model.SsaeTrainer;
import org.ssaeinspector.model.TrainingResult;
import org.ssaeinspector.model.TrainingStart;
import org.ssaeinspector.util.UserFacingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on good images (an MVTec category folder, or a folder of good images).")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR",
            description = "Data folder (MVTec layout: uses train/good); repeat it to train on several.")
    List<Path> data;

    @Option(names = "--from", paramLabel = "FILE.ssae",
            description = "Continue training this model (left as it is) instead of starting afresh; --data should "
                    + "hold its images and the new ones. Its network shape, scale and light handling are kept.")
    Path from;

    /** Options that describe the network or its scale: a continued training takes them from its parent. */
    private static final List<String> FIXED_BY_PARENT = List.of("--size", "--scale", "--width", "--patch", "--crop",
            "--kind", "--batch");

    @Option(names = "--out", required = true, paramLabel = "FILE.ssae", description = "Model file to write.")
    Path out;

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Override
    public Integer call() {
        var settings = options.settings();
        if (from != null) {
            for (String name : FIXED_BY_PARENT) {
                if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
                    throw new UserFacingException(name + ": comes from the model given with --from; leave it out");
                }
            }
            CalibrateCommand.requireNewTarget(from, out, false);
        }
        java.util.Set<Path> found = new java.util.LinkedHashSet<>(); // a folder given twice counts once
        for (Path folder : data) {
            DataSet dataSet = DataSetScanner.scan(folder);
            warnSkipped(spec, dataSet);
            found.addAll(dataSet.train());
        }
        List<Path> images = new ArrayList<>(found);
        CliInputs.requireWritableTarget(out);
        TrainingResult result;
        try (ConsoleTrainingListener listener = new ConsoleTrainingListener(spec.commandLine().getErr())) {
            if (from == null) {
                result = new SsaeTrainer().train(images, settings, listener, () -> false);
            } else {
                TrainingStart start;
                try (SsaeModel parent = ModelFile.load(from)) {
                    start = TrainingStart.of(parent, from);
                }
                result = new SsaeTrainer().trainFurther(images, settings, start, listener, () -> false);
            }
        }
        try (SsaeModel model = result.model()) {
            ModelFile.save(model, out);
            ModelHeader h = model.header();
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "Trained %d steps (%d epochs) in %s on %s; %d training + %d held-out images; "
                            + "threshold %.4f (false-reject target %.1f %%; it rejects %d of the %d held-out good images). Wrote %s%n",
                    result.summary().steps(), result.summary().epochs(),
                    Durations.format(Duration.ofMillis((long) (result.summary().seconds() * 1000))),
                    result.summary().device(), h.trainImageCount(), h.heldOutCount(), h.threshold(),
                    100 * h.targetFalseRejectRate(), h.heldOutRejectedAt(h.threshold()), h.heldOutScores().size(), out);
            h.thresholdBasis().ifPresent(b -> spec.commandLine().getOut().println("Threshold: drawn as " + b));
            spec.commandLine().getOut().println("Geometry: " + h.geometry().describe());
            if (h.dataTraits() != null) {
                spec.commandLine().getOut().println("Images: " + h.dataTraits().describe());
            }
            if (h.calibrationChoice() != null) {
                spec.commandLine().getOut().println("Calibration: " + h.calibrationChoice().describe());
            }
            printLineage(spec, h);
        }
        return 0;
    }

    /** The models this one was made from, if any. */
    static void printLineage(CommandSpec spec, ModelHeader h) {
        for (LineageStep step : h.lineage()) {
            spec.commandLine().getOut().println("Lineage: " + step.describe());
        }
    }

    static void warnSkipped(CommandSpec spec, DataSet dataSet) {
        for (SkippedFile skipped : dataSet.skipped()) {
            spec.commandLine().getErr().println("warning: skipped " + skipped);
        }
    }
}
