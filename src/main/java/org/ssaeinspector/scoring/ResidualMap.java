package org.ssaeinspector.scoring;

/** A raw residual map (before calibration), row-major, at the model's scale of one photo. */
public record ResidualMap(float[] values, int width, int height) {
    public ResidualMap {
        if (values.length != width * height) {
            throw new IllegalArgumentException("values length " + values.length + " != " + width + "x" + height);
        }
    }

    /** The same map at another size (bilinear), e.g. onto the calibration's reference grid. */
    public float[] resampled(int w, int h) {
        if (w == width && h == height) {
            return values;
        }
        float[] out = new float[w * h];
        org.ssaeinspector.imageio.PlaneResampler.bilinear(values, 1, width, height, out, w, h);
        return out;
    }
}
