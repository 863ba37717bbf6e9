package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThresholdsCalibratedTest {
    @Test
    void inverseNormalMatchesKnownQuantiles() {
        assertEquals(2.326347874, Thresholds.inverseNormal(0.99), 1e-8);
        assertEquals(1.644853627, Thresholds.inverseNormal(0.95), 1e-8);
        assertEquals(0.0, Thresholds.inverseNormal(0.5), 1e-12);
        assertEquals(-3.090232306, Thresholds.inverseNormal(0.001), 1e-8);
    }

    @Test
    void oneUnusualGoodImageDoesNotSetTheThresholdForFewImages() {
        // The fabric sample model's held-out scores: one odd image far above the rest.
        double[] scores = {103.586, 0.0154, 0.0289, 0.0978, 0.1343};
        double t = Thresholds.calibrated(scores, 0.01);
        // median 0.0978, MAD 0.0689: 0.0978 + 2.3263 * 1.4826 * 0.0689
        assertEquals(0.0978 + 2.326348 * 1.4826 * 0.0689, t, 1e-3);
        assertTrue(t < 1, "threshold " + t);
    }

    @Test
    void enoughImagesUseTheEmpiricalQuantile() {
        double[] scores = new double[200];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = i;
        }
        assertEquals(Thresholds.forFalseRejectRate(scores, 0.01), Thresholds.calibrated(scores, 0.01), 0.0);
        assertEquals(197.0, Thresholds.calibrated(scores, 0.01), 0.0);
    }

    @Test
    void identicalScoresFallBackToTheEmpiricalRule() {
        double[] scores = {2, 2, 2, 2, 2};
        assertEquals(2.0, Thresholds.calibrated(scores, 0.01), 0.0);
    }
}
