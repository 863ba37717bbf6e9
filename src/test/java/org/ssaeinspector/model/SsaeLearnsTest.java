package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ssaeinspector.testing.SyntheticImages;

/** The whole method on generated parts: after a short training, defects score above good parts. */
class SsaeLearnsTest {
    @TempDir
    Path dir;

    @Test
    void defectivePartsScoreAboveGoodParts() throws Exception {
        List<Path> good = SyntheticImages.writeParts(dir, 40, 32, 1);
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withWidth(8).withBatchSize(8)
                .withEpochs(25).withSeed(3);
        try (SsaeModel model = new SsaeTrainer().train(good, s, TrainingListener.NONE, () -> false).model()) {
            Random rng = new Random(77);
            int n = 12;
            double[] goodScores = new double[n];
            double[] badScores = new double[n];
            for (int i = 0; i < n; i++) {
                goodScores[i] = model.score(SyntheticImages.part(32, rng, false)).score();
                badScores[i] = model.score(SyntheticImages.part(32, rng, true)).score();
            }
            int correctPairs = 0;
            for (double b : badScores) {
                for (double g : goodScores) {
                    correctPairs += b > g ? 1 : 0;
                }
            }
            double auroc = correctPairs / (double) (n * n);
            int flaggedBad = 0;
            int flaggedGood = 0;
            for (int i = 0; i < n; i++) {
                flaggedBad += badScores[i] > model.threshold() ? 1 : 0;
                flaggedGood += goodScores[i] > model.threshold() ? 1 : 0;
            }
            assertTrue(auroc >= 0.95, "image AUROC on generated parts " + auroc);
            assertTrue(flaggedBad >= n - 2, "defects flagged at the calibrated threshold: " + flaggedBad + "/" + n);
            assertTrue(flaggedGood <= 2, "good parts flagged: " + flaggedGood + "/" + n);
        }
    }
}
