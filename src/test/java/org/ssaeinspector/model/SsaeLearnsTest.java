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
        // 60 parts, 9 of them held out: from 6 held-out scores the threshold is rough (which 6 decides
        // whether 1 or 6 of 12 good parts are flagged).
        List<Path> good = SyntheticImages.writeParts(dir, 60, 32, 1);
        TrainingSettings s = TrainingSettings.defaults().withImageSize(32).withWidth(16).withBatchSize(8)
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
            double fidelity = cleanErrorShare(model);
            assertTrue(fidelity < 0.3, "good parts must be reconstructed closely; error share of their variance "
                    + fidelity);
            double repair = repairRatio(model);
            assertTrue(repair < 0.5, "the reconstruction should replace the defect by normal content; "
                    + "remaining error share " + repair);
            assertTrue(flaggedBad >= n - 2, "defects flagged at the calibrated threshold: " + flaggedBad + "/" + n);
            assertTrue(flaggedGood <= 2, "good parts flagged: " + flaggedGood + "/" + n);
        }
    }

    /** Reconstruction error of good parts as a share of their pixel variance (1 = no better than the mean). */
    private static double cleanErrorShare(SsaeModel model) {
        double error = 0;
        double variance = 0;
        for (int k = 0; k < 8; k++) {
            var clean = SyntheticImages.part(32, new Random(900 + k), false);
            float[] c = clean.data();
            float[] r = model.score(clean).reconstruction().data();
            double mean = 0;
            for (float v : c) {
                mean += v;
            }
            mean /= c.length;
            for (int i = 0; i < c.length; i++) {
                error += (r[i] - c[i]) * (r[i] - c[i]);
                variance += (c[i] - mean) * (c[i] - mean);
            }
        }
        return error / variance;
    }

    /**
     * Inside the defect, the error of the reconstruction against the clean part, as a share of
     * the input's error against it: near 0 when the defect is repaired, near 1 when copied.
     */
    private static double repairRatio(SsaeModel model) {
        double inputError = 0;
        double reconError = 0;
        for (int k = 0; k < 8; k++) {
            var clean = SyntheticImages.part(32, new Random(500 + k), false);
            var broken = SyntheticImages.part(32, new Random(500 + k), true);
            var recon = model.score(broken).reconstruction();
            float[] c = clean.data();
            float[] b = broken.data();
            float[] r = recon.data();
            for (int i = 0; i < c.length; i++) {
                if (Math.abs(b[i] - c[i]) > 0.2f) {
                    inputError += (b[i] - c[i]) * (b[i] - c[i]);
                    reconError += (r[i] - c[i]) * (r[i] - c[i]);
                }
            }
        }
        return reconError / inputError;
    }
}
