package org.ssaeinspector.cli;

import java.time.Duration;
import org.ssaeinspector.model.DeviceChoice;
import org.ssaeinspector.model.PartKind;
import org.ssaeinspector.model.TrainingSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Training options shared by {@code train} and {@code benchmark}. */
final class TrainingOptions {
    @Option(names = "--size", paramLabel = "N",
            description = "Model pixels along a typical photo's short side, a multiple of 16; sets the scale "
                    + "(default: ${DEFAULT-VALUE}).")
    int size = TrainingSettings.defaults().imageSize();

    @Option(names = "--scale", paramLabel = "X",
            description = "Model pixels per photo pixel, instead of the one --size gives (e.g. 0.25).")
    Double scale;

    @Option(names = "--input-noise", paramLabel = "SIGMA",
            description = "Largest sigma of Gaussian noise added to training inputs and kept in their targets, on top of the corruptions "
                    + "(0 to 0.5; default: ${DEFAULT-VALUE}).")
    double inputNoise = TrainingSettings.defaults().inputNoise();

    @Option(names = "--crop", paramLabel = "N",
            description = "Side of the random square crops trained on (default: --size, at most the photos' short side).")
    Integer crop;

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

    @Option(names = "--patch", paramLabel = "P",
            description = "Pixels per side the network folds into channels: 1, 2 or 4; larger is faster, "
                    + "the side must be a multiple of 8P (default: 2 from 128 px, 1 below).")
    Integer patch;

    @Option(names = "--batch", paramLabel = "B", description = "Images per step (default: ${DEFAULT-VALUE}).")
    int batch = TrainingSettings.defaults().batchSize();

    @Option(names = "--lr", paramLabel = "RATE", description = "Peak learning rate (default: ${DEFAULT-VALUE}).")
    double learningRate = TrainingSettings.defaults().learningRate();

    @Option(names = "--kind", paramLabel = "auto|object|texture",
            description = "auto: the calibration is chosen by measurement on held-out good images; object forces "
                    + "per-pixel calibration; texture forces global calibration and adds vertical flips and turns "
                    + "(default: auto).")
    String kind = "auto";

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where to train (default: auto).")
    String device = "auto";

    @Option(names = "--false-reject-rate", paramLabel = "R",
            description = "Share of good parts the default threshold may flag (default: ${DEFAULT-VALUE}).")
    double falseRejectRate = TrainingSettings.defaults().targetFalseRejectRate();

    TrainingSettings settings() {
        TrainingSettings s;
        try {
            s = TrainingSettings.defaults()
                    .withImageSize(size).withWidth(width).withBatchSize(batch).withSeed(seed).withLearningRate(learningRate)
                    .withKind(CliInputs.parseEnum(PartKind.class, kind, "--kind"))
                    .withDevice(CliInputs.parseEnum(DeviceChoice.class, device, "--device"))
                    .withTargetFalseRejectRate(falseRejectRate);
            if (patch != null) {
                s = s.withPatch(patch);
            }
            if (scale != null) {
                if (!(scale > 0)) {
                    throw new IllegalArgumentException("--scale must be a positive number, was " + scale);
                }
                s = s.withScale(scale);
            }
            if (crop != null) {
                s = s.withCropSize(crop);
            }
            s = s.withInputNoise(inputNoise);
            if (budget.epochs != null) {
                return s.withEpochs(budget.epochs);
            }
            if (budget.minutes != null) {
                if (budget.minutes <= 0) {
                    throw new IllegalArgumentException("--minutes must be positive");
                }
                return s.withTimeBudget(Duration.ofMillis((long) (budget.minutes * 60_000)));
            }
            return s;
        } catch (IllegalArgumentException e) {
            throw new org.ssaeinspector.util.UserFacingException(e.getMessage());
        }
    }
}
