package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.imageio.FloatImage;
import org.ssaeinspector.testing.SyntheticImages;

class CorruptionSynthesizerTest {
    private final FloatImage clean = SyntheticImages.part(64, new Random(1), false);
    private final FloatImage donor = SyntheticImages.part(64, new Random(2), false);

    @Test
    void leavesAboutOneFifthCleanAndCoversOneToTwentyPercentOtherwise() {
        CorruptionSynthesizer s = new CorruptionSynthesizer();
        Random rng = new Random(7);
        int clean = 0;
        int samples = 400;
        double coverageSum = 0;
        int corrupted = 0;
        for (int i = 0; i < samples; i++) {
            CorruptionSynthesizer.Corrupted c = s.corrupt(this.clean, donor, rng);
            double cover = coverage(c.mask());
            if (cover == 0) {
                clean++;
                assertArrayEquals(this.clean.data(), c.input().data(), "a clean sample must equal its target");
            } else {
                corrupted++;
                coverageSum += cover;
                assertTrue(cover < 0.45, "coverage " + cover + " is far above the 20 % design");
            }
        }
        double cleanShare = clean / (double) samples;
        assertTrue(cleanShare > 0.12 && cleanShare < 0.28, "clean share " + cleanShare);
        double meanCoverage = coverageSum / corrupted;
        assertTrue(meanCoverage > 0.01 && meanCoverage < 0.2, "mean coverage " + meanCoverage);
    }

    @Test
    void changesPixelsOnlyInsideTheMaskAndStaysInRange() {
        CorruptionSynthesizer s = new CorruptionSynthesizer(0.0);
        Random rng = new Random(3);
        int n = 64 * 64;
        for (int i = 0; i < 50; i++) {
            CorruptionSynthesizer.Corrupted c = s.corrupt(clean, donor, rng);
            float[] in = c.input().data();
            boolean changedInside = false;
            for (int ch = 0; ch < 3; ch++) {
                for (int p = 0; p < n; p++) {
                    float v = in[ch * n + p];
                    assertTrue(v >= 0f && v <= 1f, "value out of range: " + v);
                    if (c.mask()[p] == 0f) {
                        assertEquals(clean.data()[ch * n + p], v, 1e-6f, "pixel outside the mask changed");
                    } else if (Math.abs(v - clean.data()[ch * n + p]) > 1e-3f) {
                        changedInside = true;
                    }
                }
            }
            assertTrue(changedInside || coverage(c.mask()) < 0.002, "a corruption must change something");
        }
    }

    @Test
    void isReproducibleWithTheSameSeed() {
        CorruptionSynthesizer s = new CorruptionSynthesizer();
        for (int i = 0; i < 5; i++) {
            var a = s.corrupt(clean, donor, new Random(100 + i));
            var b = s.corrupt(clean, donor, new Random(100 + i));
            assertArrayEquals(a.input().data(), b.input().data());
            assertArrayEquals(a.mask(), b.mask());
        }
    }

    private static double coverage(float[] mask) {
        double s = 0;
        for (float m : mask) {
            s += m;
        }
        return s / mask.length;
    }
}
