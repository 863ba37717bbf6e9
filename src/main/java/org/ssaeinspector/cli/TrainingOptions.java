package org.ssaeinspector.cli;

import java.time.Duration;
import java.util.function.UnaryOperator;
import org.ssaeinspector.model.DeviceChoice;
import org.ssaeinspector.model.PartKind;
import org.ssaeinspector.model.TrainingSettings;
import org.ssaeinspector.scoring.ResidualMeasure;
import org.ssaeinspector.util.UserFacingException;
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

    @Option(names = "--residual", paramLabel = "squared+ssim|squared|ssim|gms",
            description = "How an image and its reconstruction are compared: squared difference, one minus structural "
                    + "similarity (ssim), one minus gradient-magnitude similarity (gms), or the first two together, "
                    + "each standardised on the held-out images (default: ${DEFAULT-VALUE}).")
    String residual = ResidualMeasure.SQUARED_AND_STRUCTURAL.id();

    @Option(names = "--device", paramLabel = "auto|cpu|gpu", description = "Where to train (default: auto).")
    String device = "auto";

    @Option(names = "--false-reject-rate", paramLabel = "R",
            description = "Share of good parts the default threshold may flag (default: ${DEFAULT-VALUE}).")
    double falseRejectRate = TrainingSettings.defaults().targetFalseRejectRate();

    /**
     * The settings these options give. Every value is checked here, before any work, by the
     * settings' own rules; a refusal names the option ({@code --lr: learning rate must be ...}).
     */
    TrainingSettings settings() {
        TrainingSettings s = TrainingSettings.defaults();
        s = option("--size", s, x -> x.withImageSize(size));
        s = option("--width", s, x -> x.withWidth(width));
        s = option("--batch", s, x -> x.withBatchSize(batch));
        s = s.withSeed(seed);
        s = option("--lr", s, x -> x.withLearningRate(learningRate));
        s = s.withKind(CliInputs.parseEnum(PartKind.class, kind, "--kind"))
                .withDevice(CliInputs.parseEnum(DeviceChoice.class, device, "--device"));
        s = option("--false-reject-rate", s, x -> x.withTargetFalseRejectRate(falseRejectRate));
        s = option("--residual", s, x -> x.withResidual(residual));
        if (patch != null) {
            s = option("--patch", s, x -> x.withPatch(patch));
        }
        if (scale != null) {
            if (!(scale > 0)) {
                throw new UserFacingException("--scale must be a positive number, was " + scale);
            }
            s = option("--scale", s, x -> x.withScale(scale));
        }
        if (crop != null) {
            s = option("--crop", s, x -> x.withCropSize(crop));
        }
        s = option("--input-noise", s, x -> x.withInputNoise(inputNoise));
        if (budget.epochs != null) {
            return option("--epochs", s, x -> x.withEpochs(budget.epochs));
        }
        if (budget.minutes != null) {
            double max = TrainingSettings.MAX_TIME.toMinutes();
            if (!(budget.minutes > 0 && budget.minutes <= max)) {
                throw new UserFacingException(String.format(java.util.Locale.ROOT,
                        "--minutes must be a number above 0 and at most %.0f (%d days), was %s", max,
                        TrainingSettings.MAX_TIME.toDays(), budget.minutes));
            }
            return s.withTimeBudget(Duration.ofMillis(Math.max(1, Math.round(budget.minutes * 60_000))));
        }
        return s;
    }

    /** Applies one option; the settings' refusal becomes a usage error naming it. */
    private static TrainingSettings option(String name, TrainingSettings s, UnaryOperator<TrainingSettings> apply) {
        try {
            return apply.apply(s);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(name + ": " + e.getMessage());
        }
    }
}
