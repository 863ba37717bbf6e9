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
import org.ssaeinspector.scoring.ResidualMeasure;
import org.ssaeinspector.util.AppInfo;
import org.ssaeinspector.util.Decimals;
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
     * The residual measure of a training that does not name one: the squared difference and the
     * structural one together. Not left to the calibration chooser: its synthetic defects, which
     * the network was trained to repair, favoured the squared difference on every set, where real
     * defects showed the opposite on three of five (docs/benchmarks.md); the pair was never worse
     * than the squared difference alone.
     */
    static final List<ResidualMeasure> RESIDUAL_MEASURES = List.of(ResidualMeasure.SQUARED_AND_STRUCTURAL);

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
        return train(goodImages, settings, listener, cancelled, checkpoints, checkpointListener, null);
    }

    /**
     * Continues training a parent model ({@code train --from}) on {@code goodImages}, which should
     * hold the parent's images as well as the new ones (so that it does not forget the old parts):
     * the network starts from the parent's, keeps its shape, scale and light handling, and is
     * calibrated anew; the header's lineage records the parent.
     */
    public TrainingResult trainFurther(List<Path> goodImages, TrainingSettings settings, TrainingStart start,
                                       TrainingListener listener, BooleanSupplier cancelled) {
        return train(goodImages, start.settingsFrom(settings), listener, cancelled, List.of(), (t, s, m) -> { }, start);
    }

    private TrainingResult train(List<Path> goodImages, TrainingSettings settings, TrainingListener listener,
                                 BooleanSupplier cancelled, List<Duration> checkpoints,
                                 CheckpointListener checkpointListener, TrainingStart start) {
        DjlRuntime.configure();
        listener.onMessage("Loading " + goodImages.size() + " images");
        TrainingImages data = start == null ? TrainingImages.load(goodImages, settings.imageSize(), settings.scale())
                : TrainingImages.load(goodImages, settings.imageSize(), settings.scale(), start.parent().geometry(),
                start.parent().channels());
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
        DataTraits traits = start == null ? DataTraits.of(data.photoLuma())
                : start.parent().dataTraits() != null ? start.parent().dataTraits() : DataTraits.NONE;
        listener.onMessage("Images: " + traits.describe());
        List<FloatImage> prepared = traits.apply(data.images());
        List<Path> usedPaths = data.paths();
        Split split = split(prepared, usedPaths, settings);
        if (split.heldOut.isEmpty()) {
            listener.onMessage("Too few images to hold some out: scores are calibrated on training images, "
                    + "so the threshold may flag good parts more often than asked.");
        }

        Device device = DjlRuntime.device(settings.device(), listener::onMessage);
        DjlRuntime.engine().setRandomSeed((int) settings.seed());
        Model djlModel = Model.newInstance("ssae", device);
        UNetBlock block = new UNetBlock(channels, settings.width(), settings.patch());
        djlModel.setBlock(block);
        if (start != null) {
            listener.onMessage("Starting from the parent model's network (" + start.parent().training().steps() + " steps)");
        }
        Loop loop = new Loop(settings);
        String fingerprint = DataFingerprint.of(usedPaths);
        List<LineageStep> lineage = lineage(start, usedPaths.size(), fingerprint);
        List<Duration> pending = new ArrayList<>(checkpoints);
        pending.sort(null);
        Runnable checkpointCheck = () -> {
            while (!pending.isEmpty() && loop.elapsedSeconds() >= pending.get(0).toMillis() / 1000.0) {
                Duration at = pending.remove(0);
                Instant pausedAt = Instant.now();
                SsaeModel snapshot = calibrate(djlModel, block, device, settings, geometry, traits, channels, split,
                        loop.summary(device), fingerprint, prepared.size(), false, msg -> { }, lineage);
                checkpointListener.onCheckpoint(at, loop.steps, snapshot);
                loop.pause(Duration.between(pausedAt, Instant.now()));
            }
        };
        boolean success = false;
        try {
            runTraining(djlModel, padTo(split.train, crop), settings, crop, channels, loop, listener, cancelled,
                    checkpointCheck, start);
            if (loop.steps == 0) {
                throw new CancellationException("Training was cancelled before the first step.");
            }
            listener.onMessage("Calibrating on " + split.heldOut.size() + " held-out good images");
            TrainingSummary summary = loop.summary(device);
            SsaeModel model = calibrate(djlModel, block, device, settings, geometry, traits, channels, split, summary,
                    fingerprint, prepared.size(), true, listener::onMessage, lineage);
            List<String> notes = new ArrayList<>();
            String shapes = otherShapes(usedPaths, prepared, model.calibration());
            if (shapes != null) {
                listener.onMessage(shapes);
                notes.add(shapes);
            }
            if (!split.heldOut.isEmpty()) {
                ModelHeader h = model.header();
                String above = heldOutAboveThreshold(split.heldOutNames, h.heldOutScoreArray(), h.threshold());
                if (above != null) {
                    listener.onMessage(above);
                    notes.add(above);
                }
            }
            success = true;
            return new TrainingResult(model, List.copyOf(skipped), summary, List.copyOf(notes));
        } finally {
            if (!success) {
                djlModel.close();
            }
        }
    }

    /**
     * The side of the square training crops: the asked side, at most the short side of the smallest
     * tenth of the images at the model's scale, rounded down to what the network accepts.
     */
    static int cropSide(List<FloatImage> images, TrainingSettings settings) {
        int multiple = UNetBlock.sideMultiple(settings.patch());
        int[] shortSides = images.stream().mapToInt(img -> Math.min(img.width(), img.height())).sorted().toArray();
        int small = shortSides[(int) Math.floor(SMALL_PHOTO_SHARE * (shortSides.length - 1))];
        int side = Math.min(settings.cropSide(), small) / multiple * multiple;
        return Math.max(multiple, side);
    }

    /**
     * Share of the training photos whose short side may be under the crop side (they are mirrored
     * out to it, {@link #padTo}): with the smallest photo setting it, one thin strip among 60 metal
     * shafts took every crop from 128 to 32 px, and pixel AUROC from 0.970 to 0.898, AUPRO 0.69 to
     * 0.54 at equal steps (docs/benchmarks.md).
     */
    static final double SMALL_PHOTO_SHARE = 0.1;

    /**
     * Mirrors out the rare training image smaller than the crop (a thin strip), so every image
     * yields crops; held-out images are scored mirrored out the same way ({@link SsaeModel#reconstructAll}).
     */
    private static List<FloatImage> padTo(List<FloatImage> images, int crop) {
        List<FloatImage> out = new ArrayList<>(images.size());
        for (FloatImage img : images) {
            out.add(Tiling.padToAtLeast(img, crop));
        }
        return out;
    }

    private void runTraining(Model djlModel, List<FloatImage> train, TrainingSettings settings, int crop, int channels,
                             Loop loop, TrainingListener listener, BooleanSupplier cancelled,
                             Runnable afterStep, TrainingStart start) {
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
        if (start != null) {
            // Before the trainer: its initialisation keeps parameters that hold values, and attaches
            // the gradients to those arrays (loading after it would train arrays the network no longer uses).
            djlModel.getBlock().initialize(djlModel.getNDManager(), ai.djl.ndarray.types.DataType.FLOAT32,
                    new Shape(settings.batchSize(), channels, size, size));
            loadParameters(djlModel, start);
        }
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

    /** The parent's weights into the freshly initialised network (same shape: {@link TrainingStart#settingsFrom}). */
    private static void loadParameters(Model djlModel, TrainingStart start) {
        try {
            djlModel.getBlock().loadParameters(djlModel.getNDManager(),
                    new java.io.DataInputStream(new java.io.ByteArrayInputStream(start.parameters())));
        } catch (java.io.IOException | ai.djl.MalformedModelException e) {
            throw new UserFacingException("cannot start from the parent model's network (" + e.getMessage() + ")", e);
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
                                java.util.function.Consumer<String> messages, List<LineageStep> lineage) {
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
                imageCount, split, List.of(), 0, null, lineage, RESIDUAL_MEASURES.get(0));
        SsaeModel uncalibrated = new SsaeModel(djlModel, block, device, provisional, ResidualCalibration.identity(), false);
        List<FloatImage> calibrationImages = split.heldOut.isEmpty() ? split.train : split.heldOut;
        Function<List<FloatImage>, List<FloatImage>> reconstruct = images -> {
            List<FloatImage> recon = uncalibrated.reconstructAll(images);
            for (FloatImage r : recon) {
                for (float v : r.data()) {
                    if (!Float.isFinite(v)) {
                        throw diverged(settings, "by the end of training");
                    }
                }
            }
            return recon;
        };
        List<ResidualMeasure> measures = settings.residual() == null ? RESIDUAL_MEASURES
                : List.of(ResidualMeasure.of(settings.residual()));
        CalibrationChooser.Residuals residuals = new CalibrationChooser.Residuals(reconstruct, measures,
                provisional.residualBlurSigma());
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
                fingerprint, imageCount, split, scoreList, threshold, outcome.choice(), lineage, outcome.measure());
        return new SsaeModel(djlModel, block, device, header, calibration, ownsNetwork);
    }

    private static ModelHeader header(TrainingSettings settings, ImageGeometry geometry, DataTraits traits, int channels,
                                      ResidualCalibration.Mode mode, double sigma, TrainingSummary summary,
                                      String fingerprint, int imageCount, Split split, List<Double> scores,
                                      double threshold, CalibrationChoice choice, List<LineageStep> lineage,
                                      ResidualMeasure measure) {
        return new ModelHeader(ModelFile.FORMAT_VERSION, AppInfo.version(), Instant.now().toString(),
                settings.imageSize(), channels, settings.width(), settings.patch(), settings.kind(), mode.id(),
                RESIDUAL_BLUR_AT_128 * settings.imageSize() / 128.0, sigma, summary,
                fingerprint, split.train.size(), split.heldOut.size(), scores, threshold, settings.targetFalseRejectRate(),
                geometry, choice, traits, lineage, measure.id());
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

    /** The parent's lineage and one more step; none for a model trained from scratch. */
    private static List<LineageStep> lineage(TrainingStart start, int images, String fingerprint) {
        if (start == null) {
            return List.of();
        }
        List<LineageStep> steps = new ArrayList<>(start.parent().lineage());
        steps.add(new LineageStep(LineageStep.TRAINED_FURTHER, start.parentSha256(), start.parent().createdAt(), images,
                fingerprint, Instant.now().toString()));
        return steps;
    }

    /**
     * Held-out good images for calibration: never trained on. Their number is a fixed share of
     * the images (at least 3 where possible, at least 2 left to train on); which ones are held out
     * is ranked by a hash of each file's name and the seed, not by their place in the list: a
     * continued training on the parent's images plus new ones then holds out nearly the same old
     * images as the parent did (all but a few at the boundary of the ranking), so its calibration
     * meets few images the network was trained on.
     */
    static Split split(List<FloatImage> images, List<Path> paths, TrainingSettings settings) {
        int n = images.size();
        int heldOut = (int) Math.round(settings.heldOutFraction() * n);
        if (settings.heldOutFraction() > 0) {
            heldOut = Math.max(heldOut, Math.min(3, n - 2));
        }
        heldOut = Math.min(heldOut, n - 2);
        if (n < 5) {
            heldOut = 0;
        }
        double[] key = new double[n];
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            key[i] = unitHash(paths.get(i).getFileName().toString(), settings.seed());
            idx.add(i);
        }
        idx.sort((a, b) -> Double.compare(key[a], key[b]));
        boolean[] held = new boolean[n];
        for (int k = 0; k < heldOut; k++) {
            held[idx.get(k)] = true;
        }
        List<FloatImage> heldList = new ArrayList<>();
        List<String> heldNames = new ArrayList<>();
        List<FloatImage> train = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            (held[i] ? heldList : train).add(images.get(i));
            if (held[i]) {
                heldNames.add(paths.get(i).getFileName().toString());
            }
        }
        return new Split(train, heldList, heldNames);
    }

    /** A number in [0, 1) that depends only on the name and the seed. */
    static double unitHash(String name, long seed) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256")
                    .digest((seed + "/" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (d[i] & 0xff);
            }
            return bits / (double) (1L << 56);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The training and held-out images; {@code heldOutNames} are the held-out images' file names, in order. */
    record Split(List<FloatImage> train, List<FloatImage> heldOut, List<String> heldOutNames) {
    }

    /** Held-out images named at most in the message about those above the threshold. */
    static final int NAMED_ABOVE_THRESHOLD = 5;

    /**
     * Names the good photos of another shape than the reference when the calibration chosen says
     * where on the part residuals are usual: it can score such photos only against its pooled
     * statistics ({@link ResidualCalibration#pooledFor}), and the user may not know the folder
     * mixes framings (a strip among shafts, a second camera). Null when there are none.
     */
    static String otherShapes(List<Path> paths, List<FloatImage> images, ResidualCalibration calibration) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            if (calibration.pooledFor(images.get(i).width(), images.get(i).height())) {
                names.add(String.valueOf(paths.get(i).getFileName()));
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        return names.size() + " of " + images.size() + " good images " + (names.size() == 1 ? "has" : "have")
                + " another shape than the rest (" + firstFew(names) + "): the " + calibration.mode().id()
                + " calibration knows where on the part residuals are usual only for photos of the usual shape,"
                + " so photos like " + (names.size() == 1 ? "this one" : "these") + " are inspected less closely."
                + " Keep one framing, or train a separate model for the other.";
    }

    /** The first {@link #NAMED_ABOVE_THRESHOLD} of these, and how many more there are. */
    private static String firstFew(List<String> items) {
        int shown = Math.min(NAMED_ABOVE_THRESHOLD, items.size());
        return String.join(", ", items.subList(0, shown))
                + (items.size() > shown ? " and " + (items.size() - shown) + " more" : "");
    }

    /**
     * Names the held-out good images that score at or above the threshold, highest first, or null
     * when none does. A defective part among the good images, or a view they rarely show, raises
     * the threshold for every part (one BSData photo with a bright blob scored 137 where the others
     * stayed under 10; a thin strip among metal shafts scored 1102 and, drawn as the highest
     * held-out score, the threshold was its score), and the user can only act on that by name.
     */
    static String heldOutAboveThreshold(List<String> names, double[] scores, double threshold) {
        List<Integer> above = new ArrayList<>();
        for (int i = 0; i < scores.length && i < names.size(); i++) {
            if (scores[i] >= threshold) {
                above.add(i);
            }
        }
        if (above.isEmpty()) {
            return null;
        }
        above.sort((a, b) -> Double.compare(scores[b], scores[a]));
        List<String> named = above.stream().map(i -> names.get(i) + " (" + Decimals.significant(scores[i], 4) + ")").toList();
        return (above.size() == 1 ? "1 held-out good image scores" : above.size() + " held-out good images score")
                + " at or above the threshold (" + Decimals.significant(threshold, 4) + "): " + firstFew(named)
                + ". Look at " + (above.size() == 1 ? "it" : "them")
                + ": a defect among the good images, or a view they rarely show, raises the threshold for every part;"
                + " move a defective one out of the good images and train again.";
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
