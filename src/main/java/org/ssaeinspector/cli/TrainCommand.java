package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ssaeinspector.dataset.DataSet;
import org.ssaeinspector.dataset.DataSetScanner;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.SsaeModel;
import org.ssaeinspector.model.SsaeTrainer;
import org.ssaeinspector.model.TrainingResult;
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

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder (MVTec layout: uses train/good).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE.ssae", description = "Model file to write.")
    Path out;

    @Mixin
    TrainingOptions options = new TrainingOptions();

    @Override
    public Integer call() {
        var settings = options.settings();
        DataSet dataSet = DataSetScanner.scan(data);
        warnSkipped(spec, dataSet);
        CliInputs.requireWritableTarget(out);
        TrainingResult result;
        try (ConsoleTrainingListener listener = new ConsoleTrainingListener(spec.commandLine().getErr())) {
            result = new SsaeTrainer().train(dataSet.train(), settings, listener, () -> false);
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
            spec.commandLine().getOut().println("Geometry: " + h.geometry().describe());
            if (h.dataTraits() != null) {
                spec.commandLine().getOut().println("Images: " + h.dataTraits().describe());
            }
            if (h.calibrationChoice() != null) {
                spec.commandLine().getOut().println("Calibration: " + h.calibrationChoice().describe());
            }
        }
        return 0;
    }

    static void warnSkipped(CommandSpec spec, DataSet dataSet) {
        for (SkippedFile skipped : dataSet.skipped()) {
            spec.commandLine().getErr().println("warning: skipped " + skipped);
        }
    }
}
