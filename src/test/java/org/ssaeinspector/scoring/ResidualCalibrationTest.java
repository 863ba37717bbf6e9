package org.ssaeinspector.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualCalibrationTest {
    private static final int SIZE = 32;

    /** Good residuals: small noise plus a systematic hot edge at column 5 (like a bottle rim). */
    private static List<float[]> goodResiduals(int count, long seed) {
        return goodResiduals(count, seed, 0.001f, 0.005f);
    }

    /** The same with a chosen background noise and spread of the rim's residual. */
    private static List<float[]> goodResiduals(int count, long seed, float noise, float rimSpread) {
        Random rng = new Random(seed);
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            float[] r = new float[SIZE * SIZE];
            for (int p = 0; p < r.length; p++) {
                r[p] = 0.001f + (float) Math.abs(rng.nextGaussian()) * noise;
                if (p % SIZE == 5) {
                    r[p] += 0.05f + (float) rng.nextGaussian() * rimSpread;
                }
            }
            out.add(r);
        }
        return out;
    }

    @Test
    void perPixelStatisticsRemoveSystematicResidualsSoTheDefectStandsOut() {
        List<float[]> good = goodResiduals(20, 1);
        float[] defective = goodResiduals(1, 99).get(0);
        // A defect of 0.02 (weaker than the rim's systematic 0.05) at the centre.
        for (int y = 14; y < 18; y++) {
            for (int x = 14; x < 18; x++) {
                defective[y * SIZE + x] += 0.02f;
            }
        }
        float[] normal = goodResiduals(1, 98).get(0);

        ResidualCalibration perPixel = ResidualCalibration.fit(good, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        AnomalyMap defectMap = perPixel.anomalyMap(defective, 1.0);
        AnomalyMap normalMap = perPixel.anomalyMap(normal, 1.0);
        assertTrue(defectMap.max() > 3 * normalMap.max(),
                "defect " + defectMap.max() + " vs normal " + normalMap.max());
        // The maximum is at the defect, not at the rim.
        assertTrue(defectMap.get(15, 15) == defectMap.max() || defectMap.get(16, 16) >= 0.9f * defectMap.max());

        // Without per-pixel statistics the rim dominates and the two images look alike.
        ResidualCalibration global = ResidualCalibration.fit(good, SIZE, ResidualCalibration.Mode.GLOBAL);
        float g1 = global.anomalyMap(defective, 1.0).max();
        float g0 = global.anomalyMap(normal, 1.0).max();
        assertTrue(g1 < 1.5 * g0, "global calibration should not separate these: " + g1 + " vs " + g0);
    }

    /**
     * With only a few held-out images, per-pixel variances are shrunk towards a prior. The prior
     * is the neighbourhood's variance, so a quiet region far from a wildly varying rim keeps its
     * small spread and a modest defect there stands out (an image-wide prior, pulled up by the
     * rim, would hide it).
     */
    @Test
    void fewHeldOutImagesDoNotLendTheRimsSpreadToQuietRegions() {
        List<float[]> good = goodResiduals(4, 5, 0.0006f, 0.02f);
        float[] defective = good.get(0).clone();
        for (int y = 14; y < 18; y++) {
            for (int x = 20; x < 24; x++) {
                defective[y * SIZE + x] += 0.01f;
            }
        }
        ResidualCalibration c = ResidualCalibration.fit(good, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        float defect = c.anomalyMap(defective, 1.0).get(21, 15);
        assertTrue(defect > 6, "a defect of 15 background spreads should stand out: z " + defect);
    }

    @Test
    void leaveOneOutScoresAreNotBiasedLowLikeInSampleScores() {
        List<float[]> good = goodResiduals(15, 2);
        ResidualCalibration all = ResidualCalibration.fit(good, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        double[] loo = ResidualCalibration.leaveOneOutScores(good, SIZE, ResidualCalibration.Mode.PER_PIXEL, 1.0);
        double inSample = 0;
        double outOfSample = 0;
        for (int i = 0; i < good.size(); i++) {
            inSample += all.anomalyMap(good.get(i), 1.0).max();
            outOfSample += loo[i];
        }
        assertTrue(outOfSample > inSample, "LOO " + outOfSample + " should exceed in-sample " + inSample);
    }

    @Test
    void survivesAWriteReadRoundTrip() throws Exception {
        List<float[]> good = goodResiduals(6, 3);
        ResidualCalibration c = ResidualCalibration.fit(good, SIZE, ResidualCalibration.Mode.PER_PIXEL);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        c.write(new DataOutputStream(bytes));
        ResidualCalibration back = ResidualCalibration.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        float[] probe = goodResiduals(1, 4).get(0);
        assertEquals(c.anomalyMap(probe, 2.0).max(), back.anomalyMap(probe, 2.0).max(), 0f);
        assertEquals(ResidualCalibration.Mode.PER_PIXEL, back.mode());
    }
}
