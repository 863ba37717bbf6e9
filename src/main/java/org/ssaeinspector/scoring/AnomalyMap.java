package org.ssaeinspector.scoring;

import org.ssaeinspector.imageio.PlaneResampler;

/**
 * Per-pixel anomaly evidence (row-major, width x height). Values are in the model's score units:
 * compare them with the model's threshold.
 */
public record AnomalyMap(float[] values, int width, int height) {
    public AnomalyMap {
        if (values.length != width * height) {
            throw new IllegalArgumentException("values length " + values.length + " != " + width + "x" + height);
        }
    }

    public float get(int x, int y) {
        return values[y * width + x];
    }

    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            m = Math.max(m, v);
        }
        return m;
    }

    /** Bilinear resize, e.g. from the model's resolution back to the photo's. */
    public AnomalyMap resize(int newWidth, int newHeight) {
        if (newWidth == width && newHeight == height) {
            return this;
        }
        float[] out = new float[newWidth * newHeight];
        PlaneResampler.bilinear(values, 1, width, height, out, newWidth, newHeight);
        return new AnomalyMap(out, newWidth, newHeight);
    }
}
