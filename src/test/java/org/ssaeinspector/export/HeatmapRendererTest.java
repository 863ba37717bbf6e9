package org.ssaeinspector.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ssaeinspector.scoring.AnomalyMap;

class HeatmapRendererTest {
    @Test
    void scaleIsAnchoredToTheThreshold() {
        double t = 0.04;
        assertEquals(0, HeatmapRenderer.scalePosition(0, t));
        assertEquals(0, HeatmapRenderer.scalePosition(0.5 * t, t));
        assertEquals(0.3, HeatmapRenderer.scalePosition(0.75 * t, t), 1e-12);
        assertEquals(0.6, HeatmapRenderer.scalePosition(t, t), 1e-12);
        assertEquals(0.8, HeatmapRenderer.scalePosition(1.5 * t, t), 1e-12);
        assertEquals(1, HeatmapRenderer.scalePosition(2 * t, t), 1e-12);
        assertEquals(1, HeatmapRenderer.scalePosition(50 * t, t));
        assertEquals(0, HeatmapRenderer.scalePosition(-1, t));
        assertEquals(0, HeatmapRenderer.scalePosition(Double.NaN, t));
        assertEquals(1, HeatmapRenderer.scalePosition(Double.POSITIVE_INFINITY, t));
    }

    @Test
    void fixedColoursAtTheAnchors() {
        for (double t : new double[] {0.002, 1.0, 350.0}) {
            assertEquals(0, HeatmapRenderer.argb(0.5 * t, t) >>> 24, "transparent at half the threshold");
            assertEquals(0, HeatmapRenderer.argb(0.1 * t, t) >>> 24);
            // The threshold is inferno's 7th stop at 80 % opacity on every image.
            assertEquals(0xCCDD513A, HeatmapRenderer.argb(t, t));
            assertEquals(0xFFFCFFA4, HeatmapRenderer.argb(2 * t, t));
            assertEquals(0xFFFCFFA4, HeatmapRenderer.argb(7 * t, t));
        }
        // One colour, one meaning: the same multiple of the threshold gives the same pixel.
        assertEquals(HeatmapRenderer.argb(0.13, 0.1), HeatmapRenderer.argb(13.0, 10.0));
    }

    @Test
    void colourAndOpacityRiseSteadilyWithEvidence() {
        double t = 0.3;
        double lastLuma = -1;
        int lastAlpha = -1;
        for (int i = 0; i <= 300; i++) {
            int c = HeatmapRenderer.argb(i / 100.0 * t, t);
            int alpha = c >>> 24;
            double luma = 0.2126 * ((c >> 16) & 0xFF) + 0.7152 * ((c >> 8) & 0xFF) + 0.0722 * (c & 0xFF);
            assertTrue(alpha >= lastAlpha, "alpha at " + i);
            assertTrue(luma >= lastLuma - 0.5, "brightness at " + i);
            lastAlpha = alpha;
            lastLuma = luma;
        }
        int below = HeatmapRenderer.argb(0.7 * t, t) >>> 24;
        assertTrue(below < 100, "weak evidence is mostly see-through, alpha " + below);
    }

    @Test
    void mapToPixelsAndImage() {
        AnomalyMap map = new AnomalyMap(new float[] {0f, 0.1f, 0.2f, 0.4f, Float.NaN, 0.15f}, 3, 2);
        int[] px = HeatmapRenderer.toArgb(map, 0.2);
        assertEquals(6, px.length);
        assertEquals(0, px[0] >>> 24);
        assertEquals(0, px[1] >>> 24);
        assertEquals(0xCCDD513A, px[2]);
        assertEquals(0xFFFCFFA4, px[3]);
        assertEquals(0, px[4] >>> 24);
        BufferedImage img = HeatmapRenderer.toImage(map, 0.2);
        assertEquals(BufferedImage.TYPE_INT_ARGB, img.getType());
        assertEquals(px[2], img.getRGB(2, 0));
        assertEquals(px[5], img.getRGB(2, 1));
    }

    @Test
    void overlayLeavesQuietAreasAloneAndColoursHotOnes() {
        BufferedImage photo = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                photo.setRGB(x, y, 0x404040);
            }
        }
        float[] v = new float[16];
        v[15] = 10f; // bottom-right corner of a 4x4 map, far above the threshold
        AnomalyMap map = new AnomalyMap(v, 4, 4);
        BufferedImage out = HeatmapRenderer.overlay(photo, map, 1.0, 1.0);
        assertEquals(8, out.getWidth());
        assertEquals(0x404040, out.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xFCFFA4, out.getRGB(7, 7) & 0xFFFFFF);
        BufferedImage half = HeatmapRenderer.overlay(photo, map, 1.0, 0.5);
        int p = half.getRGB(7, 7);
        assertEquals(Math.round(0x40 + (0xFC - 0x40) * 0.5), (p >> 16) & 0xFF);
        BufferedImage none = HeatmapRenderer.overlay(photo, map, 1.0, 0.0);
        assertEquals(0x404040, none.getRGB(7, 7) & 0xFFFFFF);
        assertThrows(IllegalArgumentException.class, () -> HeatmapRenderer.overlay(photo, map, 1.0, 1.5));
    }

    @Test
    void legendListsAnchoredStops() {
        List<HeatmapRenderer.LegendEntry> legend = HeatmapRenderer.legend(0.2);
        assertEquals(5, legend.size());
        assertEquals(0.1, legend.get(0).value(), 1e-12);
        assertEquals(0.2, legend.get(2).value(), 1e-12);
        assertEquals("threshold", legend.get(2).label());
        assertEquals(0xCCDD513A, legend.get(2).argb());
        assertEquals(0.4, legend.get(4).value(), 1e-12);
        for (HeatmapRenderer.LegendEntry e : legend) {
            assertEquals(HeatmapRenderer.argb(e.value(), 0.2), e.argb());
            assertEquals(e.value(), e.timesThreshold() * 0.2, 1e-12);
        }
    }

    @Test
    void badThresholdsAreRejected() {
        AnomalyMap map = new AnomalyMap(new float[1], 1, 1);
        for (double t : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThrows(IllegalArgumentException.class, () -> HeatmapRenderer.toArgb(map, t), "threshold " + t);
        }
    }
}
