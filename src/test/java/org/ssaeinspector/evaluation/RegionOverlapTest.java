package org.ssaeinspector.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegionOverlapTest {
    private static final int W = 40;
    private static final int H = 30;

    private static boolean[] box(int x0, int y0, int w, int h) {
        boolean[] m = new boolean[W * H];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                m[y * W + x] = true;
            }
        }
        return m;
    }

    private static float[] map(boolean[] hot) {
        float[] v = new float[hot.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = hot[i] ? 5f : 0f;
        }
        return v;
    }

    @Test
    void aFlaggedRegionTwiceTheDefectsSizeScoresAQuarter() {
        RegionOverlap o = new RegionOverlap();
        o.add(map(box(10, 10, 10, 10)), box(15, 15, 5, 5), W, H, 1.0);
        assertEquals(0.25, o.meanIou(), 1e-9);
        assertEquals(1, o.regions());
    }

    @Test
    void eachTruthRegionTakesItsBestBoxAndAMissCountsZero() {
        RegionOverlap o = new RegionOverlap();
        boolean[] truth = box(2, 2, 4, 4);
        boolean[] second = box(30, 20, 5, 5);
        for (int i = 0; i < truth.length; i++) {
            truth[i] |= second[i];
        }
        // The first defect is found exactly, the second is missed; a false alarm elsewhere is not a truth region.
        boolean[] hot = box(2, 2, 4, 4);
        boolean[] alarm = box(20, 2, 3, 3);
        for (int i = 0; i < hot.length; i++) {
            hot[i] |= alarm[i];
        }
        o.add(map(hot), truth, W, H, 1.0);
        assertEquals(2, o.regions());
        assertEquals(0.5, o.meanIou(), 1e-9);
        assertTrue(Double.isNaN(new RegionOverlap().meanIou()), "no regions: undefined");
    }
}
