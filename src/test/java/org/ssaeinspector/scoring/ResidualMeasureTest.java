package org.ssaeinspector.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.imageio.FloatImage;

class ResidualMeasureTest {

    /** A ground-steel-like surface: mid grey with fine streaks along x and grain. */
    private static FloatImage surface(int w, int h, long seed) {
        Random rng = new Random(seed);
        float[] streak = new float[h];
        for (int y = 0; y < h; y++) {
            streak[y] = (float) (0.04 * rng.nextGaussian());
        }
        float[] d = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                d[y * w + x] = (float) (0.5 + streak[y] + 0.01 * rng.nextGaussian());
            }
        }
        return new FloatImage(1, w, h, d);
    }

    private static FloatImage withPit(FloatImage img, int cx, int cy, int r, float depth) {
        FloatImage out = img.copy();
        for (int y = cy - r; y <= cy + r; y++) {
            for (int x = cx - r; x <= cx + r; x++) {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= r * r) {
                    out.set(0, x, y, out.get(0, x, y) - depth);
                }
            }
        }
        return out;
    }

    private static float max(ResidualMap m) {
        float best = 0;
        for (float v : m.values()) {
            best = Math.max(best, v);
        }
        return best;
    }

    private static float at(ResidualMap m, int x, int y) {
        return m.values()[y * m.width() + x];
    }

    @Test
    void anImageAgainstItselfLeavesNoResidualWhateverTheMeasure() {
        FloatImage img = surface(48, 40, 1);
        for (ResidualMeasure m : ResidualMeasure.values()) {
            ResidualMap r = m.residual(img, img, 1.0);
            assertEquals(48, r.width());
            assertEquals(40, r.height());
            assertEquals(0f, max(r), 1e-5f, m.id());
        }
    }

    @Test
    void aPitTheNetworkSmoothedAwayIsFoundWhereItIs() {
        FloatImage reconstruction = surface(64, 64, 2);
        FloatImage input = withPit(reconstruction, 40, 20, 2, 0.15f);
        for (ResidualMeasure m : ResidualMeasure.values()) {
            ResidualMap r = m.residual(input, reconstruction, 1.0);
            float pit = at(r, 40, 20);
            float far = at(r, 10, 50);
            assertTrue(pit > 10 * Math.max(far, 1e-6f), m.id() + ": pit " + pit + ", elsewhere " + far);
        }
    }

    /**
     * The point of the structural measures: a slight overall brightness difference between image
     * and reconstruction (the network's usual, harmless error) weighs little against a small pit,
     * where for the squared difference the two are of one order.
     */
    @Test
    void structuralMeasuresWeighAPitFarAboveAnOverallShadeError() {
        FloatImage clean = surface(64, 64, 3);
        FloatImage shaded = clean.copy();
        for (int i = 0; i < shaded.data().length; i++) {
            shaded.data()[i] += 0.04f;
        }
        FloatImage pitted = withPit(clean, 32, 32, 2, 0.08f);
        for (ResidualMeasure m : ResidualMeasure.values()) {
            float shadeError = max(m.residual(clean, shaded, 1.0));
            float pitError = max(m.residual(pitted, clean, 1.0));
            double ratio = pitError / Math.max(shadeError, 1e-9);
            if (m == ResidualMeasure.SQUARED) {
                assertTrue(ratio < 5, "squared: pit " + pitError + " vs shade " + shadeError);
            } else {
                assertTrue(ratio > 20, m.id() + ": pit " + pitError + " vs shade " + shadeError);
            }
        }
    }

    @Test
    void colourImagesAverageTheirChannelsAndIdsRoundTrip() {
        FloatImage gray = surface(32, 32, 4);
        float[] rgb = new float[3 * 32 * 32];
        for (int c = 0; c < 3; c++) {
            System.arraycopy(gray.data(), 0, rgb, c * 32 * 32, 32 * 32);
        }
        FloatImage colour = new FloatImage(3, 32, 32, rgb);
        FloatImage grayPit = withPit(gray, 16, 16, 2, 0.1f);
        FloatImage colourPit = withPit(colour, 16, 16, 2, 0.1f); // the first channel only
        for (ResidualMeasure m : ResidualMeasure.values()) {
            assertEquals(m, ResidualMeasure.of(m.id()));
            float grayPeak = max(m.residual(grayPit, gray, 1.0));
            float colourPeak = max(m.residual(colourPit, colour, 1.0));
            assertTrue(colourPeak > 0 && colourPeak < grayPeak, m.id() + ": " + colourPeak + " vs " + grayPeak);
        }
        assertEquals(ResidualMeasure.SQUARED, ResidualMeasure.of(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResidualMeasure.of("l1"));
        assertTrue(e.getMessage().contains("'l1'"), e.getMessage());
    }
}
