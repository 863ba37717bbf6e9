package org.ssaeinspector.model;

import java.time.Duration;

/**
 * Everything that decides a training run. Either a time budget or an epoch count ends it.
 *
 * @param imageSize             model pixels along the short side of a typical photo (divisible by 16); the
 *                              scale follows from it unless {@code scale} is given (see {@link ImageGeometry})
 * @param width                 U-Net base width w (levels w, 2w, 4w, 8w)
 * @param patch                 pixels per side that the network folds into channels (1, 2 or 4; see UNetBlock)
 * @param timeBudget            stop after this long (null: use epochs)
 * @param epochs                passes over the training images (used when timeBudget is null)
 * @param batchSize             images per step
 * @param learningRate          peak Adam learning rate
 * @param seed                  seed of every random choice (split, corruption, init)
 * @param kind                  object or texture: augmentations and calibration
 * @param heldOutFraction       share of the good images kept out of training for calibration
 * @param targetFalseRejectRate false-reject rate on held-out good images that sets the threshold
 * @param device                where to train
 * @param scale                 model pixels per photo pixel; 0 chooses it from the photos (their short side
 *                              becomes {@code imageSize})
 * @param cropSize              side of the random square crops trained on; 0 for {@code imageSize}
 * @param inputNoise            largest standard deviation of the Gaussian noise added to every training
 *                              input on top of the structured corruptions and kept in its target (Bauer
 *                              and Mueller 2025); each sample draws its own between 0 and this; 0 for none
 * @param residual              how images and reconstructions are compared: a {@link
 *                              org.ssaeinspector.scoring.ResidualMeasure} id to fix it, or null to measure
 *                              which separates best at calibration time (the default; model files before
 *                              format 5 name none and used "squared")
 */
public record TrainingSettings(
        int imageSize,
        int width,
        int patch,
        Duration timeBudget,
        int epochs,
        int batchSize,
        double learningRate,
        long seed,
        PartKind kind,
        double heldOutFraction,
        double targetFalseRejectRate,
        DeviceChoice device,
        double scale,
        int cropSize,
        double inputNoise,
        String residual) {

    public TrainingSettings {
        if (imageSize < 32 || imageSize > MAX_IMAGE_SIZE || imageSize % 16 != 0) {
            throw new IllegalArgumentException("image size must be a multiple of 16 from 32 to " + MAX_IMAGE_SIZE
                    + ", was " + imageSize);
        }
        patch = patch == 0 ? 1 : patch; // absent from model files of format 1, whose networks had no patch
        if (patch != 1 && patch != 2 && patch != 4) {
            throw new IllegalArgumentException("patch must be 1, 2 or 4, was " + patch);
        }
        if (imageSize % UNetBlock.sideMultiple(patch) != 0) {
            throw new IllegalArgumentException("image size must be a multiple of " + UNetBlock.sideMultiple(patch)
                    + " with patch " + patch + ", was " + imageSize);
        }
        if (width < 4 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("width must be from 4 to " + MAX_WIDTH + ", was " + width);
        }
        if (timeBudget == null && (epochs <= 0 || epochs > MAX_EPOCHS)) {
            throw new IllegalArgumentException("give a time budget or a number of epochs from 1 to " + MAX_EPOCHS
                    + (timeBudget == null && epochs != 0 ? ", was " + epochs : ""));
        }
        if (timeBudget != null && (timeBudget.isNegative() || timeBudget.isZero() || timeBudget.compareTo(MAX_TIME) > 0)) {
            throw new IllegalArgumentException("time budget must be positive and at most " + MAX_TIME.toDays()
                    + " days, was " + timeBudget);
        }
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batch size must be from 1 to " + MAX_BATCH + ", was " + batchSize);
        }
        if (!(learningRate > 0 && learningRate <= MAX_LEARNING_RATE)) {
            throw new IllegalArgumentException("learning rate must be a number in (0, " + MAX_LEARNING_RATE + "], was "
                    + learningRate);
        }
        if (!(heldOutFraction >= 0 && heldOutFraction < 0.9)) {
            throw new IllegalArgumentException("held-out fraction must be in [0, 0.9), was " + heldOutFraction);
        }
        if (!(targetFalseRejectRate > 0 && targetFalseRejectRate < 0.5)) {
            throw new IllegalArgumentException("target false-reject rate must be in (0, 0.5), was " + targetFalseRejectRate);
        }
        device = device == null ? DeviceChoice.AUTO : device;
        kind = kind == null ? PartKind.AUTO : kind;
        if (!(scale >= 0) || scale > MAX_SCALE) {
            throw new IllegalArgumentException("scale must be in (0, " + MAX_SCALE + "], was " + scale);
        }
        if (!(inputNoise >= 0 && inputNoise <= 0.5)) {
            throw new IllegalArgumentException("input noise must be in [0, 0.5], was " + inputNoise);
        }
        if (residual != null) {
            residual = org.ssaeinspector.scoring.ResidualMeasure.of(residual).id(); // refuses an unknown one
        }
        if (cropSize != 0 && (cropSize < 32 || cropSize > MAX_IMAGE_SIZE || cropSize % UNetBlock.sideMultiple(patch) != 0)) {
            throw new IllegalArgumentException("crop size must be a multiple of " + UNetBlock.sideMultiple(patch)
                    + " from 32 to " + MAX_IMAGE_SIZE + ", was " + cropSize);
        }
    }

    /**
     * Hard limits, for options and for model files alike: beyond them a run would not fit in memory
     * (1024 px crops at width 64 already need several GB per step) or would not be a sensible run.
     */
    public static final int MAX_IMAGE_SIZE = 1024;
    public static final int MAX_WIDTH = 64;
    public static final int MAX_BATCH = 256;
    public static final int MAX_EPOCHS = 1_000_000;
    public static final Duration MAX_TIME = Duration.ofDays(7);
    static final double MAX_LEARNING_RATE = 1;

    /** Upscaling photos by more than this only invents pixels. */
    static final double MAX_SCALE = 4;

    /** The side of the training crops: {@code cropSize}, or {@code imageSize} when not given. */
    public int cropSide() {
        return cropSize == 0 ? imageSize : cropSize;
    }

    /**
     * Defaults for a laptop CPU: 128 px, width 16, patch 2, 10 minutes. Width 16 rather than 32:
     * in 10 minutes on 2 cores it makes 2.5-4 times the steps and ranked bottle and BSData at least
     * as well (bottle image / pixel AUROC 0.985 / 0.977 against 0.982 / 0.968; docs/benchmarks.md),
     * and scores 1.8-2.6 times faster.
     */
    public static TrainingSettings defaults() {
        return new TrainingSettings(128, 16, 2, Duration.ofMinutes(10), 0, 8, 2e-3, 42L,
                PartKind.AUTO, 0.15, 0.01, DeviceChoice.AUTO, 0, 0, DEFAULT_INPUT_NOISE, null);
    }

    /**
     * The patch a side gets unless asked otherwise: 2 from {@value #PATCH_FROM_SIDE} px (measured on
     * MVTec bottle at 128 px: 3.5 times the steps and a better model in the same time), 1 below,
     * where folding would leave the network too few pixels (a 32 px test part reconstructed
     * clearly worse after the same number of epochs).
     */
    public static int defaultPatch(int imageSize) {
        return imageSize >= PATCH_FROM_SIDE ? 2 : 1;
    }

    static final int PATCH_FROM_SIDE = 128;

    /** A new side, with its {@link #defaultPatch default patch} (call {@link #withPatch} after to choose another). */
    public TrainingSettings withImageSize(int s) {
        return new TrainingSettings(s, width, defaultPatch(s), timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withWidth(int w) {
        return new TrainingSettings(imageSize, w, patch, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withPatch(int p) {
        return new TrainingSettings(imageSize, width, p, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withTimeBudget(Duration d) {
        return new TrainingSettings(imageSize, width, patch, d, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withEpochs(int e) {
        return new TrainingSettings(imageSize, width, patch, null, e, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withBatchSize(int b) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, b, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withSeed(long s) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, learningRate, s, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withKind(PartKind k) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, learningRate, seed, k, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withTargetFalseRejectRate(double r) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, r, device, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withDevice(DeviceChoice d) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, d, scale, cropSize, inputNoise, residual);
    }

    public TrainingSettings withScale(double sc) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, sc, cropSize, inputNoise, residual);
    }

    public TrainingSettings withCropSize(int c) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, c, inputNoise, residual);
    }

    /** Fixes the residual measure ({@code null}: measured at calibration time). */
    public TrainingSettings withResidual(String r) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, r);
    }

    public TrainingSettings withInputNoise(double n) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, learningRate, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, n, residual);
    }

    /** See {@link #inputNoise}: measured in docs/benchmarks.md. */
    static final double DEFAULT_INPUT_NOISE = 0;

    public TrainingSettings withLearningRate(double lr) {
        return new TrainingSettings(imageSize, width, patch, timeBudget, epochs, batchSize, lr, seed, kind, heldOutFraction, targetFalseRejectRate, device, scale, cropSize, inputNoise, residual);
    }
}
