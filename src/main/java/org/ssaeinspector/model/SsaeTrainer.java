package org.ssaeinspector.model;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Adam;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.evaluation.Thresholds;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.ResidualCalibration;
import org.ssaeinspector.scoring.ResidualMap;
import org.ssaeinspector.util.AppInfo;
import org.ssaeinspector.util.UserFacingException;

/**
 * Trains an SSAE model on good images (method.md): corrupted inputs, clean targets, then
 * calibration on held-out good images and a threshold at the target false-reject rate.
 */
public final class SsaeTrainer {
    /** Weight of the extra loss term on corrupted pixels (method.md: about 4). */
    static final float CORRUPTED_PIXEL_WEIGHT = 4f;
    private static final double LOSS_SMOOTHING = 0.05;
    /** Gaussian sigma, in pixels at 128 px, applied to both images before the residual. */
    static final double RESIDUAL_BLUR_AT_128 = 1.0;

    /**
     * Runs a training to the end of its budget, or until {@code cancelled} turns true; then the
     * model as of the last step is calibrated and returned (cancelled before the first step:
     * {@link CancellationException}). Unreadable images are skipped and listed in the result.
     * Fails with a {@link UserFacingException} when fewer than 2 usable images remain.
     */
    public TrainingResult train(List<Path> goodImages, TrainingSettings settings, TrainingListener listener,
                                BooleanSupplier cancelled) {
        return train(goodImages, settings, listener, cancelled, List.of(), (t, s, m) -> { });
    }

    /**
     * As {@link #train(List, TrainingSettings, TrainingListener, BooleanSupplier)}, and hands a
     * calibrated snapshot to {@code checkpointListener} each time the training time passes one
     * of {@code checkpoints}.
     */
    public TrainingResult train(List<Path> goodImages, TrainingSettings settings, TrainingListener listener,
                                BooleanSupplier cancelled, List<Duration> checkpoints,
                                CheckpointListener checkpointListener) {
        DjlRuntime.configure();
        listener.onMessage("Loading " + goodImages.size() + " images");
        TrainingImages data = TrainingImages.load(goodImages, settings.imageSize(), settings.scale());
        List<SkippedFile> skipped = data.skipped();
        for (SkippedFile s : skipped) {
            listener.onMessage("Skipped " + s);
        }
        if (data.images().size() < 2) {
            throw new UserFacingException("Training needs at least 2 readable good images; found " + data.images().size()
                    + (skipped.isEmpty() ? "" : " (" + skipped.size() + " unreadable)") + ".");
        }
        int channels = data.channels();
        ImageGeometry geometry = data.geometry();
        int crop = cropSide(data.images(), settings);
        listener.onMessage("Geometry: " + geometry.describe() + "; training on " + crop + " x " + crop + " crops");
        DataTraits traits = DataTraits.of(data.photoLuma());
        listener.onMessage("Images: " + traits.describe());
        List<FloatImage> prepared = traits.apply(data.images());
        List<Path> usedPaths = data.paths();
        Split split = split(prepared, settings);
        if (split.heldOut.isEmpty()) {
            listener.onMessage("Too few images to hold some out: scores are calibrated on training images, "
                    + "so the threshold may flag good parts more often than asked.");
        }

        Device device = DjlRuntime.device(settings.device(), listener::onMessage);
        DjlRuntime.engine().setRandomSeed((int) settings.seed());
        Model djlModel = Model.newInstance("ssae", device);
        UNetBlock block = new UNetBlock(channels, settings.width(), settings.patch());
        djlModel.setBlock(block);
        Loop loop = new Loop(settings);
        String fingerprint = DataFingerprint.of(usedPaths);
        List<Duration> pending = new ArrayList<>(checkpoints);
        pending.sort(null);
        Runnable checkpointCheck = () -> {
            while (!pending.isEmpty() && loop.elapsedSeconds() >= pending.get(0).toMillis() / 1000.0) {
                Duration at = pending.remove(0);
                Instant pausedAt = Instant.now();
                SsaeModel snapshot = calibrate(djlModel, block, device, settings, geometry, traits, channels, split,
                        loop.summary(device), fingerprint, prepared.size(), false, msg -> { });
                checkpointListener.onCheckpoint(at, loop.steps, snapshot);
                loop.pause(Duration.between(pausedAt, Instant.now()));
            }
        };
        boolean success = false;
        try {
            runTraining(djlModel, padTo(split.train, crop), settings, crop, channels, loop, listener, cancelled,
                    checkpointCheck);
            if (loop.steps == 0) {
                throw new CancellationException("Training was cancelled before the first step.");
            }
            listener.onMessage("Calibrating on " + split.heldOut.size() + " held-out good images");
            TrainingSummary summary = loop.summary(device);
            SsaeModel model = calibrate(djlModel, block, device, settings, geometry, traits, channels, split, summary,
                    fingerprint, prepared.size(), true, listener::onMessage);
            success = true;
            return new TrainingResult(model, List.copyOf(skipped), summary);
        } finally {
            if (!success) {
                djlModel.close();
            }
        }
    }

    /**
     * The side of the square training crops: the asked side, at most the smallest image's short
     * side at the model's scale, rounded down to what the network accepts.
     */
    static int cropSide(List<FloatImage> images, TrainingSettings settings) {
        int multiple = UNetBlock.sideMultiple(settings.patch());
        int smallest = Integer.MAX_VALUE;
        for (FloatImage img : images) {
            smallest = Math.min(smallest, Math.min(img.width(), img.height()));
        }
        int side = Math.min(settings.cropSide(), smallest) / multiple * multiple;
        return Math.max(multiple, side);
    }

    /**
     * Mirrors out the rare training image smaller than the crop (a thin strip), so every image
     * yields crops; held-out images are scored as they are.
     */
    private static List<FloatImage> padTo(List<FloatImage> images, int crop) {
        List<FloatImage> out = new ArrayList<>(images.size());
        for (FloatImage img : images) {
            out.add(img.width() >= crop && img.height() >= crop ? img
                    : Tiling.pad(img, Math.max(crop, img.width()), Math.max(crop, img.height())));
        }
        return out;
    }

    private void runTraining(Model djlModel, List<FloatImage> train, TrainingSettings settings, int crop, int channels,
                             Loop loop, TrainingListener listener, BooleanSupplier cancelled,
                             Runnable afterStep) {
        Random rng = new Random(settings.seed());
        TrainingBatches batches = new TrainingBatches(train, settings.kind(), settings.batchSize(), crop, settings.inputNoise(), rng);
        long totalSteps = settings.timeBudget() == null ? (long) settings.epochs() * batches.stepsPerEpoch() : -1;
        loop.totalSteps = totalSteps;
        DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                .optOptimizer(Adam.builder()
                        .optLearningRateTracker(new ProgressScheduledRate((float) settings.learningRate(), loop::fraction))
                        .build())
                .optDevices(new Device[] {djlModel.getNDManager().getDevice()});
        int size = crop;
        try (Trainer trainer = djlModel.newTrainer(config)) {
            trainer.initialize(new Shape(settings.batchSize(), channels, size, size));
            listener.onMessage("Training on " + train.size() + " images");
            loop.start = Instant.now();
            while (!loop.finished()) {
                if (cancelled.getAsBoolean()) {
                    loop.cancelled = true;
                    break;
                }
                TrainingBatches.Batch batch = batches.next();
                float loss = step(trainer, batch, channels, size);
                if (!Float.isFinite(loss)) {
                    throw diverged(settings, "at step " + (loop.steps + 1));
                }
                loop.record(loss, batches.epoch());
                listener.onProgress(loop.progress());
                afterStep.run();
            }
        }
    }

    /** One optimisation step: L = mean((f(x~) - x)^2) + lambda * sum(M (f(x~) - x)^2) / sum(M). */
    private static float step(Trainer trainer, TrainingBatches.Batch batch, int channels, int size) {
        try (NDManager m = trainer.getManager().newSubManager()) {
            NDArray input = m.create(batch.input(), new Shape(batch.size(), channels, size, size));
            NDArray target = m.create(batch.target(), new Shape(batch.size(), channels, size, size));
            NDArray mask = m.create(batch.mask(), new Shape(batch.size(), size, size));
            float value;
            try (GradientCollector collector = trainer.newGradientCollector()) {
                NDArray output = trainer.forward(new NDList(input)).singletonOrThrow();
                NDArray squared = output.sub(target).square();
                NDArray perPixel = squared.mean(new int[] {1});
                NDArray corrupted = perPixel.mul(mask).sum().div(mask.sum().add(1e-6f));
                NDArray loss = squared.mean().add(corrupted.mul(CORRUPTED_PIXEL_WEIGHT));
                collector.backward(loss);
                value = loss.getFloat();
            }
            trainer.step();
            return value;
        }
    }

    /**
     * Calibrates the network on the held-out good images. The calibration (unless the kind fixes
     * it) and the map smoothing are chosen by measurement ({@link CalibrationChooser}); the
     * threshold is the calibrated quantile of the held-out images' leave-one-out scores.
     */
    private SsaeModel calibrate(Model djlModel, UNetBlock block, Device device, TrainingSettings settings,
                                ImageGeometry geometry, DataTraits traits, int channels, Split split, TrainingSummary summary,
                                String fingerprint, int imageCount, boolean ownsNetwork,
                                java.util.function.Consumer<String> messages) {
        int[] ref = geometry.referenceModelSize();
        double sideAt128 = settings.imageSize() / 128.0;
        List<ResidualCalibration.Mode> modes = switch (settings.kind()) {
            case OBJECT -> List.of(ResidualCalibration.Mode.PER_PIXEL);
            case TEXTURE -> List.of(ResidualCalibration.Mode.GLOBAL);
            case AUTO -> List.of(ResidualCalibration.Mode.PER_PIXEL, ResidualCalibration.Mode.COARSE,
                    ResidualCalibration.Mode.GLOBAL);
        };
        String forcedBy = settings.kind() == PartKind.AUTO ? null : "kind " + settings.kind().name().toLowerCase(java.util.Locale.ROOT);
        ModelHeader provisional = header(settings, geometry, traits, channels, modes.get(0), 0, summary, fingerprint,
                imageCount, split, List.of(), 0, null);
        SsaeModel uncalibrated = new SsaeModel(djlModel, block, device, provisional, ResidualCalibration.identity(), false);
        List<FloatImage> calibrationImages = split.heldOut.isEmpty() ? split.train : split.heldOut;
        Function<List<FloatImage>, List<ResidualMap>> residuals = images -> {
            List<ResidualMap> maps = uncalibrated.residuals(images);
            for (ResidualMap r : maps) {
                for (float v : r.values()) {
                    if (!Float.isFinite(v)) {
                        throw diverged(settings, "by the end of training");
                    }
                }
            }
            return maps;
        };
        CalibrationChooser.Outcome outcome = CalibrationChooser.choose(calibrationImages, residuals,
                ref[0], ref[1], modes, sideAt128, settings.targetFalseRejectRate(), forcedBy, settings.seed());
        ResidualCalibration calibration = ResidualCalibration.fit(outcome.heldOutResiduals(), ref[0], ref[1],
                outcome.mode());
        double threshold = Thresholds.calibrated(outcome.heldOutScores(), settings.targetFalseRejectRate());
        List<Double> scoreList = new ArrayList<>();
        for (double s : outcome.heldOutScores()) {
            scoreList.add(s);
        }
        messages.accept("Chose " + outcome.choice().describe());
        ModelHeader header = header(settings, geometry, traits, channels, outcome.mode(), outcome.sigma(), summary,
                fingerprint, imageCount, split, scoreList, threshold, outcome.choice());
        return new SsaeModel(djlModel, block, device, header, calibration, ownsNetwork);
    }

    private static ModelHeader header(TrainingSettings settings, ImageGeometry geometry, DataTraits traits, int channels,
                                      ResidualCalibration.Mode mode, double sigma, TrainingSummary summary,
                                      String fingerprint, int imageCount, Split split, List<Double> scores,
                                      double threshold, CalibrationChoice choice) {
        return new ModelHeader(ModelFile.FORMAT_VERSION, AppInfo.version(), Instant.now().toString(),
                settings.imageSize(), channels, settings.width(), settings.patch(), settings.kind(), mode.id(),
                RESIDUAL_BLUR_AT_128 * settings.imageSize() / 128.0, sigma, summary,
                fingerprint, split.train.size(), split.heldOut.size(), scores, threshold, settings.targetFalseRejectRate(),
                geometry, choice, traits);
    }

    /**
     * The network's numbers stopped being numbers. Seen on an AMD EPYC (Zen 5) with the bundled
     * PyTorch 2.7.1: oneDNN's AVX-512 kernels return NaN weight gradients for layers of 4 or 8
     * channels (width 4 or 8) after the first step; widths of 16 and more, and the same kernels
     * limited to AVX2, train normally (docs/hardening.md).
     */
    private static UserFacingException diverged(TrainingSettings settings, String when) {
        return new UserFacingException("Training failed " + when + ": the network's output is no longer a number (NaN)."
                + (settings.width() < 16 ? " Narrow networks (width " + settings.width() + ") hit a known fault of "
                + "the CPU kernels on some processors: train with width 16 or more." : "")
                + " Starting the program with ONEDNN_MAX_CPU_ISA=AVX2 in the environment avoids the processor's "
                + "newest kernels; a lower learning rate helps if the loss itself ran away.");
    }

    /** Held-out good images for calibration: never trained on. */
    static Split split(List<FloatImage> images, TrainingSettings settings) {
        int n = images.size();
        int heldOut = (int) Math.round(settings.heldOutFraction() * n);
        if (settings.heldOutFraction() > 0) {
            heldOut = Math.max(heldOut, Math.min(3, n - 2));
        }
        heldOut = Math.min(heldOut, n - 2);
        if (n < 5) {
            heldOut = 0;
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            idx.add(i);
        }
        Collections.shuffle(idx, new Random(settings.seed() ^ 0x5eed));
        List<FloatImage> held = new ArrayList<>();
        List<FloatImage> train = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (i < heldOut ? held : train).add(images.get(idx.get(i)));
        }
        return new Split(train, held);
    }

    record Split(List<FloatImage> train, List<FloatImage> heldOut) {
    }

    /** Step counting, timing and the stopping rule of one run. */
    private static final class Loop {
        private final TrainingSettings settings;
        Instant start;
        Duration paused = Duration.ZERO;
        long steps;
        long totalSteps;
        int epoch;
        double lastLoss = Double.NaN;
        double avgLoss = Double.NaN;
        boolean cancelled;

        Loop(TrainingSettings settings) {
            this.settings = settings;
        }

        double elapsedSeconds() {
            return start == null ? 0 : Duration.between(start, Instant.now()).minus(paused).toMillis() / 1000.0;
        }

        double fraction() {
            if (settings.timeBudget() != null) {
                return Math.min(1.0, elapsedSeconds() / Math.max(1e-3, settings.timeBudget().toMillis() / 1000.0));
            }
            return totalSteps <= 0 ? 0 : Math.min(1.0, steps / (double) totalSteps);
        }

        boolean finished() {
            if (settings.timeBudget() != null) {
                return steps > 0 && elapsedSeconds() >= settings.timeBudget().toMillis() / 1000.0;
            }
            return steps >= totalSteps;
        }

        void pause(Duration d) {
            paused = paused.plus(d);
        }

        TrainingSummary summary(Device device) {
            return new TrainingSummary(settings, steps, epoch, elapsedSeconds(), avgLoss, cancelled,
                    DjlRuntime.describe(device));
        }

        void record(float loss, int currentEpoch) {
            steps++;
            epoch = currentEpoch;
            lastLoss = loss;
            avgLoss = Double.isNaN(avgLoss) ? loss : avgLoss + LOSS_SMOOTHING * (loss - avgLoss);
        }

        TrainingProgress progress() {
            double elapsed = elapsedSeconds();
            double f = fraction();
            double eta = f > 0 ? elapsed * (1 - f) / f : 0;
            return new TrainingProgress(steps, epoch, lastLoss, avgLoss, Duration.ofMillis((long) (elapsed * 1000)),
                    Duration.ofMillis((long) (eta * 1000)), f);
        }
    }
}
