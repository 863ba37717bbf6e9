package org.ssaeinspector.app.fakes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.ssaeinspector.app.service.EngineService;
import org.ssaeinspector.app.service.ImageScore;
import org.ssaeinspector.app.service.ModelHandle;
import org.ssaeinspector.app.service.RecalibrationOutcome;
import org.ssaeinspector.app.service.TrainingOutcome;
import org.ssaeinspector.dataset.SkippedFile;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.imageio.ImageLoadException;
import org.ssaeinspector.imageio.ImageLoader;
import org.ssaeinspector.model.CalibrationChoice;
import org.ssaeinspector.model.LineageStep;
import org.ssaeinspector.model.ModelFile;
import org.ssaeinspector.model.ModelHeader;
import org.ssaeinspector.model.TrainingListener;
import org.ssaeinspector.model.TrainingProgress;
import org.ssaeinspector.model.TrainingSettings;
import org.ssaeinspector.model.TrainingSummary;
import org.ssaeinspector.scoring.AnomalyMap;
import org.ssaeinspector.scoring.DefectRegion;
import org.ssaeinspector.scoring.InspectionResult;
import org.ssaeinspector.scoring.ScoredImage;

/**
 * A stand-in engine for view-model and screen tests: images are really decoded (so bad files
 * fail as in the app), the "anomaly map" is the brightness above a floor (bright blobs are the
 * defects of {@link TestImages}), and training runs a fixed number of quick steps.
 */
public final class FakeEngineService implements EngineService {
    public static final int MODEL_SIDE = 32;
    private static final float FLOOR = 0.40f;

    public int trainingSteps = 20;
    public List<String> gpus = List.of();
    public final AtomicInteger scoreCalls = new AtomicInteger();
    public final List<String> threads = new ArrayList<>();
    /** Called before each training step (tests use it to cancel at a given step). */
    public java.util.function.LongConsumer beforeStep = s -> { };
    /** How long calibration takes after the last step (a real one takes seconds to a minute). */
    public volatile long calibrationMillis;
    /** How long scoring one image and inspecting one image take (a real network takes a while). */
    public volatile long scoreMillis;
    public volatile long inspectMillis;
    /** The files {@link #inspect} was asked about, in order. */
    public final List<Path> inspected = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Set once a training got as far as calibrating. */
    public volatile boolean calibrated;
    /** The notes the next training hands back (held-out images above the threshold, by name). */
    public volatile List<String> notes = List.of();

    @Override
    public TrainingOutcome train(List<Path> goodImages, TrainingSettings settings, TrainingListener listener,
                                 BooleanSupplier cancelled) {
        threads.add(Thread.currentThread().getName());
        listener.onMessage("Loading images");
        List<SkippedFile> skipped = new ArrayList<>();
        List<ImageLoader.LoadedImage> loaded = ImageLoader.loadAll(goodImages, skipped);
        if (loaded.size() < 2) {
            throw new org.ssaeinspector.util.UserFacingException("fewer than 2 usable good images");
        }
        long steps = 0;
        for (long s = 1; s <= trainingSteps; s++) {
            beforeStep.accept(s);
            if (cancelled.getAsBoolean()) {
                break;
            }
            steps = s;
            double loss = 1.0 / s;
            listener.onProgress(new TrainingProgress(s, 1 + (int) (s / 5), loss, loss, Duration.ofSeconds(s),
                    Duration.ofSeconds(trainingSteps - s), (double) s / trainingSteps));
        }
        if (steps == 0) {
            throw new CancellationException();
        }
        listener.onMessage("Calibrating");
        sleep(calibrationMillis);
        calibrated = true;
        double[] held = loaded.stream().mapToDouble(l -> score(l.image()).score()).sorted().toArray();
        double threshold = held[held.length - 1] * 1.05 + 0.01;
        TrainingSummary summary = new TrainingSummary(settings, steps, 1, steps * 0.01, 1.0 / steps, steps < trainingSteps,
                gpus.isEmpty() ? "CPU" : gpus.get(0));
        return new TrainingOutcome(new FakeModel(header(settings, summary, held, threshold)), skipped, summary, notes);
    }

    public static ModelHeader header(TrainingSettings settings, TrainingSummary summary, double[] held, double threshold) {
        return new ModelHeader(ModelFile.FORMAT_VERSION, "test", Instant.EPOCH.toString(), settings.imageSize(), 1,
                settings.width(), settings.patch(), settings.kind(), "global", 0.0, 1.0, summary, "fingerprint", held.length, held.length,
                Arrays.stream(held).boxed().toList(), threshold, settings.targetFalseRejectRate(), null,
                new CalibrationChoice("global", 2.0, held.length, 2 * held.length, null, List.of(
                        new CalibrationChoice.Candidate("global", 2.0, 0.95, 0.9, 0.8, 0.9, (0.95 + 0.9 + 0.8) / 3, "ssim")), "ssim"),
                null, List.of(), "ssim");
    }

    /** A model whose only state is its threshold, saved as a one-line text file. */
    public static FakeModel model(double threshold) {
        TrainingSettings s = TrainingSettings.defaults();
        TrainingSummary summary = new TrainingSummary(s, 10, 1, 1, 0.01, false, "CPU");
        return new FakeModel(header(s, summary, new double[] {threshold * 0.5, threshold * 0.8}, threshold));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Trains like {@link #train}; the model records its parent. */
    @Override
    public TrainingOutcome trainFurther(ModelHandle from, Path fromFile, List<Path> goodImages, TrainingSettings settings,
                                        TrainingListener listener, BooleanSupplier cancelled) {
        trainedFurtherFrom = from;
        TrainingOutcome o = train(goodImages, settings, listener, cancelled);
        ModelHeader h = o.model().header();
        return new TrainingOutcome(new FakeModel(withLineage(h, LineageStep.TRAINED_FURTHER, from, goodImages.size())),
                o.skipped(), o.summary(), o.notes());
    }

    /** The model a continued training started from (null when none ran). */
    public volatile ModelHandle trainedFurtherFrom;

    /** A model whose threshold just clears the confirmed good images (the fake's scores know no calibration). */
    @Override
    public RecalibrationOutcome recalibrate(ModelHandle model, Path modelFile, List<Path> goodImages,
                                            BooleanSupplier cancelled) {
        List<SkippedFile> skipped = new ArrayList<>();
        List<ImageLoader.LoadedImage> loaded = ImageLoader.loadAll(goodImages, skipped);
        double old = model.header().threshold();
        double max = loaded.stream().mapToDouble(l -> score(l.image()).score()).max().orElse(0);
        double threshold = Math.max(old, max * 1.05 + 0.01);
        int before = (int) loaded.stream().filter(l -> score(l.image()).score() > old).count();
        ModelHeader h = withLineage(model.header().withThreshold(threshold), LineageStep.RECALIBRATED, model, loaded.size());
        return new RecalibrationOutcome(new FakeModel(h), skipped, loaded.size(), before, 0);
    }

    private static ModelHeader withLineage(ModelHeader h, String operation, ModelHandle parent, int images) {
        return h.recalibrated(h.heldOutCount(), h.heldOutScores(), h.threshold(), new LineageStep(operation, null,
                parent.header().createdAt(), images, "fingerprint", Instant.EPOCH.toString()), Instant.EPOCH.toString());
    }

    @Override
    public ModelHandle loadModel(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (!text.startsWith("fake-model ")) {
                throw new org.ssaeinspector.util.UserFacingException(file + ": not an SSAE model file");
            }
            return model(Double.parseDouble(text.substring("fake-model ".length())));
        } catch (IOException e) {
            throw new org.ssaeinspector.util.UserFacingException(file + ": cannot read (" + e.getMessage() + ")");
        }
    }

    @Override
    public void saveModel(ModelHandle model, Path file, double threshold) {
        try {
            Files.writeString(file, "fake-model " + threshold);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public ImageScore score(ModelHandle model, Path image) throws ImageLoadException {
        scoreCalls.incrementAndGet();
        sleep(scoreMillis);
        FloatImage img = ImageLoader.load(image);
        ScoredImage s = score(img);
        return new ImageScore(s.score(), img.width(), img.height(), s.map());
    }

    /** Brightness above the floor, at the model side. */
    public static ScoredImage score(FloatImage img) {
        FloatImage small = img.withChannels(1).resize(MODEL_SIDE, MODEL_SIDE);
        float[] v = new float[MODEL_SIDE * MODEL_SIDE];
        float max = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(0, small.data()[i] - FLOOR);
            max = Math.max(max, v[i]);
        }
        FloatImage recon = small.copy();
        for (int i = 0; i < v.length; i++) {
            recon.data()[i] = Math.min(recon.data()[i], FLOOR);
        }
        return new ScoredImage(max, new AnomalyMap(v, MODEL_SIDE, MODEL_SIDE), small, recon);
    }

    @Override
    public InspectionResult inspect(ModelHandle model, Path file, FloatImage image, double threshold) {
        inspected.add(file);
        sleep(inspectMillis);
        ScoredImage s = score(image);
        AnomalyMap full = s.map().resize(image.width(), image.height());
        List<DefectRegion> regions = new ArrayList<>();
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        int area = 0;
        for (int y = 0; y < full.height(); y++) {
            for (int x = 0; x < full.width(); x++) {
                if (full.get(x, y) > threshold) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                    area++;
                }
            }
        }
        if (area > 0) {
            regions.add(new DefectRegion(x0, y0, x1 - x0 + 1, y1 - y0 + 1, area, full.max()));
        }
        return new InspectionResult(file, image.width(), image.height(), s.score(), threshold, regions, s);
    }

    @Override
    public List<String> gpuNames() {
        return gpus;
    }

    /** The fake's model handle. */
    public static final class FakeModel implements ModelHandle {
        private final ModelHeader header;
        public boolean closed;

        FakeModel(ModelHeader header) {
            this.header = header;
        }

        @Override
        public ModelHeader header() {
            return header;
        }

        @Override
        public String deviceName() {
            return "CPU";
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
