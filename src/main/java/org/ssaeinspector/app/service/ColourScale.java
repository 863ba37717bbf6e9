package org.ssaeinspector.app.service;

/**
 * Maps anomaly values to translucent ARGB colours. Anchored to the threshold, so a colour means
 * the same evidence on every image; {@link #low()} and {@link #high()} bound the legend.
 */
public interface ColourScale {
    int argb(float value);

    double low();

    double threshold();

    double high();

    /** Colours a whole map (row-major). */
    default int[] paint(float[] values) {
        int[] out = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = argb(values[i]);
        }
        return out;
    }
}
