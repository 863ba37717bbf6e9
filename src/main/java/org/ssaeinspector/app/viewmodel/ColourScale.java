package org.ssaeinspector.app.viewmodel;

import org.ssaeinspector.export.HeatmapRenderer;

/**
 * The heatmap colours at one threshold ({@link HeatmapRenderer}'s threshold-anchored scale), with
 * the range a legend shows.
 */
public final class ColourScale {
    private final double threshold;

    private ColourScale(double threshold) {
        this.threshold = threshold;
    }

    /** The scale for a threshold, or null when the threshold cannot anchor one (not positive). */
    public static ColourScale of(double threshold) {
        return threshold > 0 && Double.isFinite(threshold) ? new ColourScale(threshold) : null;
    }

    public int argb(float value) {
        return HeatmapRenderer.argb(value, threshold);
    }

    /** Colours a whole map (row-major). */
    public int[] paint(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = HeatmapRenderer.argb(values[i], threshold);
        }
        return out;
    }

    /** Below this the map is transparent. */
    public double low() {
        return HeatmapRenderer.TRANSPARENT_AT * threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** Above this the colour is saturated. */
    public double high() {
        return HeatmapRenderer.SATURATE_AT * threshold;
    }
}
