package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.dataset.DataFingerprint;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.testing.SyntheticImages;
import org.ssaeinspector.util.UserFacingException;

/**
 * The feedback loop of issue "Learning from the inspector's verdicts" on generated parts whose
 * good look drifts (the light gets brighter): the first model flags many drifted good parts;
 * recalibrating with some of them, and training further with more, lowers the false-reject rate
 * on the rest of the drifted good parts while drifted defects are still caught.
 */
class FeedbackLoopTest {
    static final int SIZE = 32;
    /** Brighter light on the line: every pixel value up by this much. */
    static final float DRIFT = 0.1f;

    @TempDir
    static Path dir;
    static List<Path> original;
    static List<Path> driftForCalibration;
    static List<Path> driftForTraining;
    static List<FloatImage> driftedGood;
    static List<FloatImage> driftedDefective;
    static SsaeModel first;
    static Path firstFile;
    static double firstStepLoss;

    @BeforeAll
    static void firstModel() throws Exception {
        original = SyntheticImages.writeParts(dir.resolve("original"), 40, SIZE, 1);
        Random rng = new Random(21);
        driftForCalibration = writeDrifted(dir.resolve("drift-calibrate"), 15, rng);
        driftForTraining = new ArrayList<>(driftForCalibration);
        driftForTraining.addAll(writeDrifted(dir.resolve("drift-train"), 25, rng));
        driftedGood = new ArrayList<>();
        driftedDefective = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            driftedGood.add(drifted(SyntheticImages.part(SIZE, rng, false)));
            driftedDefective.add(drifted(SyntheticImages.part(SIZE, rng, true)));
        }
        List<TrainingProgress> steps = new ArrayList<>();
        first = new SsaeTrainer().train(original, settings().withEpochs(25), steps::add, () -> false).model();
        firstStepLoss = steps.get(0).loss();
        firstFile = dir.resolve("first.ssae");
        ModelFile.save(first, firstFile);
    }

    @AfterAll
    static void close() {
        first.close();
    }

    static TrainingSettings settings() {
        return TrainingSettings.defaults().withImageSize(SIZE).withWidth(16).withBatchSize(8).withSeed(3);
    }

    static FloatImage drifted(FloatImage image) {
        float[] d = image.data().clone();
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.min(1f, d[i] + DRIFT);
        }
        return new FloatImage(image.channels(), image.width(), image.height(), d);
    }

    static List<Path> writeDrifted(Path folder, int count, Random rng) throws Exception {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path p = folder.resolve(String.format("drift_%03d.png", i));
            SyntheticImages.write(drifted(SyntheticImages.part(SIZE, rng, false)), p);
            files.add(p);
        }
        return files;
    }

    /** Share of the images the model flags at its own threshold. */
    static double flagged(SsaeModel model, List<FloatImage> images) {
        int n = 0;
        for (FloatImage img : images) {
            n += model.score(img).score() > model.threshold() ? 1 : 0;
        }
        return n / (double) images.size();
    }

    @Test
    void recalibratingAndTrainingFurtherAcceptDriftedGoodPartsAndStillCatchDefects() {
        double firstFrr = flagged(first, driftedGood);
        double firstTpr = flagged(first, driftedDefective);
        Recalibration.Outcome recalibrated = Recalibration.recalibrate(first, firstFile, driftForCalibration, m -> { },
                () -> false);
        try (SsaeModel calibrated = recalibrated.model()) {
            double calibratedFrr = flagged(calibrated, driftedGood);
            double calibratedTpr = flagged(calibrated, driftedDefective);
            List<Path> mixed = new ArrayList<>(original);
            mixed.addAll(driftForTraining);
            List<TrainingProgress> steps = new ArrayList<>();
            TrainingResult further = new SsaeTrainer().trainFurther(mixed, settings().withEpochs(30),
                    TrainingStart.of(first, firstFile), steps::add, () -> false);
            assertTrue(steps.get(0).loss() < 0.5 * firstStepLoss, "training further starts from the parent's network: "
                    + "first loss " + steps.get(0).loss() + ", a fresh network's " + firstStepLoss);
            try (SsaeModel trained = further.model()) {
                double trainedFrr = flagged(trained, driftedGood);
                double trainedTpr = flagged(trained, driftedDefective);
                System.out.printf(java.util.Locale.ROOT, "drifted good flagged: first %.2f, recalibrated %.2f, trained further "
                                + "%.2f; drifted defects caught: %.2f, %.2f, %.2f; thresholds %.3f, %.3f, %.3f%n",
                        firstFrr, calibratedFrr, trainedFrr, firstTpr, calibratedTpr, trainedTpr, first.threshold(),
                        calibrated.threshold(), trained.threshold());
                assertTrue(firstFrr >= 0.5, "the drift must trouble the first model: it flags " + firstFrr);
                assertTrue(calibratedFrr <= firstFrr - 0.3, "recalibration: " + firstFrr + " -> " + calibratedFrr);
                assertTrue(trainedFrr <= firstFrr - 0.3, "training further: " + firstFrr + " -> " + trainedFrr);
                assertTrue(calibratedTpr >= 0.8, "defects still caught after recalibration: " + calibratedTpr);
                assertTrue(trainedTpr >= 0.8, "defects still caught after training further: " + trainedTpr);
                assertEquals(1, trained.header().lineage().size());
                assertEquals(LineageStep.TRAINED_FURTHER, trained.header().lineage().get(0).operation());
            }
        }
    }

    @Test
    void recalibrationRecordsItsLineageAndLeavesTheParentAsItWas() throws Exception {
        double parentThreshold = first.threshold();
        Recalibration.Outcome outcome = Recalibration.recalibrate(first, firstFile, driftForCalibration, m -> { },
                () -> false);
        try (SsaeModel model = outcome.model()) {
            ModelHeader h = model.header();
            assertEquals(parentThreshold, first.threshold(), "the parent keeps its threshold");
            assertEquals(first.header().heldOutScores().size() + 15, h.heldOutScores().size());
            assertEquals(first.header().heldOutCount() + 15, h.heldOutCount());
            assertEquals(org.ssaeinspector.evaluation.Thresholds.calibrated(
                    h.heldOutScoreArray(), h.targetFalseRejectRate()),
                    h.threshold(), 1e-9, "the threshold is the training's rule over the old and added scores");
            assertEquals(15, outcome.added());
            assertTrue(outcome.addedRejectedBefore() >= outcome.addedRejectedAfter());
            LineageStep step = h.lineage().get(0);
            assertEquals(LineageStep.RECALIBRATED, step.operation());
            assertEquals(DataFingerprint.sha256(firstFile), step.parentSha256());
            assertEquals(first.header().createdAt(), step.parentCreatedAt());
            assertEquals(DataFingerprint.of(driftForCalibration), step.addedFingerprint());
            assertNotEquals(first.header().createdAt(), h.createdAt());

            Path saved = dir.resolve("recalibrated.ssae");
            ModelFile.save(model, saved);
            try (SsaeModel loaded = ModelFile.load(saved)) {
                assertEquals(h.lineage(), loaded.header().lineage());
                FloatImage probe = driftedGood.get(0);
                assertEquals(model.score(probe).score(), loaded.score(probe).score(), 1e-4,
                        "the saved model scores as the recalibrated one");
                assertNotEquals(first.score(probe).score(), loaded.score(probe).score(), "the calibration changed");
            }
            // Recalibrating the recalibrated model: the lineage grows, oldest first.
            try (SsaeModel again = Recalibration.recalibrate(model, null, driftForTraining.subList(15, 20), m -> { },
                    () -> false).model()) {
                assertEquals(2, again.header().lineage().size());
                assertEquals(step, again.header().lineage().get(0));
                assertNull(again.header().lineage().get(1).parentSha256(), "an unsaved parent has no file checksum");
            }
        }
        assertTrue(Float.isFinite(first.score(driftedGood.get(0)).score()), "the parent's network is still open");
    }

    @Test
    void unreadableImagesAreSkippedAndNoReadableImageIsAClearError() throws Exception {
        Path broken = dir.resolve("broken.png");
        Files.writeString(broken, "not a png");
        Recalibration.Outcome outcome = Recalibration.recalibrate(first, firstFile,
                List.of(broken, driftForCalibration.get(0), driftForCalibration.get(1)), m -> { }, () -> false);
        outcome.model().close();
        assertEquals(2, outcome.added());
        assertEquals(List.of(broken), outcome.skipped().stream().map(s -> s.path()).toList());
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> Recalibration.recalibrate(first, firstFile, List.of(broken), m -> { }, () -> false));
        assertTrue(e.getMessage().contains("broken.png"), e.getMessage());
    }
}
