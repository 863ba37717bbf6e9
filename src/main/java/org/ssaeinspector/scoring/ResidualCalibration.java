package org.ssaeinspector.scoring;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;

/**
 * Standardises residual maps with statistics of held-out good images (method.md, "Calibrating
 * the map on good images"): {@code z = (r - mean) / (std + eps)}. Per pixel for aligned objects,
 * which removes the systematic residuals at edges and highlights; one global mean and standard
 * deviation for textures and unaligned parts.
 */
public final class ResidualCalibration {
    public enum Mode {
        PER_PIXEL("per-pixel"), GLOBAL("global");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Mode of(String id) {
            for (Mode m : values()) {
                if (m.id.equals(id)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown calibration mode '" + id + "'");
        }
    }

    /** Weight, in images, of the neighbourhood's variance in each pixel's variance. */
    static final int PRIOR_IMAGES = 4;
    /** Gaussian sigma, in pixels at 128 px, of the neighbourhood whose variance is the prior. */
    static final double PRIOR_SIGMA_AT_128 = 2.0;

    private final Mode mode;
    private final int size;
    private final float[] mean;
    private final float[] std;
    private final float eps;

    private ResidualCalibration(Mode mode, int size, float[] mean, float[] std, float eps) {
        this.mode = mode;
        this.size = size;
        this.mean = mean;
        this.std = std;
        this.eps = eps;
    }

    /** No statistics (fewer than two held-out images): residuals are used as they are. */
    public static ResidualCalibration identity(int size) {
        return new ResidualCalibration(Mode.GLOBAL, size, new float[] {0f}, new float[] {1f}, 0f);
    }

    /** Fits the statistics on residual maps (size x size each) of held-out good images. */
    public static ResidualCalibration fit(List<float[]> residuals, int size, Mode mode) {
        if (residuals.size() < 2) {
            return identity(size);
        }
        Moments m = Moments.of(residuals, size * size, mode);
        return fromSums(mode, size, m.sum, m.sumSq, m.count, residuals.size());
    }

    /**
     * Statistics from running sums. Per-pixel variances from a few held-out images are noisy, so
     * they are shrunk towards the variance of the pixel's neighbourhood (Gaussian, sigma
     * {@link #PRIOR_SIGMA_AT_128} px at 128) as if {@link #PRIOR_IMAGES} more images had shown
     * exactly that: a pixel's own spread dominates once there are many more images. The
     * neighbourhood, not the whole image, because residual spread differs strongly between
     * regions (edges, highlights, background); measured on MVTec bottle, shrinking towards the
     * image-wide variance cost 0.007 image AUROC with 31 held-out images and 0.016 with 5, the
     * neighbourhood nothing with 31 and gained with 5 (docs/method.md).
     */
    private static ResidualCalibration fromSums(Mode mode, int size, double[] sum, double[] sumSq, double count,
                                                int images) {
        float[] mean = new float[sum.length];
        float[] std = new float[sum.length];
        float[] var = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            double mu = sum[i] / count;
            mean[i] = (float) mu;
            var[i] = (float) Math.max(0, sumSq[i] / count - mu * mu);
        }
        float[] prior = mode == Mode.PER_PIXEL ? GaussianSmoothing.blur(var, size, size, PRIOR_SIGMA_AT_128 * size / 128.0) : var;
        for (int i = 0; i < sum.length; i++) {
            double v = mode == Mode.PER_PIXEL ? (images * (double) var[i] + PRIOR_IMAGES * prior[i]) / (images + PRIOR_IMAGES) : var[i];
            std[i] = (float) Math.sqrt(v);
        }
        return new ResidualCalibration(mode, size, mean, std, epsFor(std));
    }

    /**
     * Scores of the held-out images, each standardised with statistics of the <em>other</em>
     * held-out images (leave one out), so the threshold drawn from them is not biased low.
     */
    public static double[] leaveOneOutScores(List<float[]> residuals, int size, Mode mode, double sigma) {
        int n = residuals.size();
        double[] scores = new double[n];
        if (n < 3) {
            ResidualCalibration all = fit(residuals, size, mode);
            for (int i = 0; i < n; i++) {
                scores[i] = all.anomalyMap(residuals.get(i), sigma).max();
            }
            return scores;
        }
        int pixels = size * size;
        Moments m = Moments.of(residuals, pixels, mode);
        for (int i = 0; i < n; i++) {
            float[] r = residuals.get(i);
            double[] sum = m.sum.clone();
            double[] sumSq = m.sumSq.clone();
            double count = m.count - (mode == Mode.PER_PIXEL ? 1 : pixels);
            if (mode == Mode.PER_PIXEL) {
                for (int p = 0; p < pixels; p++) {
                    sum[p] -= r[p];
                    sumSq[p] -= r[p] * (double) r[p];
                }
            } else {
                for (int p = 0; p < pixels; p++) {
                    sum[0] -= r[p];
                    sumSq[0] -= r[p] * (double) r[p];
                }
            }
            ResidualCalibration loo = fromSums(mode, size, sum, sumSq, count, n - 1);
            scores[i] = loo.anomalyMap(r, sigma).max();
        }
        return scores;
    }

    /** Keeps near-perfectly reconstructed pixels (std ~ 0) from turning noise into huge z. */
    private static float epsFor(float[] std) {
        double s = 0;
        for (float v : std) {
            s += v;
        }
        return (float) (0.1 * s / std.length + 1e-8);
    }

    public Mode mode() {
        return mode;
    }

    public int size() {
        return size;
    }

    /** Standardises, then smooths: the calibrated anomaly map of one residual map. */
    public AnomalyMap anomalyMap(float[] residual, double smoothingSigma) {
        float[] z = new float[residual.length];
        if (mode == Mode.PER_PIXEL) {
            for (int i = 0; i < z.length; i++) {
                z[i] = (residual[i] - mean[i]) / (std[i] + eps);
            }
        } else {
            float mu = mean[0];
            float inv = 1f / (std[0] + eps);
            for (int i = 0; i < z.length; i++) {
                z[i] = (residual[i] - mu) * inv;
            }
        }
        return new AnomalyMap(GaussianSmoothing.blur(z, size, size, smoothingSigma), size, size);
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeUTF(mode.id());
        out.writeInt(size);
        out.writeFloat(eps);
        out.writeInt(mean.length);
        for (int i = 0; i < mean.length; i++) {
            out.writeFloat(mean[i]);
            out.writeFloat(std[i]);
        }
    }

    public static ResidualCalibration read(DataInputStream in) throws IOException {
        Mode mode = Mode.of(in.readUTF());
        int size = in.readInt();
        float eps = in.readFloat();
        int n = in.readInt();
        int expected = mode == Mode.PER_PIXEL ? size * size : 1;
        if (n != expected || size <= 0) {
            throw new IOException("calibration statistics do not match the model size");
        }
        float[] mean = new float[n];
        float[] std = new float[n];
        for (int i = 0; i < n; i++) {
            mean[i] = in.readFloat();
            std[i] = in.readFloat();
        }
        return new ResidualCalibration(mode, size, mean, std, eps);
    }

    /** Running sums per pixel (or one global pair). */
    private record Moments(double[] sum, double[] sumSq, double count) {
        static Moments of(List<float[]> residuals, int pixels, Mode mode) {
            int slots = mode == Mode.PER_PIXEL ? pixels : 1;
            double[] sum = new double[slots];
            double[] sumSq = new double[slots];
            for (float[] r : residuals) {
                for (int p = 0; p < pixels; p++) {
                    int s = mode == Mode.PER_PIXEL ? p : 0;
                    sum[s] += r[p];
                    sumSq[s] += r[p] * (double) r[p];
                }
            }
            double count = mode == Mode.PER_PIXEL ? residuals.size() : (double) residuals.size() * pixels;
            return new Moments(sum, sumSq, count);
        }
    }
}
