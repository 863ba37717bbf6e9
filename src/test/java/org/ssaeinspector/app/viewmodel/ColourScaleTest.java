package org.ssaeinspector.app.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.ssaeinspector.export.HeatmapRenderer;

class ColourScaleTest {
    @Test
    void matchesTheRendererAtAnyThreshold() {
        for (double t : new double[] {0.01, 0.37, 1, 2.7171, 150}) {
            ColourScale s = ColourScale.of(t);
            for (double r = 0; r <= 3; r += 0.01) {
                float v = (float) (r * t);
                int expected = HeatmapRenderer.argb(v, t);
                int actual = s.argb(v);
                for (int shift = 0; shift < 32; shift += 8) {
                    int e = (expected >>> shift) & 0xFF;
                    int a = (actual >>> shift) & 0xFF;
                    assertTrue(Math.abs(e - a) <= 2, "t " + t + " r " + r + ": " + Integer.toHexString(expected)
                            + " vs " + Integer.toHexString(actual));
                }
            }
            assertEquals(HeatmapRenderer.argb(t, t), s.argb((float) t), "exact at the threshold");
            assertEquals(0, s.argb(Float.NaN) >>> 24);
            assertEquals(0, s.argb(-1f) >>> 24);
        }
    }

    @Test
    void noScaleWithoutAPositiveThreshold() {
        assertNull(ColourScale.of(0));
        assertNull(ColourScale.of(-1));
        assertNull(ColourScale.of(Double.NaN));
        assertEquals(0.5, ColourScale.of(1).low(), 1e-12);
        assertEquals(2.0, ColourScale.of(1).high(), 1e-12);
    }
}
