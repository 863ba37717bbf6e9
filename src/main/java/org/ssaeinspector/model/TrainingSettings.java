package org.ssaeinspector.model;

import java.time.Duration;

/**
 * Everything that decides a training run. Either a time budget or an epoch count ends it.
 *
 * @param imageSize             side of the square training resolution (divisible by 16)
 * @param width                 U-Net base width w (levels w, 2w, 4w, 8w)
 * @param timeBudget            stop after this long (null: use epochs)
 * @param epochs                passes over the training images (used when timeBudget is null)
 * @param batchSize             images per step
 * @param learningRate          peak Adam learning rate
 * @param seed                  seed of every random choice (split, corruption, init)
 * @param kind                  object or texture: augmentations and calibration
 * @param heldOutFraction       share of the good images kept out of training for calibration
 * @param targetFalseRejectRate false-reject rate on held-out good images that sets the threshold
 * @param device                where to train
 */
public record TrainingSettings(
        int imageSize,
        int width,
        Duration timeBudget,
        int epochs,
        int batchSize,
        double learningRate,
        long seed,
        PartKind kind,
        double heldOutFraction,
        double targetFalseRejectRate,
        DeviceChoice device) {

    public TrainingSettings {
        if (imageSize < 32 || imageSize % 16 != 0) {
            throw new IllegalArgumentException("image size must be a multiple of 16 and at least 32, was " + imageSize);
        }
        if (width < 4) {
            throw new IllegalArgumentException("width must be at least 4, was " + width);
        }
        if (timeBudget == null && epochs <= 0) {
            throw new IllegalArgumentException("give a time budget or a positive number of epochs");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        if (heldOutFraction < 0 || heldOutFraction >= 0.9) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 0.9), was " + heldOutFraction);
        }
        if (targetFalseRejectRate <= 0 || targetFalseRejectRate >= 0.5) {
            throw new IllegalArgumentException("target false-reject rate must be in (0, 0.5), was " + targetFalseRejectRate);
        }
        device = device == null ? DeviceChoice.AUTO : device;
        kind = kind == null ? PartKind.OBJECT : kind;
    }

    /** Defaults for a laptop CPU: 128 px, width 32, 10 minutes. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(128, 32, Duration.ofMinutes(10), 0, 8, 2e-3, 42L,
                PartKind.OBJECT, 0.15, 0.01, DeviceChoice.AUTO);
    }

    public TrainingSettings withImageSize(int s) {
        return new TrainingSettings(s, width, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device);
    }

    public TrainingSettings withWidth(int w) {
        return new TrainingSettings(imageSize, w, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device);
    }

    public TrainingSettings withTimeBudget(Duration d) {
        return new TrainingSettings(imageSize, width, d, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device);
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(imageSize, width, null, e, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device);
    }

    public TrainingSettings withBatchSize(int b) {
        return new TrainingSettings(imageSize, width, timeBudget, epochs, b, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(imageSize, width, timeBudget, epochs, batchSize, learningRate, s, kind, heldOutFraction, targetFalseRejectRate, device);
    }

    public TrainingSettings withKind(PartKind k) {
        return new TrainingSettings(imageSize, width, timeBudget, epochs, batchSize, learningRate, seed, k, heldOutFraction, targetFalseRejectRate, device);
    }

    public TrainingSettings withTargetFalseRejectRate(double r) {
        return new TrainingSettings(imageSize, width, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, r, device);
    }

    public TrainingSettings withDevice(DeviceChoice d) {
        return new TrainingSettings(imageSize, width, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, d);
    }

    public TrainingSettings withLearningRate(double lr) {
        return new TrainingSettings(imageSize, width, timeBudget, epochs, batchSize, lr, seed, kind, heldOutFraction, targetFalseRejectRate, device);
    }
}
