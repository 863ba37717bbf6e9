package org.ssaeinspector.app.viewmodel;

import org.ssaeinspector.export.HeatmapRenderer;

/**
 * The heatmap colours at one threshold ({@link HeatmapRenderer}'s threshold-anchored scale), with
 * the range a legend shows. The renderer's colour depends on value / threshold only, so one table
 * sampled from it over [0, 2x threshold] serves every threshold: a threshold move recolours the
 * thumbnails on screen by table look-ups instead of thousands of colour-map interpolations.
 */
public final class ColourScale {
    private static final int STEPS = 4096;
    private static final double MAX_RATIO = HeatmapRenderer.SATURATE_AT;
    private static final int[] TABLE = table();

    private final double threshold;
    private final double toIndex;

    private ColourScale(double threshold) {
        this.threshold = threshold;
        this.toIndex = STEPS / (MAX_RATIO * threshold);
    }

    private static int[] table() {
        int[] t = new int[STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            t[i] = HeatmapRenderer.argb(MAX_RATIO * i / STEPS, 1.0);
        }
        return t;
    }

    /** The scale for a threshold, or null when the threshold cannot anchor one (not positive). */
    public static ColourScale of(double threshold) {
        return threshold > 0 && Double.isFinite(threshold) ? new ColourScale(threshold) : null;
    }

    public int argb(float value) {
        double i = value * toIndex;
        // NaN and values at or below zero map to the transparent bottom of the table.
        return i >= STEPS ? TABLE[STEPS] : i > 0 ? TABLE[(int) (i + 0.5)] : TABLE[0];
    }

    /** Colours a whole map (row-major). */
    public int[] paint(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = argb(values[i]);
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
