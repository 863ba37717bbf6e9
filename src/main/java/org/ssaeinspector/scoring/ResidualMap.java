package org.ssaeinspector.scoring;

/**
 * A raw residual map (before calibration), row-major, at the model's scale of one photo. A map
 * may hold several planes one after the other (one per residual measure of a combined measure,
 * {@link ResidualMeasure#planes()}); each is calibrated on its own and the standardised planes
 * are averaged ({@link ResidualCalibration#anomalyMap}).
 */
public record ResidualMap(float[] values, int width, int height) {
    public ResidualMap {
        long pixels = (long) width * height;
        if (pixels <= 0 || values.length == 0 || values.length % pixels != 0) {
            throw new IllegalArgumentException("values length " + values.length + " is not a whole number of "
                    + width + "x" + height + " planes");
        }
    }

    /** Planes of width x height values. */
    public int planes() {
        return values.length / (width * height);
    }

    /** The same map at another size (bilinear, plane by plane), e.g. onto the calibration's reference grid. */
    public float[] resampled(int w, int h) {
        if (w == width && h == height) {
            return values;
        }
        int planes = planes();
        float[] out = new float[planes * w * h];
        org.ssaeinspector.imageio.PlaneResampler.bilinear(values, planes, width, height, out, w, h);
        return out;
    }
}
