package org.ssaeinspector.scoring;

import java.util.Locale;
import org.ssaeinspector.imageio.FloatImage;

/**
 * How an image and its reconstruction are compared, pixel by pixel, before calibration.
 * <ul>
 *   <li>{@link #SQUARED}: mean over channels of the squared difference of the two images, each
 *   first blurred a little (the paper's residual; what every model before this choice used).</li>
 *   <li>{@link #STRUCTURAL}: one minus the structural similarity (SSIM, Gaussian window of
 *   σ 1.5 px), mean over channels. It compares local mean, contrast and correlation, so a pit or a
 *   fine scratch that the network smooths away counts in full even where it changes little
 *   intensity, while a slight overall shading difference counts little.</li>
 *   <li>{@link #GRADIENT}: one minus the gradient-magnitude similarity of the images' luma at three
 *   scales (1, 1/2, 1/4; as in RIAD, Zavrtanik et al. 2021): compares edges only.</li>
 *   <li>{@link #SQUARED_AND_STRUCTURAL}: both of the first two, as two planes of one map; each is
 *   standardised on its own and the two averaged ({@link ResidualCalibration#anomalyMap}). The
 *   default: intensity defects (a bottle's contamination) show in the first, fine structural ones
 *   (pits, thin scratches on a ground surface) in the second, and on every data set measured the
 *   pair ranked at least as well as the squared difference alone (docs/benchmarks.md).</li>
 * </ul>
 */
public enum ResidualMeasure {
    SQUARED("squared"), STRUCTURAL("ssim"), GRADIENT("gms"), SQUARED_AND_STRUCTURAL("squared+ssim");

    private static final double SSIM_WINDOW_SIGMA = 1.5;
    private static final float SSIM_C1 = 0.01f * 0.01f;
    private static final float SSIM_C2 = 0.03f * 0.03f;
    /** RIAD's stabilising constant for images in [0, 1]. */
    private static final float GMS_C = 0.0026f;
    private static final int GMS_SCALES = 3;

    private final String id;

    ResidualMeasure(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Planes of the residual map: one per measure compared. */
    public int planes() {
        return this == SQUARED_AND_STRUCTURAL ? 2 : 1;
    }

    /** The measure of an id; null or absent (model files before the choice) is {@link #SQUARED}. */
    public static ResidualMeasure of(String id) {
        if (id == null) {
            return SQUARED;
        }
        for (ResidualMeasure m : values()) {
            if (m.id.equals(id.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown residual measure '" + id + "' (squared, ssim, gms or squared+ssim)");
    }

    /**
     * The residual map of an image and its reconstruction (same size and channels).
     *
     * @param blurSigma Gaussian sigma applied to both images first (the squared difference only:
     *                  the other measures compare local statistics already)
     */
    public ResidualMap residual(FloatImage input, FloatImage reconstruction, double blurSigma) {
        float[] r = switch (this) {
            case SQUARED -> squared(input, reconstruction, blurSigma);
            case STRUCTURAL -> structural(input, reconstruction);
            case GRADIENT -> gradient(luma(input), luma(reconstruction), input.width(), input.height());
            case SQUARED_AND_STRUCTURAL -> concat(squared(input, reconstruction, blurSigma), structural(input, reconstruction));
        };
        return new ResidualMap(r, input.width(), input.height());
    }

    private static float[] concat(float[] a, float[] b) {
        float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static float[] plane(FloatImage image, int c) {
        int n = image.width() * image.height();
        return java.util.Arrays.copyOfRange(image.data(), c * n, (c + 1) * n);
    }

    private static float[] squared(FloatImage a, FloatImage b, double blurSigma) {
        int w = a.width();
        int h = a.height();
        int channels = a.channels();
        float[] r = new float[w * h];
        for (int c = 0; c < channels; c++) {
            float[] pa = blurSigma > 0 ? GaussianSmoothing.blur(plane(a, c), w, h, blurSigma) : plane(a, c);
            float[] pb = blurSigma > 0 ? GaussianSmoothing.blur(plane(b, c), w, h, blurSigma) : plane(b, c);
            for (int i = 0; i < r.length; i++) {
                float d = pa[i] - pb[i];
                r[i] += d * d;
            }
        }
        for (int i = 0; i < r.length; i++) {
            r[i] /= channels;
        }
        return r;
    }

    private static float[] structural(FloatImage a, FloatImage b) {
        int w = a.width();
        int h = a.height();
        int n = w * h;
        float[] out = new float[n];
        for (int c = 0; c < a.channels(); c++) {
            float[] x = plane(a, c);
            float[] y = plane(b, c);
            float[] xx = new float[n];
            float[] yy = new float[n];
            float[] xy = new float[n];
            for (int i = 0; i < n; i++) {
                xx[i] = x[i] * x[i];
                yy[i] = y[i] * y[i];
                xy[i] = x[i] * y[i];
            }
            float[] mx = GaussianSmoothing.blur(x, w, h, SSIM_WINDOW_SIGMA);
            float[] my = GaussianSmoothing.blur(y, w, h, SSIM_WINDOW_SIGMA);
            float[] sxx = GaussianSmoothing.blur(xx, w, h, SSIM_WINDOW_SIGMA);
            float[] syy = GaussianSmoothing.blur(yy, w, h, SSIM_WINDOW_SIGMA);
            float[] sxy = GaussianSmoothing.blur(xy, w, h, SSIM_WINDOW_SIGMA);
            for (int i = 0; i < n; i++) {
                float vx = sxx[i] - mx[i] * mx[i];
                float vy = syy[i] - my[i] * my[i];
                float cov = sxy[i] - mx[i] * my[i];
                float ssim = ((2 * mx[i] * my[i] + SSIM_C1) * (2 * cov + SSIM_C2))
                        / ((mx[i] * mx[i] + my[i] * my[i] + SSIM_C1) * (vx + vy + SSIM_C2));
                out[i] += (1f - ssim) / a.channels();
            }
        }
        return out;
    }

    private static float[] luma(FloatImage image) {
        int n = image.width() * image.height();
        float[] g = new float[n];
        for (int c = 0; c < image.channels(); c++) {
            for (int i = 0; i < n; i++) {
                g[i] += image.data()[c * n + i] / image.channels();
            }
        }
        return g;
    }

    private static float[] gradient(float[] a, float[] b, int w, int h) {
        float[] sum = new float[w * h];
        int scales = 0;
        float[] ca = a;
        float[] cb = b;
        int cw = w;
        int ch = h;
        for (int s = 0; s < GMS_SCALES && cw >= 8 && ch >= 8; s++) {
            float[] ga = prewittMagnitude(ca, cw, ch);
            float[] gb = prewittMagnitude(cb, cw, ch);
            float[] sim = new float[cw * ch];
            for (int i = 0; i < sim.length; i++) {
                sim[i] = (2 * ga[i] * gb[i] + GMS_C) / (ga[i] * ga[i] + gb[i] * gb[i] + GMS_C);
            }
            float[] up = new FloatImage(1, cw, ch, sim).resize(w, h).data();
            for (int i = 0; i < sum.length; i++) {
                sum[i] += up[i];
            }
            scales++;
            ca = new FloatImage(1, cw, ch, ca).resize(cw / 2, ch / 2).data();
            cb = new FloatImage(1, cw, ch, cb).resize(cw / 2, ch / 2).data();
            cw /= 2;
            ch /= 2;
        }
        float[] out = new float[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = scales == 0 ? 0 : 1f - sum[i] / scales;
        }
        return out;
    }

    private static float[] prewittMagnitude(float[] p, int w, int h) {
        float[] g = new float[w * h];
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - 1);
            int y1 = Math.min(h - 1, y + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - 1);
                int x1 = Math.min(w - 1, x + 1);
                float gx = p[y0 * w + x1] + p[y * w + x1] + p[y1 * w + x1] - p[y0 * w + x0] - p[y * w + x0] - p[y1 * w + x0];
                float gy = p[y1 * w + x0] + p[y1 * w + x] + p[y1 * w + x1] - p[y0 * w + x0] - p[y0 * w + x] - p[y0 * w + x1];
                g[y * w + x] = (float) Math.sqrt(gx * gx + gy * gy) / 3f;
            }
        }
        return g;
    }
}
