package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.scoring.ScoredImage;
import org.ssaeinspector.testing.SyntheticImages;
import org.ssaeinspector.util.UserFacingException;

class SsaeTrainerTest {
    @TempDir
    static Path dir;
    static List<Path> good;

    @BeforeAll
    static void images() throws Exception {
        good = SyntheticImages.writeParts(dir.resolve("good"), 24, 32, 11);
    }

    private static TrainingSettings tiny() {
        return TrainingSettings.defaults().withImageSize(32).withWidth(16).withBatchSize(8).withEpochs(2).withSeed(5);
    }

    @Test
    void trainsReportsProgressAndCalibratesAThreshold() {
        List<TrainingProgress> events = new ArrayList<>();
        TrainingResult result = new SsaeTrainer().train(good, tiny(), events::add, () -> false);
        try (SsaeModel model = result.model()) {
            assertFalse(result.cancelled());
            ModelHeader h = model.header();
            assertEquals(32, h.imageSize());
            assertEquals(3, h.channels());
            assertEquals(h.trainImageCount() + h.heldOutCount(), 24);
            assertTrue(h.heldOutCount() >= 3, "held out " + h.heldOutCount());
            assertEquals(h.heldOutCount(), h.heldOutScores().size());
            double[] held = h.heldOutScoreArray();
            assertEquals(org.ssaeinspector.evaluation.Thresholds.calibrated(held, 0.01), h.threshold(), 1e-9,
                    "the threshold is calibrated from the held-out scores");
            assertEquals(org.ssaeinspector.evaluation.Thresholds.calibratedWithBasis(held, 0.01).basis(),
                    h.thresholdBasis().orElseThrow(), "the header says what drew its threshold");
            assertTrue(h.withThreshold(h.threshold() + 1).thresholdBasis().isEmpty(),
                    "a threshold set otherwise claims no basis");
            assertEquals(64, h.dataFingerprint().length());
            long expectedSteps = 2L * ((h.trainImageCount() + 7) / 8);
            assertEquals(expectedSteps, result.summary().steps());
            assertEquals(expectedSteps, events.size());
            for (int i = 1; i < events.size(); i++) {
                assertTrue(events.get(i).fraction() >= events.get(i - 1).fraction());
                assertEquals(i + 1, events.get(i).step());
            }
            assertEquals(1.0, events.get(events.size() - 1).fraction(), 1e-9);
            ScoredImage s = model.score(SyntheticImages.part(50, new Random(3), false));
            assertEquals(50, s.map().width(), "trained on 32 px photos at scale 1: a 50 px photo is 50 model px");
            assertTrue(Float.isFinite(s.score()));
        }
    }

    @Test
    void cancelKeepsTheModelOfTheLastStep() {
        AtomicInteger steps = new AtomicInteger();
        TrainingResult result = new SsaeTrainer().train(good, tiny().withEpochs(50),
                p -> steps.set((int) p.step()), () -> steps.get() >= 2);
        try (SsaeModel model = result.model()) {
            assertTrue(result.cancelled());
            assertEquals(2, result.summary().steps());
            assertTrue(model.header().training().cancelled());
            assertTrue(Float.isFinite(model.score(SyntheticImages.part(32, new Random(1), false)).score()));
        }
    }

    @Test
    void checkpointsHandOutCalibratedSnapshotsWithoutStoppingTraining() {
        List<Long> stepsAtCheckpoint = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        TrainingResult result = new SsaeTrainer().train(good, tiny(), TrainingListener.NONE, () -> false,
                List.of(java.time.Duration.ZERO, java.time.Duration.ofHours(1)), (time, steps, snapshot) -> {
                    stepsAtCheckpoint.add(steps);
                    scores.add(snapshot.score(SyntheticImages.part(32, new Random(2), false)).score());
                    snapshot.close(); // must not free the network still being trained
                });
        try (SsaeModel model = result.model()) {
            assertEquals(List.of(1L), stepsAtCheckpoint, "only the checkpoint that was reached fires, after step 1");
            assertTrue(Float.isFinite(scores.get(0)));
            assertTrue(result.summary().steps() > 1);
            assertTrue(Float.isFinite(model.score(SyntheticImages.part(32, new Random(2), false)).score()));
        }
    }

    @Test
    void cancelBeforeTheFirstStepGivesNoModel() {
        assertThrows(CancellationException.class,
                () -> new SsaeTrainer().train(good, tiny(), TrainingListener.NONE, () -> true));
    }

    @Test
    void skipsUnreadableFilesAndNamesThem() throws Exception {
        Path bad = dir.resolve("bad");
        Files.createDirectories(bad);
        List<Path> files = new ArrayList<>(good.subList(0, 6));
        Path empty = Files.createFile(bad.resolve("empty.png"));
        Path text = Files.writeString(bad.resolve("notes.png"), "not an image");
        files.add(empty);
        files.add(text);
        MessageLog log = new MessageLog();
        List<String> messages = log.messages;
        TrainingResult result = new SsaeTrainer().train(files, tiny().withEpochs(1), log, () -> false);
        result.model().close();
        assertEquals(2, result.skipped().size());
        assertEquals(empty, result.skipped().get(0).path());
        assertEquals(text, result.skipped().get(1).path());
        assertTrue(messages.stream().anyMatch(m -> m.contains("empty.png")), messages.toString());
    }

    /**
     * A photo that is not a good part, among the good ones and held out (its name ranks first by
     * the split's hash): training names it, with its score, as scoring above the threshold.
     */
    @Test
    void namesAHeldOutGoodImageThatScoresAboveTheThreshold() throws Exception {
        Path odd = dir.resolve("odd");
        Files.createDirectories(odd);
        TrainingSettings settings = tiny().withEpochs(1);
        String name = "";
        double lowest = 2;
        for (int i = 0; i < 200; i++) {
            String candidate = "part-" + i + ".png";
            double key = SsaeTrainer.unitHash(candidate, settings.seed());
            if (key < lowest) {
                lowest = key;
                name = candidate;
            }
        }
        // Black with a white square: nothing like the training parts.
        FloatImage black = new FloatImage(3, 32, 32, new float[3 * 32 * 32]);
        for (int c = 0; c < 3; c++) {
            for (int y = 8; y < 24; y++) {
                for (int x = 8; x < 24; x++) {
                    black.data()[(c * 32 + y) * 32 + x] = 1f;
                }
            }
        }
        Path oddFile = odd.resolve(name);
        SyntheticImages.write(black, oddFile);
        List<Path> files = new ArrayList<>(good);
        files.add(oddFile);
        MessageLog log = new MessageLog();
        new SsaeTrainer().train(files, settings, log, () -> false).model().close();
        String oddName = name;
        assertTrue(log.messages.stream().anyMatch(m -> m.contains("held-out good image") && m.contains(oddName + " (")
                && m.contains("at or above the threshold")), log.messages.toString());
    }

    /**
     * A strip among square parts, under a calibration that knows where on the part residuals are
     * usual (per-pixel, fixed by the object kind): training names it, since such a photo can only
     * be scored against the pooled statistics. The parts alone get no such note.
     */
    @Test
    void namesGoodImagesOfAnotherShapeUnderAPerPixelCalibration() throws Exception {
        Path strips = Files.createDirectories(dir.resolve("strips"));
        FloatImage part = org.ssaeinspector.imageio.ImageLoader.load(good.get(0));
        FloatImage strip = Tiling.crop(part, 0, 0, 32, 8);
        Path stripFile = strips.resolve("strip.png");
        SyntheticImages.write(strip, stripFile);
        List<Path> files = new ArrayList<>(good);
        files.add(stripFile);
        TrainingSettings settings = tiny().withEpochs(1).withKind(PartKind.OBJECT);
        MessageLog log = new MessageLog();
        TrainingResult result = new SsaeTrainer().train(files, settings, log, () -> false);
        result.model().close();
        assertTrue(result.notes().stream().anyMatch(n -> n.startsWith("1 of 25 good images has another shape than the rest "
                + "(strip.png): the per-pixel calibration")), result.notes().toString());

        MessageLog partsOnly = new MessageLog();
        TrainingResult parts = new SsaeTrainer().train(good, settings, partsOnly, () -> false);
        parts.model().close();
        assertTrue(parts.notes().stream().noneMatch(n -> n.contains("another shape")), parts.notes().toString());
    }

    /** One thin strip among many photos is mirrored out to the crop; it does not shrink every crop. */
    @Test
    void oneSmallPhotoDoesNotShrinkEveryCrop() {
        TrainingSettings s = TrainingSettings.defaults(); // 128 px, patch 2: crops are multiples of 16
        List<FloatImage> images = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            images.add(FloatImage.blank(1, 384, 128));
        }
        images.add(FloatImage.blank(1, 384, 32));
        assertEquals(128, SsaeTrainer.cropSide(images, s));
        // A tenth or more of them small: they set the crop, as before.
        for (int i = 0; i < 3; i++) {
            images.add(FloatImage.blank(1, 384, 40));
        }
        assertEquals(32, SsaeTrainer.cropSide(images, s));
        // Few photos: the smallest still sets it.
        assertEquals(32, SsaeTrainer.cropSide(List.of(FloatImage.blank(1, 384, 128), FloatImage.blank(1, 384, 40)), s));
    }

    @Test
    void theMessageNamesTheHighestFirstAndCountsTheRest() {
        List<String> names = List.of("a.png", "b.png", "c.png", "d.png", "e.png", "f.png", "g.png", "h.png");
        double[] scores = {1, 20, 2, 30, 25, 40, 35, 50};
        String text = SsaeTrainer.heldOutAboveThreshold(names, scores, 10);
        assertTrue(text.startsWith("6 held-out good images score at or above the threshold (10): h.png (50), f.png (40), "
                + "g.png (35), d.png (30), e.png (25) and 1 more."), text);
        assertEquals(null, SsaeTrainer.heldOutAboveThreshold(names, scores, 50.5));
        assertTrue(SsaeTrainer.heldOutAboveThreshold(names, scores, 45).startsWith("1 held-out good image scores"));
        // The threshold drawn as the highest held-out score: the image that set it is named.
        assertTrue(SsaeTrainer.heldOutAboveThreshold(names, scores, 50).contains("h.png (50)"));
    }

    @Test
    void gpuRequestWithoutAGpuFallsBackToTheCpuAndSaysSo() {
        org.junit.jupiter.api.Assumptions.assumeTrue(DjlRuntime.gpuCount() == 0, "a GPU is present");
        MessageLog log = new MessageLog();
        List<String> messages = log.messages;
        TrainingResult result = new SsaeTrainer().train(good, tiny().withEpochs(1).withDevice(DeviceChoice.GPU),
                log, () -> false);
        try (SsaeModel model = result.model()) {
            assertTrue(messages.stream().anyMatch(m -> m.contains("No CUDA GPU") && m.contains("CPU")), messages.toString());
            assertTrue(model.deviceName().startsWith("CPU"), model.deviceName());
            assertTrue(result.summary().device().startsWith("CPU"));
        }
    }

    @Test
    void refusesWhenFewerThanTwoImagesAreReadable() throws Exception {
        Path text = Files.writeString(dir.resolve("only.png"), "x");
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> new SsaeTrainer().train(List.of(good.get(0), text), tiny(), TrainingListener.NONE, () -> false));
        assertTrue(e.getMessage().contains("at least 2"), e.getMessage());
    }

    @Test
    void grayImagesGiveAOneChannelModelThatStillScoresColourInput() throws Exception {
        Path grayDir = dir.resolve("gray");
        Files.createDirectories(grayDir);
        Random rng = new Random(4);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Path p = grayDir.resolve("g" + i + ".png");
            FloatImage g = SyntheticImages.part(32, rng, false).withChannels(1);
            javax.imageio.ImageIO.write(toGray(g), "png", p.toFile());
            files.add(p);
        }
        TrainingResult result = new SsaeTrainer().train(files, tiny().withEpochs(1), TrainingListener.NONE, () -> false);
        try (SsaeModel model = result.model()) {
            assertEquals(1, model.header().channels());
            assertTrue(Float.isFinite(model.score(SyntheticImages.part(32, rng, false)).score()));
        }
    }

    private static java.awt.image.BufferedImage toGray(FloatImage g) {
        var img = new java.awt.image.BufferedImage(g.width(), g.height(), java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                img.getRaster().setSample(x, y, 0, Math.round(g.get(0, x, y) * 255));
            }
        }
        return img;
    }

    /** Keeps the trainer's messages (progress is ignored). */
    private static final class MessageLog implements TrainingListener {
        final List<String> messages = new ArrayList<>();

        @Override
        public void onProgress(TrainingProgress progress) {
        }

        @Override
        public void onMessage(String message) {
            messages.add(message);
        }
    }
}
