package org.ssaeinspector.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.ssaeinspector.model.DeviceChoice;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.PartKind;
import org.ssaeinspector.model.SsaeTrainer;
import org.ssaeinspector.model.TrainingListener;
import org.ssaeinspector.model.TrainingProgress;
import org.ssaeinspector.model.TrainingResult;
import org.ssaeinspector.model.TrainingSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a model on good images (an MVTec category folder, or a folder of good images).")
final class TrainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data folder (MVTec layout: uses train/good).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE.ssae", description = "Model file to write.")
    Path out;

    @Option(names = "--size", paramLabel = "N", description = "Training resolution, a multiple of 16 (default: ${DEFAULT-VALUE}).")
    int size = TrainingSettings.defaults().imageSize();

    @ArgGroup(exclusive = true)
    Budget budget = new Budget();

    static final class Budget {
        @Option(names = "--minutes", paramLabel = "M", description = "Training time in minutes (default: 10).")
        Double minutes;

        @Option(names = "--epochs", paramLabel = "E", description = "Passes over the training images instead of a time budget.")
        Integer epochs;
    }

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed = TrainingSettings.defaults().seed();

    @Option(names = "--width", paramLabel = "W", description = "U-Net base width (default: ${DEFAULT-VALUE}).")
    int width = TrainingSettings.defaults().width();

    @Option(names = "--batch", paramLabel = "B", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch = TrainingSettings.defaults().batchSize();

    @Option(names = "--kind", paramLabel = "object|texture", description = "What the images show (default: object).")
    String kind = "object";

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where to train (default: auto).")
    String device = "auto";

    @Option(names = "--false-reject-rate", paramLabel = "R",
            description = "Share of good parts the default threshold may flag (default: ${DEFAULT-VALUE}).")
    double falseRejectRate = TrainingSettings.defaults().targetFalseRejectRate();

    @Override
    public Integer call() {
        TrainingSettings settings = settings();
        List<Path> images = CliInputs.trainingImages(data);
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("Training")
                .setInitialMax(1000)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .setMaxRenderedLength(100)
                .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                .build();
        TrainingResult result;
        try (bar) {
            result = new SsaeTrainer().train(images, settings, new TrainingListener() {
                @Override
                public void onProgress(TrainingProgress p) {
                    bar.stepTo(Math.round(p.fraction() * 1000));
                    bar.setExtraMessage(String.format(Locale.ROOT, "step %d epoch %d loss %.5f ETA %s",
                            p.step(), p.epoch(), p.avgLoss(), Durations.format(p.eta())));
                }

                @Override
                public void onMessage(String message) {
                    spec.commandLine().getErr().println(message);
                }
            }, () -> false);
        }
        try (var model = result.model()) {
            ModelFile.save(model, out);
            var h = model.header();
            spec.commandLine().getOut().printf(Locale.ROOT,
                    "Trained %d steps (%d epochs) in %s on %s; %d training + %d held-out images; "
                            + "threshold %.4f (false-reject target %.1f %%). Wrote %s%n",
                    result.summary().steps(), result.summary().epochs(),
                    Durations.format(Duration.ofMillis((long) (result.summary().seconds() * 1000))),
                    result.summary().device(), h.trainImageCount(), h.heldOutCount(), h.threshold(),
                    100 * h.targetFalseRejectRate(), out);
            if (!result.skipped().isEmpty()) {
                spec.commandLine().getErr().println("Skipped " + result.skipped().size() + " unreadable file(s).");
            }
        }
        return 0;
    }

    private TrainingSettings settings() {
        TrainingSettings s = TrainingSettings.defaults()
                .withImageSize(size).withWidth(width).withBatchSize(batch).withSeed(seed)
                .withKind(CliInputs.parseEnum(PartKind.class, kind, "--kind"))
                .withDevice(CliInputs.parseEnum(DeviceChoice.class, device, "--device"))
                .withTargetFalseRejectRate(falseRejectRate);
        if (budget.epochs != null) {
            return s.withEpochs(budget.epochs);
        }
        if (budget.minutes != null) {
            return s.withTimeBudget(Duration.ofMillis((long) (budget.minutes * 60_000)));
        }
        return s;
    }
}
