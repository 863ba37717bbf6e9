package org.ssaeinspector.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.imageio.FloatImage;

class DataTraitsTest {
    /** Parallel stripes at an angle (radians), a random phase, brightness {@code offset + gain * pattern}. */
    static FloatImage stripes(int side, double angle, double gain, double offset, Random rng) {
        float[] d = new float[side * side];
        double phase = rng.nextDouble() * 2 * Math.PI;
        double ca = Math.cos(angle);
        double sa = Math.sin(angle);
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                double along = x * sa - y * ca; // across the stripes
                double v = 0.5 + 0.3 * Math.sin(along * 0.6 + phase) + 0.02 * rng.nextGaussian();
                d[y * side + x] = (float) (offset + gain * v);
            }
        }
        return new FloatImage(1, side, side, d);
    }

    private static List<FloatImage> set(int n, double minGain, double maxGain, long seed) {
        Random rng = new Random(seed);
        List<FloatImage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double gain = minGain + (maxGain - minGain) * i / (n - 1.0);
            out.add(stripes(48, 0, gain, (1 - gain) * 0.3, rng));
        }
        return out;
    }

    private static DataTraits of(List<FloatImage> images) {
        return DataTraits.of(images.stream().map(DataTraits::lumaMoments).toList());
    }

    @Test
    void steadyLightIsLeftAsItIs() {
        DataTraits t = of(set(12, 0.9, 1.0, 1));
        assertFalse(t.lightNormalised(), t.describe());
        FloatImage img = set(2, 1, 1, 2).get(0);
        assertTrue(t.apply(img) == img, "no copy, no change");
    }

    @Test
    void lightThatVariesThreefoldIsNormalisedAndDimPhotosLookLikeBrightOnes() {
        DataTraits t = of(set(12, 0.3, 1.0, 3));
        assertTrue(t.lightNormalised(), t.describe());
        FloatImage bright = stripes(48, 0, 1.0, 0, new Random(9));
        FloatImage dim = stripes(48, 0, 0.35, 0.2, new Random(9));
        FloatImage a = t.apply(bright);
        FloatImage b = t.apply(dim);
        assertArrayEquals(a.data(), b.data(), 1e-4f);
        double[] m = DataTraits.lumaMoments(a);
        assertEquals(DataTraits.TARGET_MEAN, m[0], 0.01);
        assertEquals(DataTraits.TARGET_CONTRAST, m[1], 0.01);
    }

    @Test
    void colourKeepsItsRelationsUnderNormalisation() {
        float[] d = new float[3 * 4];
        for (int i = 0; i < 4; i++) {
            d[i] = 0.5f + 0.03f * (i - 1.5f);     // red
            d[4 + i] = 0.5f + 0.02f * (i - 1.5f); // green
            d[8 + i] = 0.5f + 0.01f * (i - 1.5f); // blue
        }
        float[] o = DataTraits.normalisedLight(new FloatImage(3, 2, 2, d)).data();
        // One gain for all channels (nothing clipped here): steps keep their 3 : 2 : 1 ratio.
        float blueStep = o[9] - o[8];
        assertTrue(blueStep > 0.01f, "stretched: " + blueStep);
        assertEquals(3 * blueStep, o[1] - o[0], 1e-4);
        assertEquals(2 * blueStep, o[5] - o[4], 1e-4);
    }

    @Test
    void flatPhotosAreAllStretchedByOneGainAndADarkerPhotoStaysDarker() {
        // Dim, flat stripes (contrast about 0.02 around 0.1) under steady light.
        Random rng = new Random(4);
        List<FloatImage> flat = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            flat.add(stripes(48, 0, 0.1, 0.05, rng));
        }
        DataTraits t = of(flat);
        assertFalse(t.lightNormalised(), t.describe());
        assertTrue(t.flatStretched(), t.describe());
        assertTrue(t.typicalContrast() < 0.03 && t.typicalBrightness() < 0.15, t.describe());
        assertTrue(t.describe().contains("flat") && t.describe().contains("one gain"), t.describe());
        double[] typical = DataTraits.lumaMoments(t.apply(flat.get(0)));
        assertEquals(DataTraits.TARGET_MEAN, typical[0], 0.03);
        assertEquals(DataTraits.TARGET_CONTRAST, typical[1], 0.03);
        // The same stripes a little darker: after the one gain, still darker (not normalised away).
        FloatImage darker = stripes(48, 0, 0.1, 0.03, new Random(4));
        FloatImage same = stripes(48, 0, 0.1, 0.05, new Random(4));
        double gap = DataTraits.lumaMoments(t.apply(same))[0] - DataTraits.lumaMoments(t.apply(darker))[0];
        assertTrue(gap > 0.1, "a photo 0.02 darker stays darker by the gain's share: " + gap);
    }

    @Test
    void photosOfOrdinaryContrastAreNotStretched() {
        DataTraits t = of(set(12, 0.9, 1.0, 5));
        assertFalse(t.flatStretched(), t.describe());
        assertTrue(t.typicalContrast() > DataTraits.MIN_CONTRAST, t.describe());
    }
}
